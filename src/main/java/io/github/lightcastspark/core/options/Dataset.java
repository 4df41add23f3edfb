package io.github.lightcastspark.core.options;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The datasets a user can load, each backed by one API endpoint and read with one fixed schema. */
public enum Dataset {
  /** One row per SOC code × region, from {@code POST /labor-market-intelligence/by-soc}. */
  OCCUPATIONS("occupations", "/labor-market-intelligence/by-soc", CodeKind.SOC),
  /** One row per CIP code × matched occupation × region, from {@code POST /labor-market-intelligence/by-cip}. */
  OCCUPATIONS_BY_CIP("occupations_by_cip", "/labor-market-intelligence/by-cip", CodeKind.CIP),
  /** One row per region, from {@code GET /labor-market-intelligence/regions}. */
  REGIONS("regions", "/labor-market-intelligence/regions", null);

  private final String optionValue;
  private final String path;
  private final CodeKind codeKind;

  Dataset(String optionValue, String path, CodeKind codeKind) {
    this.optionValue = optionValue;
    this.path = path;
    this.codeKind = codeKind;
  }

  /** @return the name given to {@code load(...)} or the {@code dataset} option */
  public String optionValue() {
    return optionValue;
  }

  /** @return the endpoint path below the API root */
  public String path() {
    return path;
  }

  /** @return the codes each request is keyed by, empty for {@link #REGIONS} */
  public Optional<CodeKind> codeKind() {
    return Optional.ofNullable(codeKind);
  }

  /** @return the dataset called {@code name} (case-insensitive), if any */
  public static Optional<Dataset> fromOptionValue(String name) {
    return Arrays.stream(values()).filter(d -> d.optionValue.equalsIgnoreCase(name.strip())).findFirst();
  }

  /** @return every valid dataset name, for error messages */
  public static String validValues() {
    return Arrays.stream(values()).map(Dataset::optionValue).collect(Collectors.joining(", "));
  }
}
