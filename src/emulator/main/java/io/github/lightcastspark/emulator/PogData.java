package io.github.lightcastspark.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lightcastspark.emulator.data.OccupationFacts;
import io.github.lightcastspark.emulator.data.RegionFacts;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Projected occupation growth as the emulator serves it. Lightcast's LOT taxonomy is not public, so occupations carry
 * ids of the emulator's own, made from their SOC code: {@code LO-15-1252} ({@code lotocc}) and {@code LS-15-1252-1}
 * ({@code lotspecocc}). Figures come from the same occupations as the LMI data: base employment is the region's
 * employment, and the ten-year BLS projection is spread evenly over the years (compound growth), so the 1-, 2-, 3-, 5-
 * and 10-year figures are cumulative fractions with the 10-year one equal to BLS's.
 */
public final class PogData {
  /** The dimensions the API knows. */
  public static final List<String> DIMENSIONS = List.of("lotocc", "lotspecocc");

  private static final Pattern OCC = Pattern.compile("LO-(\\d{2}-\\d{4})");
  private static final Pattern SPEC = Pattern.compile("LS-(\\d{2}-\\d{4})-1");
  private static final double SPECIALIZED_SHARE = 0.4;
  private static final int[] YEARS = {1, 2, 3, 5, 10};
  private static final String[] KEYS = {"oneYear", "twoYear", "threeYear", "fiveYear", "tenYear"};
  private static final ObjectMapper JSON = Json.MAPPER;

  private final EmulatorData data;
  private volatile String modelVersion = "36";

  PogData(EmulatorData data) {
    this.data = data;
  }

  /**
   * @param dimension {@code lotocc} or {@code lotspecocc}
   * @param id an occupation id of that dimension
   * @param stateCode null for the nation, else a canonical FIPS code the data holds
   * @return the {@code data} object of a growth response, or empty when the id is unknown
   */
  public Optional<ObjectNode> growth(String dimension, String id, String stateCode) {
    Matcher m = (dimension.equals("lotocc") ? OCC : SPEC).matcher(id);
    if (!m.matches()) {
      return Optional.empty();
    }
    Optional<OccupationFacts> occupation = data.occupation(m.group(1));
    if (occupation.isEmpty()) {
      return Optional.empty();
    }
    OccupationFacts o = occupation.get();
    boolean specialized = dimension.equals("lotspecocc");
    long employment = stateCode == null
        ? o.employment()
        : data.occupationJson(o.socCode(), "state", stateCode, false, false)
            .path("laborMarketData")
            .path("totalEmployment")
            .asLong();
    ObjectNode out = JSON.createObjectNode()
        .put("id", id)
        .put("name", specialized ? o.name() + " (specialized)" : o.name());
    RegionFacts state =
        stateCode == null ? null : data.region("state", stateCode).orElseThrow();
    out.putObject("region")
        .put("id", state == null ? "us" : String.valueOf(Integer.parseInt(stateCode)))
        .put("level", state == null ? "nation" : "state")
        .put("name", state == null ? "United States" : state.name());
    out.put(
        "baseEmployment", specialized ? Math.round(employment * SPECIALIZED_SHARE) : employment);
    ObjectNode growth = out.putObject("growthPercent");
    double annual = Math.pow(1 + (o.growth() == null ? 0 : o.growth()), 1.0 / 10) - 1;
    for (int i = 0; i < YEARS.length; i++) {
      growth.put(KEYS[i], Math.round((Math.pow(1 + annual, YEARS[i]) - 1) * 10_000) / 10_000.0);
    }
    return Optional.of(out);
  }

  /**
   * Publishes a new model release, as the API does a few times a year: {@code /meta} names it from now on.
   *
   * @param version the new {@code modelVersions.projectedOccupationGrowth}
   */
  public void publishModelVersion(String version) {
    modelVersion = version;
  }

  /** @return the {@code data} object of {@code GET /meta} */
  ObjectNode meta(String lotVersion) {
    ObjectNode meta = JSON.createObjectNode();
    meta.putObject("attribution")
        .put("title", "Projected Occupation Growth")
        .put(
            "body",
            "The Lightcast Projected"
                + " Occupation Growth API provides an esitmate of how an occupation is projected to grow over the next"
                + " several years.");
    meta.putObject("modelVersions").put("projectedOccupationGrowth", modelVersion);
    meta.putObject("taxonomyVersions").put("lot", lotVersion).put("area", "us_area_2025_1");
    meta.putObject("supportedTaxonomyVersions").putArray("lot").add("6").add("7");
    meta.putArray("dimensions").add("lotocc").add("lotspecocc");
    ObjectNode regions = meta.putObject("regions");
    regions.putArray("nations").add("us");
    regions.putObject("nationLevels").putArray("us").add("nation").add("state");
    return meta;
  }

  /** @return whether the data holds state {@code code} ("6" or "06") */
  boolean knowsState(String code) {
    return data.region("state", code).isPresent();
  }

  /** @return the canonical form of a state code the data holds */
  String canonicalState(String code) {
    return data.region("state", code).orElseThrow().code();
  }
}
