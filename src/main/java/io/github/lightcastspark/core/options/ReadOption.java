package io.github.lightcastspark.core.options;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every read option the connector accepts. Names are case-insensitive; each may also be set as the Spark conf
 * {@code spark.lightcast.<name>}, and the secrets through the environment; an explicit option wins. Every credential's
 * name starts with {@code secret.}, because Spark's default redaction pattern hides the value of any option or conf
 * entry whose name contains {@code secret}: in plans, the Spark UI, the REST API, the event log and {@code SET}.
 * {@code docs/options.md} describes each one.
 */
public enum ReadOption {
  /** The dataset to read; the same as the argument of {@code load(...)}. */
  DATASET("dataset", null),
  /** LMI platform key ({@code pk_test_…} or {@code pk_live_…}), sent as a bearer token. Env: LIGHTCAST_PLATFORM_KEY. */
  PLATFORM_KEY("secret.platformKey", Dataset.Api.LMI),
  /** LMI end-customer key ({@code ck_…}); required in production. Env: LIGHTCAST_CUSTOMER_KEY. */
  CUSTOMER_KEY("secret.customerKey", Dataset.Api.LMI),
  /** Header that carries the end-customer key; default {@code X-Customer-Key}. */
  CUSTOMER_KEY_HEADER("customerKeyHeader", Dataset.Api.LMI),
  /** {@code testing} or {@code production} (default): picks the LMI base URL and whether a customer key is required. */
  ENVIRONMENT("environment", Dataset.Api.LMI),
  /** API root, overriding the default: the LMI root with its version prefix ({@code http://127.0.0.1:8787/v1}) or
   * the POG root ({@code https://api.lightcast.io/projected-occupation-growth}). */
  BASE_URL("baseUrl", null),
  /** Comma-separated SOC codes ({@code NN-NNNN}) for {@code occupations}. */
  SOC_CODES("socCodes", Dataset.Api.LMI),
  /** Comma-separated CIP codes ({@code NN.NNNN}) for {@code occupations_by_cip}. */
  CIP_CODES("cipCodes", Dataset.Api.LMI),
  /** Comma-separated occupation ids of the chosen dimension, for {@code occupation_growth}. */
  OCCUPATION_IDS("occupationIds", Dataset.Api.POG),
  /** {@code national}, {@code state} or {@code msa} ({@code msa} not for {@code occupation_growth}). */
  REGION_TYPE("regionType", null),
  /** Comma-separated region codes: 2-digit state FIPS codes or 5-digit MSA (CBSA) codes. */
  REGION_CODES("regionCodes", null),
  /** {@code true} to fill {@code skillRequirements}; default {@code false}. */
  INCLUDE_SKILLS("includeSkills", Dataset.Api.LMI),
  /** {@code true} to let MSA queries fall back to state projections (with a warning); default {@code false}. */
  FALLBACK_TO_STATE("fallbackToState", Dataset.Api.LMI),
  /** JSON field name of the fallback flag in the request body; default {@code fallbackToState}. */
  FALLBACK_TO_STATE_FIELD("fallbackToStateField", Dataset.Api.LMI),
  /** OAuth client id for the POG API. Env: LIGHTCAST_CLIENT_ID. */
  CLIENT_ID("secret.clientId", Dataset.Api.POG),
  /** OAuth client secret for the POG API. Env: LIGHTCAST_CLIENT_SECRET. */
  CLIENT_SECRET("secret.clientSecret", Dataset.Api.POG),
  /** OAuth scope; default {@code projected-occupation-growth}. */
  SCOPE("scope", Dataset.Api.POG),
  /** The OAuth token endpoint's full URL; default {@code https://auth.emsicloud.com/connect/token}. */
  AUTH_URL("authUrl", Dataset.Api.POG),
  /** {@code lotocc} (default) or {@code lotspecocc}. */
  DIMENSION("dimension", Dataset.Api.POG),
  /** LOT taxonomy version, {@code 6} or {@code 7} (default). */
  LOT_VERSION("lotVersion", Dataset.Api.POG),
  /** Requests per second for the whole query, all executors together; default 5. */
  RATE_LIMIT("rateLimit", null),
  /** Retries of one request after a 429, a 5xx or an I/O error; default 5. */
  MAX_RETRIES("maxRetries", null),
  /** Longest time one request may spend retrying, such as {@code 5m}; default 5m. */
  MAX_RETRY_TIME("maxRetryTime", null),
  /** Connect and response timeout of one request, such as {@code 30s} or {@code 500ms}; default 30s. */
  REQUEST_TIMEOUT("requestTimeout", null),
  /** Upper bound on the number of Spark partitions; default: the cluster's parallelism. */
  MAX_PARTITIONS("maxPartitions", null),
  /**
   * How long an executor JVM may answer a request again from a response it already received, such as {@code 30m};
   * default {@code 0}: off, every read asks the API.
   */
  CACHE_TTL("cacheTtl", null);

  /** Prefix of the Spark conf entries that set options for every read of the session. */
  public static final String SPARK_CONF_PREFIX = "spark.lightcast.";
  /** How every credential's name starts. */
  private static final String SECRET_PREFIX = "secret.";

  private final String key;
  private final Dataset.Api api;

  ReadOption(String key, Dataset.Api api) {
    this.key = key;
    this.api = api;
  }

  /**
   * @return whether this option means something for {@code dataset}: its API's, of the codes only its own, and no
   *     region codes for the regions list (its endpoint takes a type only)
   */
  public boolean appliesTo(Dataset dataset) {
    if (this == REGION_CODES && dataset == Dataset.REGIONS) {
      return false;
    }
    boolean codes = Arrays.stream(CodeKind.values()).anyMatch(k -> k.optionName().equals(key));
    if (codes) {
      return dataset.codeKind().map(k -> k.optionName().equals(key)).orElse(false);
    }
    return api == null || api == dataset.api();
  }

  /** @return the option name as documented */
  public String key() {
    return key;
  }

  /**
   * @return the option a credential given under its old name ({@code platformKey}, {@code customerKey},
   *     {@code clientId}, {@code clientSecret}) now has, which Spark redacts
   */
  public static Optional<ReadOption> retired(String name) {
    return Arrays.stream(values()).filter(o -> o.key.startsWith(SECRET_PREFIX)
        && o.key.substring(SECRET_PREFIX.length()).equalsIgnoreCase(name)).findFirst();
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
