package io.github.lightcastspark.emulator.data;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads a directory laid out like the project's public-data folder (BLS OEWS and Employment Projections, NCES CIP
 * and crosswalk, Census FIPS, OMB CBSA, O*NET skills) into a {@link DataSet}. The one place where the emulator's
 * figures are derived from the public files; the built-in data set is a curated subset of its output (see
 * {@code docs/emulator.md}).
 */
public final class SharedDataImporter {
  /** MSAs with MSA-level projections; every other MSA needs the state fallback. */
  public static final Set<String> MSAS_WITH_PROJECTIONS =
      Set.of("41860", "31080", "35620", "16980", "42660", "14460");

  private static final int SKILLS_PER_OCCUPATION = 5;
  private static final String NO_MATCH = "99-9999";
  private static final String NO_PROGRAM = "99.9999";

  private final Path dir;

  private SharedDataImporter(Path dir) {
    this.dir = dir;
  }

  /** @return every occupation, program, region and regional figure of the directory */
  public static DataSet importAll(Path dir) {
    return new SharedDataImporter(dir).read();
  }

  private DataSet read() {
    Map<String, Map<String, String>> oews = byKey(rows("oews_national_may2024.csv"), "occ_code");
    Map<String, List<SkillFact>> skills = skills();
    List<OccupationFacts> occupations = new ArrayList<>();
    for (Map<String, String> ep : rows("ep_2024_2034.csv")) {
      String soc = ep.get("soc_code");
      Map<String, String> national = oews.getOrDefault(soc, Map.of());
      double baseThousands = number(ep.get("employment_2024_thousands"));
      Long oewsEmployment = whole(national.get("tot_emp"));
      Double median = decimal(national.get("a_median"));
      occupations.add(new OccupationFacts(
          soc,
          national.getOrDefault("occ_title", ep.get("occupation_title")),
          oewsEmployment != null ? oewsEmployment : Math.round(baseThousands * 1000),
          median != null ? median : decimal(ep.get("median_annual_wage_2024")),
          round(number(ep.get("employment_pct_change")) / 100, 4),
          baseThousands > 0
              ? round(number(ep.get("annual_openings_thousands")) / baseThousands, 4)
              : null,
          ep.get("typical_entry_education"),
          skills.getOrDefault(soc, List.of()),
          false));
    }
    occupations.sort(Comparator.comparing(OccupationFacts::socCode));
    return new DataSet(occupations, crosswalk(), regions(oews), figures());
  }

  private Map<String, List<SkillFact>> skills() {
    Map<String, List<SkillFact>> skills = new HashMap<>();
    for (Map<String, String> row : rows("onet_skills_importance_by_soc.csv")) {
      skills.put(
          row.get("soc_code"),
          row.entrySet().stream()
              .filter(e -> !e.getKey().equals("soc_code") && !e.getKey().equals("occupation_title"))
              .map(e -> new SkillFact(e.getKey(), number(e.getValue())))
              .sorted(Comparator.comparingDouble(SkillFact::importance)
                  .reversed()
                  .thenComparing(SkillFact::name))
              .limit(SKILLS_PER_OCCUPATION)
              .toList());
    }
    return skills;
  }

  private Map<String, List<String>> crosswalk() {
    Map<String, List<String>> cipToSoc = new TreeMap<>();
    for (Map<String, String> row : rows("cip2020_soc2018_crosswalk.csv")) {
      if (!NO_MATCH.equals(row.get("soc2018_code"))
          && !NO_PROGRAM.equals(row.get("cip2020_code"))) {
        cipToSoc
            .computeIfAbsent(row.get("cip2020_code"), k -> new ArrayList<>())
            .add(row.get("soc2018_code"));
      }
    }
    cipToSoc.values().forEach(list -> list.sort(null));
    return cipToSoc;
  }

