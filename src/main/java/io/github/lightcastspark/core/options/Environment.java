package io.github.lightcastspark.core.options;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The LMI API environment, which picks the default base URL and whether an end-customer key is required. */
public enum Environment {
  /** {@code https://embedded-api.testing.mapademics.com/v1}: a subset of the data, customer key optional. */
  TESTING("https://embedded-api.testing.mapademics.com/v1", false),
  /** {@code https://embedded-api.mapademics.com/v1}: the full data set, customer key required. */
  PRODUCTION("https://embedded-api.mapademics.com/v1", true);

  private final String baseUrl;
  private final boolean customerKeyRequired;

  Environment(String baseUrl, boolean customerKeyRequired) {
    this.baseUrl = baseUrl;
    this.customerKeyRequired = customerKeyRequired;
  }

  /** @return the API root including the {@code /v1} version prefix */
  public String baseUrl() {
    return baseUrl;
  }

  /** @return whether every request must carry the end-customer key */
  public boolean customerKeyRequired() {
    return customerKeyRequired;
  }

  /** @return the option value that selects this environment */
  public String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @return every valid option value, for error messages */
  public static String validValues() {
    return Arrays.stream(values()).map(Environment::optionValue).collect(Collectors.joining(", "));
  }
}
