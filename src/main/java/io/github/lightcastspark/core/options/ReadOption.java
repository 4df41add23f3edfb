package io.github.lightcastspark.core.options;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every read option the connector accepts. Names are case-insensitive; each may also be set as the Spark conf
 * {@code spark.lightcast.<name>}, and the secrets through the environment; an explicit option wins.
 * {@code docs/options.md} describes each one.
 */
public enum ReadOption {
  /** The dataset to read; the same as the argument of {@code load(...)}. */
  DATASET("dataset"),
  /** LMI platform key ({@code pk_test_…} or {@code pk_live_…}), sent as a bearer token. Env: LIGHTCAST_PLATFORM_KEY. */
  PLATFORM_KEY("platformKey"),
  /** LMI end-customer key ({@code ck_…}); required in production. Env: LIGHTCAST_CUSTOMER_KEY. */
  CUSTOMER_KEY("customerKey"),
  /** Header that carries the end-customer key; default {@code X-Customer-Key}. */
  CUSTOMER_KEY_HEADER("customerKeyHeader"),
  /** {@code testing} or {@code production} (default): picks the base URL and whether a customer key is required. */
  ENVIRONMENT("environment"),
  /** API root with its version prefix, overriding the environment's, such as {@code http://127.0.0.1:8787/v1}. */
  BASE_URL("baseUrl"),
  /** Comma-separated SOC codes ({@code NN-NNNN}) for {@code occupations}. */
  SOC_CODES("socCodes"),
  /** Comma-separated CIP codes ({@code NN.NNNN}) for {@code occupations_by_cip}. */
  CIP_CODES("cipCodes"),
  /** {@code national}, {@code state} or {@code msa}. */
  REGION_TYPE("regionType"),
  /** Comma-separated region codes: 2-digit state FIPS codes or 5-digit MSA (CBSA) codes. */
  REGION_CODES("regionCodes"),
  /** {@code true} to fill {@code skillRequirements}; default {@code false}. */
  INCLUDE_SKILLS("includeSkills"),
  /** {@code true} to let MSA queries fall back to state projections (with a warning); default {@code false}. */
  FALLBACK_TO_STATE("fallbackToState"),
  /** JSON field name of the fallback flag in the request body; default {@code fallbackToState}. */
  FALLBACK_TO_STATE_FIELD("fallbackToStateField"),
  /** Requests per second for the whole query, all executors together; default 5. */
  RATE_LIMIT("rateLimit"),
  /** Retries of one request after a 429, a 5xx or an I/O error; default 5. */
  MAX_RETRIES("maxRetries"),
  /** Connect and response timeout of one request, such as {@code 30s} or {@code 500ms}; default 30s. */
  REQUEST_TIMEOUT("requestTimeout"),
  /** Upper bound on the number of Spark partitions; default: the cluster's parallelism. */
  MAX_PARTITIONS("maxPartitions");

  /** Prefix of the Spark conf entries that set options for every read of the session. */
  public static final String SPARK_CONF_PREFIX = "spark.lightcast.";

  private final String key;

  ReadOption(String key) {
    this.key = key;
  }

  /** @return the option name as documented */
  public String key() {
    return key;
  }

  /** @return the option named {@code name}, ignoring case */
  public static Optional<ReadOption> fromKey(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(o -> o.key.toLowerCase(Locale.ROOT).equals(lower)).findFirst();
  }

  /** @return every option name, for error messages */
  public static String validKeys() {
    return Arrays.stream(values()).map(ReadOption::key).collect(Collectors.joining(", "));
  }
}