  private List<RegionFacts> regions(Map<String, Map<String, String>> oews) {
    Map<String, Long> sampleEmployment = new HashMap<>();
    long sampleTotal = 0;
    for (Map<String, String> row : rows("oews_state_sample_may2023.csv")) {
      Long employment = whole(row.get("tot_emp"));
      if (employment != null) {
        sampleEmployment.merge(row.get("area"), employment, Long::sum);
        sampleTotal += employment;
      }
    }
    double nationalMean = number(oews.get("00-0000").get("a_mean"));
    Map<String, Double> stateMean = rows("oews_state_mean_wages_may2023.csv").stream()
        .filter(r -> "00-0000".equals(r.get("occ_code")))
        .collect(Collectors.toMap(r -> r.get("area"), r -> number(r.get("a_mean"))));
    List<RegionFacts> regions = new ArrayList<>();
    Map<String, String> fipsByAbbr = new HashMap<>();
    for (Map<String, String> state : rows("us_states_fips.csv")) {
      String fips = state.get("state_fips");
      fipsByAbbr.put(state.get("state_abbr"), fips);
      double share =
          sampleTotal == 0 ? 0 : (double) sampleEmployment.getOrDefault(fips, 0L) / sampleTotal;
      regions.add(new RegionFacts(
          "state",
          fips,
          state.get("state_name"),
          List.of(),
          round(share, 6),
          round(stateMean.getOrDefault(fips, nationalMean) / nationalMean, 4),
          false));
    }
    for (Map<String, String> msa : rows("msa_cbsa_2020.csv")) {
      List<String> states = new ArrayList<>();
      states.add(msa.get("principal_state_fips"));
      for (String abbr : msa.get("states").split("\\|")) {
        String fips = fipsByAbbr.get(abbr.strip());
        if (fips != null && !states.contains(fips)) {
          states.add(fips);
        }
      }
      String code = msa.get("cbsa_code");
      regions.add(new RegionFacts(
          "msa", code, msa.get("cbsa_title"), states, 0, 0, MSAS_WITH_PROJECTIONS.contains(code)));
    }
    return regions;
  }

  private List<RegionalFigures> figures() {
    List<RegionalFigures> figures = new ArrayList<>();
    for (Map<String, String> row : rows("oews_state_sample_may2023.csv")) {
      Long employment = whole(row.get("tot_emp"));
      if (employment != null) {
        figures.add(new RegionalFigures(
            row.get("occ_code"),
            "state",
            row.get("area"),
            employment,
            decimal(row.get("a_median")),
            "OEWS May 2023"));
      }
    }
    for (Map<String, String> row : rows("oews_msa_31080_may2021.csv")) {
      Long employment = whole(row.get("tot_emp"));
      if ("detailed".equals(row.get("o_group")) && employment != null) {
        figures.add(new RegionalFigures(
            row.get("occ_code"),
            "msa",
            row.get("area"),
            employment,
            decimal(row.get("a_median")),
            "OEWS May 2021"));
      }
    }
    return figures;
  }

  private List<Map<String, String>> rows(String file) {
    Path path = dir.resolve(file);
    try (MappingIterator<Map<String, String>> it = new CsvMapper()
        .readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader())
        .readValues(Files.newBufferedReader(path))) {
      List<Map<String, String>> rows = new ArrayList<>();
      it.forEachRemaining(row -> rows.add(new LinkedHashMap<>(row)));
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }

  private static Map<String, Map<String, String>> byKey(
      List<Map<String, String>> rows, String key) {
    Map<String, Map<String, String>> map = new HashMap<>();
    rows.forEach(r -> map.put(r.get(key), r));
    return map;
  }

  /** BLS marks suppressed or capped values with symbols ({@code *}, {@code **}, {@code #}, {@code N/A}). */
  private static Double decimal(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Long whole(String value) {
    Double d = decimal(value);
    return d == null ? null : Math.round(d);
  }

  private static double number(String value) {
    Double d = decimal(value);
    return d == null ? 0 : d;
  }

  private static Double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }
}
