package io.github.lightcastspark.core.options;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of region the APIs answer for. */
public enum RegionType {
  /** The whole United States; its rows have a null region code. */
  NATIONAL,
  /** A state, DC or Puerto Rico, by 2-digit FIPS code ("06"). */
  STATE,
  /** A metropolitan statistical area, by 5-digit CBSA code ("41860"). */
  MSA;

  /** @return the value used in options, filters, rows and the API ({@code national}, {@code state}, {@code msa}) */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @return the type named by {@code value} (case-insensitive), if any */
  public static Optional<RegionType> fromApiName(String value) {
    return Arrays.stream(values())
        .filter(t -> t.apiName().equalsIgnoreCase(value.strip()))
        .findFirst();
  }

  /** @return every valid value, for error messages */
  public static String validValues() {
    return Arrays.stream(values()).map(RegionType::apiName).collect(Collectors.joining(", "));
  }
}
