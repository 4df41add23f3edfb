package io.github.lightcastspark.core.options;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The datasets a user can load, each backed by one API endpoint and read with one fixed schema. */
public enum Dataset {
  /** One row per SOC code × region, from {@code POST /labor-market-intelligence/by-soc}. */
  OCCUPATIONS("occupations", Api.LMI, "/labor-market-intelligence/by-soc", CodeKind.SOC, 25),
  /** One row per CIP code × matched occupation × region, from {@code POST /labor-market-intelligence/by-cip}. */
  OCCUPATIONS_BY_CIP(
      "occupations_by_cip", Api.LMI, "/labor-market-intelligence/by-cip", CodeKind.CIP, 25),
  /** One row per region, from {@code GET /labor-market-intelligence/regions}. */
  REGIONS("regions", Api.LMI, "/labor-market-intelligence/regions", null, 0),
  /** One row per occupation id × region, from {@code POST /projected-occupation-growth/dimensions/{dimension}}. */
  OCCUPATION_GROWTH("occupation_growth", Api.POG, "/dimensions/", CodeKind.OCCUPATION_ID, 1);

  /** The two APIs, which differ in credentials, base URL and regions. */
  public enum Api {
    /** Labor Market Intelligence: platform and customer keys; nation, states and MSAs; its environment's root. */
    LMI(null, EnumSet.allOf(RegionType.class)),
    /** Projected Occupation Growth: OAuth client credentials; nation and states only. */
    POG(
        "https://api.lightcast.io/projected-occupation-growth",
        EnumSet.of(RegionType.NATIONAL, RegionType.STATE));

    private final String baseUrl;
    private final Set<RegionType> regionTypes;

    Api(String baseUrl, Set<RegionType> regionTypes) {
      this.baseUrl = baseUrl;
      this.regionTypes = regionTypes;
    }

    /** @return the API's root when option {@code baseUrl} is not given: for the LMI, {@code environment}'s */
    public String defaultBaseUrl(Environment environment) {
      return baseUrl != null ? baseUrl : environment.baseUrl();
    }
  }

  private final String optionValue;
  private final Api api;
  private final String path;
  private final CodeKind codeKind;
  private final int maxCodesPerRequest;

  Dataset(String optionValue, Api api, String path, CodeKind codeKind, int maxCodesPerRequest) {
    this.optionValue = optionValue;
    this.api = api;
    this.path = path;
    this.codeKind = codeKind;
    this.maxCodesPerRequest = maxCodesPerRequest;
  }

  /** @return the API that serves this dataset */
  public Api api() {
    return api;
  }

  /** @return how many codes one request may carry */
  public int maxCodesPerRequest() {
    return maxCodesPerRequest;
  }

  /** @return the name given to {@code load(...)} or the {@code dataset} option */
  public String optionValue() {
    return optionValue;
  }

  /** @return the endpoint path below the API root (for {@link #OCCUPATION_GROWTH}, followed by the dimension) */
  public String path() {
    return path;
  }

  /** @return the codes each request is keyed by, empty for {@link #REGIONS} */
  public Optional<CodeKind> codeKind() {
    return Optional.ofNullable(codeKind);
  }

  /** @return whether the API answers for regions of {@code type} (the POG API has no MSAs) */
  public boolean answers(RegionType type) {
    return api.regionTypes.contains(type);
  }

  /**
   * @return whether each request, and so each row, is for one region by its code; the regions list is asked for by
   *     type only
   */
  public boolean keyedByRegionCode() {
    return codeKind != null;
  }

  /** @return the dataset called {@code name} (case-insensitive), if any */
  public static Optional<Dataset> fromOptionValue(String name) {
    return Arrays.stream(values())
        .filter(d -> d.optionValue.equalsIgnoreCase(name.strip()))
        .findFirst();
  }

  /** @return every valid dataset name, for error messages */
  public static String validValues() {
    return Arrays.stream(values()).map(Dataset::optionValue).collect(Collectors.joining(", "));
  }
}
