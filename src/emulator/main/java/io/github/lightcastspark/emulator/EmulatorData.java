package io.github.lightcastspark.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lightcastspark.emulator.data.DataSet;
import io.github.lightcastspark.emulator.data.OccupationFacts;
import io.github.lightcastspark.emulator.data.RegionFacts;
import io.github.lightcastspark.emulator.data.RegionalFigures;
import io.github.lightcastspark.emulator.data.SharedDataImporter;
import io.github.lightcastspark.emulator.data.SkillFact;
import io.github.lightcastspark.emulator.data.SyntheticFigures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The data the emulator serves, and the one function that builds an occupation's JSON for a region, which the
 * server answers with and tests compute expected values from. Real figures where the data has them, derived
 * (state and MSA figures scaled from national ones) or synthetic (codes the data does not hold) otherwise; see
 * {@code docs/emulator.md}.
 */
public final class EmulatorData {
  /** The 23 SOC 2018 major groups: a well-formed SOC code outside them is unknown to the API. */
  static final Set<String> SOC_MAJOR_GROUPS = Set.of(
      "11", "13", "15", "17", "19", "21", "23", "25", "27", "29", "31", "33", "35", "37", "39",
      "41", "43", "45", "47", "49", "51", "53", "55");
  /**
   * The CIP 2020 families used in the U.S. (not 21 and 55, reserved for Statistics Canada): a well-formed CIP code
   * outside them is unknown to the API.
   */
  static final Set<String> CIP_FAMILIES = Set.of(
      "01", "03", "04", "05", "09", "10", "11", "12", "13", "14", "15", "16", "19", "22", "23",
      "24", "25", "26", "27", "28", "29", "30", "31", "32", "33", "34", "35", "36", "37", "38",
      "39", "40", "41", "42", "43", "44", "45", "46", "47", "48", "49", "50", "51", "52", "53",
      "54", "60", "61");

  static final Pattern SOC_FORMAT = Pattern.compile("\\d{2}-\\d{4}");
  static final Pattern CIP_FORMAT = Pattern.compile("\\d{2}\\.\\d{4}");
  private static final ObjectMapper JSON = Json.MAPPER;
  private static final String BUILT_IN = "data/builtin-data.json";

  private final Map<String, OccupationFacts> occupations = new TreeMap<>();
  private final Map<String, List<String>> cipToSoc;
  private final Map<String, RegionFacts> regions = new HashMap<>();
  private final List<RegionFacts> regionList;
  private final Map<String, RegionalFigures> figures = new HashMap<>();
  private final List<SkillFact> skillPool;

  private EmulatorData(DataSet data) {
    data.occupations().forEach(o -> occupations.put(o.socCode(), o));
    Map<String, SkillFact> skillsByName = new LinkedHashMap<>();
    data.occupations().forEach(o -> o.skills().forEach(s -> skillsByName.putIfAbsent(s.name(), s)));
    skillPool = List.copyOf(skillsByName.values());
    cipToSoc = new TreeMap<>(data.cipToSoc());
    data.regions().forEach(r -> regions.put(r.type() + " " + r.code(), r));
    regionList = data.regions().stream()
        .sorted(Comparator.comparing((RegionFacts r) -> !r.type().equals("state"))
            .thenComparing(RegionFacts::code))
        .toList();
    data.figures().forEach(f -> figures.put(f.socCode() + " " + f.type() + " " + f.code(), f));
  }

