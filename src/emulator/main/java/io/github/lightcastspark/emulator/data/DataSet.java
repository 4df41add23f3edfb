package io.github.lightcastspark.emulator.data;

import java.util.List;
import java.util.Map;

/**
 * Everything the emulator serves, as loaded from the built-in resource or imported from a public-data directory.
 *
 * @param occupations national facts per occupation
 * @param cipToSoc the NCES CIP 2020 to SOC 2018 crosswalk
 * @param regions states and MSAs
 * @param figures real regional figures
 */
public record DataSet(
    List<OccupationFacts> occupations,
    Map<String, List<String>> cipToSoc,
    List<RegionFacts> regions,
    List<RegionalFigures> figures) {}