  /** @return the built-in data set, curated from public BLS, NCES, Census and O*NET files */
  public static EmulatorData builtIn() {
    try (InputStream in = EmulatorData.class.getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new IllegalStateException(
            "The built-in data set " + BUILT_IN + " is missing from the classpath");
      }
      return new EmulatorData(JSON.readValue(in, DataSet.class));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the built-in data set " + BUILT_IN, e);
    }
  }

  /** @return every occupation, program and region of a directory laid out like the project's public-data folder */
  public static EmulatorData fromDirectory(Path dir) {
    return new EmulatorData(SharedDataImporter.importAll(dir));
  }

  /**
   * @return the occupation's national facts: real, synthetic for an unheld well-formed code of a real SOC major
   *     group, or empty (the API warns {@code INVALID_SOC_CODE})
   */
  public Optional<OccupationFacts> occupation(String socCode) {
    OccupationFacts real = occupations.get(socCode);
    if (real != null) {
      return Optional.of(real);
    }
    return SOC_FORMAT.matcher(socCode).matches()
            && SOC_MAJOR_GROUPS.contains(socCode.substring(0, 2))
        ? Optional.of(SyntheticFigures.occupation(socCode, skillPool))
        : Optional.empty();
  }

  /** @return the SOC codes of every occupation the data holds (not the synthetic ones), sorted */
  public List<String> heldSocCodes() {
    return List.copyOf(occupations.keySet());
  }

  /**
   * @return the SOC codes a CIP code maps to, ascending: from the crosswalk, one to three held occupations chosen by
   *     hash for an unheld well-formed code of a real CIP family, or empty (the API warns {@code INVALID_CIP_CODE})
   */
  public List<String> socCodesForCip(String cipCode) {
    List<String> mapped = cipToSoc.get(cipCode);
    if (mapped != null) {
      return mapped;
    }
    return CIP_FORMAT.matcher(cipCode).matches() && CIP_FAMILIES.contains(cipCode.substring(0, 2))
        ? SyntheticFigures.socCodes(cipCode, new ArrayList<>(occupations.keySet()))
        : List.of();
  }

  /** @return the regions of {@code type} ({@code state} or {@code msa}), or all when null: states, then MSAs */
  public List<RegionFacts> regions(String type) {
    return regionList.stream()
        .filter(r -> type == null || r.type().equals(type))
        .toList();
  }

  /**
   * @return the region as the regions endpoint lists it: {@code type}, {@code code} and {@code name}, and an MSA's
   *     {@code stateCodes}, with state codes unpadded ({@code "6"}) as in the vendor's docs
   */
  public ObjectNode regionJson(RegionFacts region) {
    ObjectNode json = JSON.createObjectNode()
        .put("type", region.type())
        .put("code", region.type().equals("state") ? unpadded(region.code()) : region.code())
        .put("name", region.name());
    if (region.type().equals("msa")) {
      ArrayNode states = json.putArray("stateCodes");
      region.stateCodes().forEach(s -> states.add(unpadded(s)));
    }
    return json;
  }

  /** @return the region of {@code type} with {@code code} ("6" and "06" alike), if the data holds it */
  public Optional<RegionFacts> region(String type, String code) {
    String canonical = "state".equals(type) && code.matches("\\d") ? "0" + code : code;
    return Optional.ofNullable(regions.get(type + " " + canonical));
  }

  /**
   * Builds an occupation as the API returns it for one region: {@code name}, {@code socCode},
   * {@code laborMarketData}, {@code skillRequirements} when asked, and, when an MSA without its own projections
   * falls back to its state, a {@code warnings} array with {@code MSA_TO_STATE_PROJECTION_FALLBACK}.
   *
   * @param socCode a code for which {@link #occupation} is present
   * @param regionType {@code national}, {@code state} or {@code msa}
   * @param regionCode the region's code (any zero-padding), null for national
   * @param includeSkills whether to add {@code skillRequirements}
   * @param fallbackToState whether an MSA without projections may use its state's
   * @return the occupation object
   */
  public ObjectNode occupationJson(
      String socCode,
      String regionType,
      String regionCode,
      boolean includeSkills,
      boolean fallbackToState) {
    OccupationFacts o =
        occupation(socCode).orElseThrow(() -> new IllegalArgumentException("unknown " + socCode));
    Figures f = figures(o, regionType.toLowerCase(Locale.ROOT), regionCode);
    Double growth = f.growth;
    boolean fellBack = growth == null && fallbackToState && regionType.equalsIgnoreCase("msa");
    if (fellBack) {
      growth = figures(
              o, "state", region("msa", regionCode).orElseThrow().stateCodes().get(0))
          .growth;
    }
    ObjectNode json = JSON.createObjectNode();
    json.put("name", o.name());
    json.put("socCode", o.socCode());
    ObjectNode lmd = json.putObject("laborMarketData");
    lmd.put("medianAnnualSalary", f.median);
    lmd.put("totalEmployment", f.employment);
    lmd.put("forecastedEmploymentGrowth", growth);
    lmd.put("averageAnnualOpenings", o.openingsRate());
    lmd.put("typicalDegreeLevel", o.typicalDegreeLevel());
    demand(lmd.putObject("demand"), growth, o.openingsRate(), f.median);
    if (includeSkills) {
      ArrayNode core = json.putObject("skillRequirements").putArray("coreSkills");
      for (SkillFact s : o.skills()) {
        core.addObject()
            .put(
                "mslSkillId", "msl_" + s.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "_"))
            .put("mslSkillName", s.name())
            .put("level", (int) Math.max(1, Math.min(5, Math.round(s.importance()))));
      }
    }
    if (fellBack) {
      json.putArray("warnings").add(fallbackWarning(socCode));
    }
    return json;
  }

  /** @return the warning the API gives when an MSA query used state projections for {@code socCode} */
  private static ObjectNode fallbackWarning(String socCode) {
    return JSON.createObjectNode()
        .put("code", "MSA_TO_STATE_PROJECTION_FALLBACK")
        .put("message", "MSA projection unavailable; state-level data used")
        .put("socCode", socCode);
  }

  /**
   * The vendor's scoring is not public. Here each factor is a threshold crossed (growth above 8 %, annual openings
   * above 10 % of employment, median wage above $100,000) and the score counts them, capped at the contract's 2.
   */
  private static void demand(ObjectNode demand, Double growth, Double openings, Double median) {
    List<String> factors = new ArrayList<>();
    if (growth != null && growth > 0.08) {
      factors.add("high_growth");
    }
    if (openings != null && openings > 0.1) {
      factors.add("high_openings");
    }
    if (median != null && median > 100_000) {
      factors.add("high_wage");
    }
    demand.put("score", Math.min(2, factors.size()));
    factors.forEach(demand.putArray("factors")::add);
  }

  private Figures figures(OccupationFacts o, String type, String code) {
    if (type.equals("national")) {
      return new Figures(o.employment(), o.medianAnnualSalary(), o.growth());
    }
    RegionFacts region =
        region(type, code).orElseThrow(() -> new IllegalArgumentException(type + " " + code));
    RegionalFigures real = figures.get(o.socCode() + " " + type + " " + region.code());
    if (type.equals("state")) {
      return real != null
          ? new Figures(real.employment(), real.medianAnnualSalary(), o.growth())
          : new Figures(
              Math.round(o.employment() * region.employmentShare()),
              roundTo10(o.medianAnnualSalary(), region.wageIndex()),
              o.growth());
    }
    Double growth = region.msaProjections() && o.growth() != null
        ? Math.round((o.growth()
                    + SyntheticFigures.factor(o.socCode() + region.code(), "growth", -0.02, 0.02))
                * 10_000)
            / 10_000.0
        : null;
    if (real != null) {
      return new Figures(real.employment(), real.medianAnnualSalary(), growth);
    }
    Figures state = figures(o, "state", region.stateCodes().get(0));
    return new Figures(
        Math.round(
            state.employment * SyntheticFigures.factor(region.code(), "employment", 0.1, 0.4)),
        roundTo10(state.median, SyntheticFigures.factor(region.code(), "wage", 0.95, 1.15)),
        growth);
  }

  private static String unpadded(String code) {
    return String.valueOf(Integer.parseInt(code));
  }

  private static Double roundTo10(Double value, double factor) {
    return value == null ? null : (double) Math.round(value * factor / 10) * 10;
  }

  private record Figures(long employment, Double median, Double growth) {}
}
