package io.github.lightcastspark.core.options;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Every read option the connector accepts, each declared once, here: its name, the datasets it applies to, the rule
 * its value is read and checked by (which says what is valid), its default and what it means. The parser works from
 * these declarations alone, and a test holds {@code docs/options.md} to them.
 *
 * <p>Names are case-insensitive; each may also be set as the Spark conf {@code spark.lightcast.<name>}, and the
 * credentials through the environment; an explicit option wins. Every credential's name starts with {@code secret.},
 * because Spark's default redaction pattern hides the value of any option or conf entry whose name contains
 * {@code secret}: in plans, the Spark UI, the REST API, the event log and {@code SET}.
 *
 * @param <T> the type of the option's value
 */
public final class ReadOption<T> {
  /** Prefix of the Spark conf entries that set options for every read of the session. */
  public static final String SPARK_CONF_PREFIX = "spark.lightcast.";
  /** The longest time a response may be reused ({@code cacheTtl}): the data change a few times a year. */
  public static final Duration MAX_CACHE_TTL = Duration.ofDays(366);
  /** How long a response may be reused from a {@code cachePath} store when {@code cacheTtl} is not given. */
  public static final Duration STORE_DEFAULT_TTL = Duration.ofDays(30);
  /** How every credential's name starts. */
  private static final String SECRET_PREFIX = "secret.";
  /** The fields of an LMI request body that the fallback flag's name must not overwrite. */
  private static final Set<String> LMI_BODY_FIELDS =
      Set.of("socCodes", "cipCodes", "regionType", "region", "fields", "includeSkills");

  /** Every option, in the order of this file (the order messages list them in). */
  private static final List<ReadOption<?>> DECLARED = new ArrayList<>();

  /** The dataset to read; the same as the argument of {@code load(...)}. */
  public static final ReadOption<Dataset> DATASET = named("dataset", Dataset.class)
      .reads((value, reading) -> reading.dataset())
      .withoutDefault("(none)");
  /** LMI platform key ({@code pk_test_…} or {@code pk_live_…}), sent as a bearer token. */
  public static final ReadOption<Secret> PLATFORM_KEY = named("secret.platformKey", Secret.class)
      .appliesTo(Dataset.Api.LMI)
      .reads(OptionRules.secret())
      .fromEnvironment("LIGHTCAST_PLATFORM_KEY")
      .required(Requirement.always("platform key"));
  /** LMI end-customer key ({@code ck_…}); required in production. */
  public static final ReadOption<Secret> CUSTOMER_KEY = named("secret.customerKey", Secret.class)
      .appliesTo(Dataset.Api.LMI)
      .reads(OptionRules.secret())
      .fromEnvironment("LIGHTCAST_CUSTOMER_KEY")
      .required(new Requirement(
          "customer key",
          reading -> reading
              .find(ReadOption.ENVIRONMENT)
              .map(Environment::customerKeyRequired)
              .orElse(false),
          "the production environment requires one",
          "or option environment=testing for the testing environment"));
  /** Header that carries the end-customer key. */
  public static final ReadOption<String> CUSTOMER_KEY_HEADER = named(
          "customerKeyHeader", String.class)
      .appliesTo(Dataset.Api.LMI)
      .reads(OptionRules.name())
      .byDefault("X-Customer-Key");
  /** {@code testing} or {@code production}: picks the LMI base URL and whether a customer key is required. */
  public static final ReadOption<Environment> ENVIRONMENT = named("environment", Environment.class)
      .appliesTo(Dataset.Api.LMI)
      .reads(OptionRules.environment())
      .byDefault("production");
  /**
   * API root, overriding the default: the LMI root with its version prefix ({@code http://127.0.0.1:8787/v1}) or the
   * POG root.
   */
  public static final ReadOption<String> BASE_URL = named("baseUrl", String.class)
      .reads(OptionRules.url(ReadOption::credentialKeys))
      .computedBy(
          reading ->
              reading.dataset().api().defaultBaseUrl(reading.find(ENVIRONMENT).orElse(null)),
          api -> api == Dataset.Api.LMI
              ? "the environment's"
              : "`" + Dataset.Api.POG.defaultBaseUrl(null) + "`");
  /** Comma-separated SOC codes ({@code NN-NNNN}) for {@code occupations}; by default every SOC 2018 code. */
  public static final ReadOption<List<String>> SOC_CODES = codes(CodeKind.SOC);
  /** Comma-separated CIP codes ({@code NN.NNNN}) for {@code occupations_by_cip}; by default every CIP 2020 code. */
  public static final ReadOption<List<String>> CIP_CODES = codes(CodeKind.CIP);
  /** Comma-separated occupation ids of the chosen dimension, for {@code occupation_growth}. */
  public static final ReadOption<List<String>> OCCUPATION_IDS = codes(CodeKind.OCCUPATION_ID);
  /** {@code national}, {@code state} or {@code msa} ({@code msa} not for {@code occupation_growth}). */
  public static final ReadOption<RegionType> REGION_TYPE = named("regionType", RegionType.class)
      .reads(OptionRules.regionType())
      .withoutDefault(api -> api == Dataset.Api.LMI
          ? "`national`, or the type of the given region codes"
          : "`national`, or `state` when region codes are given");
  /** Comma-separated region codes: 2-digit state FIPS codes or 5-digit MSA (CBSA) codes; not for the regions list. */
  public static final ReadOption<List<String>> REGION_CODES = named("regionCodes", list())
      .appliesTo(Dataset::keyedByRegionCode)
      .reads(OptionRules.regionCodes(REGION_TYPE))
      .withoutDefault("(none)");
  /** {@code true} to fill {@code skillRequirements}. */
  public static final ReadOption<Boolean> INCLUDE_SKILLS = named("includeSkills", Boolean.class)
      .appliesTo(Dataset.Api.LMI)
      .reads(OptionRules.bool())
      .byDefault("false");
  /** {@code true} to let MSA queries fall back to state projections (with a warning). */
  public static final ReadOption<Boolean> FALLBACK_TO_STATE = named(
          "fallbackToState", Boolean.class)
      .appliesTo(Dataset.Api.LMI)
      .reads(OptionRules.bool())
      .byDefault("false");
  /** JSON field name of the fallback flag in the request body. */
  public static final ReadOption<String> FALLBACK_TO_STATE_FIELD = named(
          "fallbackToStateField", String.class)
      .appliesTo(Dataset.Api.LMI)
      .reads(OptionRules.extraField(LMI_BODY_FIELDS))
      .byDefault("fallbackToState");
  /** OAuth client id for the POG API. */
  public static final ReadOption<Secret> CLIENT_ID = named("secret.clientId", Secret.class)
      .appliesTo(Dataset.Api.POG)
      .reads(OptionRules.secret())
      .fromEnvironment("LIGHTCAST_CLIENT_ID")
      .required(Requirement.always("client id"));
  /** OAuth client secret for the POG API. */
  public static final ReadOption<Secret> CLIENT_SECRET = named("secret.clientSecret", Secret.class)
      .appliesTo(Dataset.Api.POG)
      .reads(OptionRules.secret())
      .fromEnvironment("LIGHTCAST_CLIENT_SECRET")
      .required(Requirement.always("client secret"));
  /** OAuth scope. */
  public static final ReadOption<String> SCOPE = named("scope", String.class)
      .appliesTo(Dataset.Api.POG)
      .reads(OptionRules.text())
      .byDefault("projected-occupation-growth");
  /** The OAuth token endpoint's full URL. */
  public static final ReadOption<String> AUTH_URL = named("authUrl", String.class)
      .appliesTo(Dataset.Api.POG)
      .reads(OptionRules.url(ReadOption::credentialKeys))
      .byDefault("https://auth.emsicloud.com/connect/token");
  /** {@code lotocc} or {@code lotspecocc}. */
  public static final ReadOption<String> DIMENSION = named("dimension", String.class)
      .appliesTo(Dataset.Api.POG)
      .reads(OptionRules.oneOf("lotocc", "lotspecocc"))
      .byDefault("lotocc");
  /** LOT taxonomy version, {@code 6} or {@code 7}. */
  public static final ReadOption<String> LOT_VERSION = named("lotVersion", String.class)
      .appliesTo(Dataset.Api.POG)
      .reads(OptionRules.oneOf("6", "7"))
      .byDefault("7");
  /**
   * Requests per second for the whole query, all executors together: at least 0.01 (one every 100 s): slower than
   * that, a read's schedule would start its first request minutes after planning, and far slower ({@code 1e-300})
   * its slot arithmetic overflows and it never sends at all.
   */
  public static final ReadOption<Double> RATE_LIMIT =
      named("rateLimit", Double.class).reads(OptionRules.rate(0.01, 10_000)).byDefault("5");
  /** Retries of one request after a 429, a 5xx or an I/O error. */
  public static final ReadOption<Integer> MAX_RETRIES =
      named("maxRetries", Integer.class).reads(OptionRules.wholeNumber(0, 20)).byDefault("5");
  /** Longest time one request may spend retrying, such as {@code 5m}. */
  public static final ReadOption<Duration> MAX_RETRY_TIME = named("maxRetryTime", Duration.class)
      .reads(OptionRules.duration(Duration.ofHours(1), "5m", false))
      .byDefault("5m");
  /** The longest one attempt may take, whole, such as {@code 30s} or {@code 500ms}. */
  public static final ReadOption<Duration> REQUEST_TIMEOUT = named("requestTimeout", Duration.class)
      .reads(OptionRules.duration(Duration.ofMinutes(10), "30s", false))
      .byDefault("30s");
  /**
   * A table or view (as {@code spark.table} names it) whose distinct request keys the read asks for, resolved on the
   * driver at planning: the way to read exactly an HR table's codes and regions where Spark's runtime filtering
   * does not apply. Nulls are skipped; a malformed value is an error naming the table and column.
   */
  public static final ReadOption<String> KEY_TABLE = named("keyTable", String.class)
      .appliesTo(Dataset::keyedByRegionCode)
      .reads(OptionRules.text())
      .withoutDefault("(none)");
  /**
   * Which of {@code keyTable}'s columns hold which request key, as comma-separated {@code key=tableColumn} pairs
   * ({@code socCode=soc, regionCode=state_fips}); a bare {@code key} names a column of the same name. By default,
   * every request-key column of the dataset that the table has by name.
   */
  public static final ReadOption<Map<String, String>> KEY_COLUMNS = named("keyColumns", map())
      .appliesTo(Dataset::keyedByRegionCode)
      .reads(OptionRules.columnPairs())
      .withoutDefault("the dataset's key columns that the table has");
  /**
   * The level of the connector's own log lines (planning, retries, 429 pauses, the store), such as {@code info}, on
   * the driver and the executors, whatever Spark's own level: set once as {@code spark.lightcast.logLevel}, it shows
   * them in a notebook without Spark's. By default the cluster's log configuration decides.
   */
  public static final ReadOption<String> LOG_LEVEL = named("logLevel", String.class)
      .reads(OptionRules.oneOf("error", "warn", "info", "debug"))
      .withoutDefault("as the cluster's log configuration says");
  /**
   * The number of Spark partitions, at most one per request; by default, partitions are sized by time
   * ({@code partitionTime}).
   */
  public static final ReadOption<Integer> MAX_PARTITIONS = named("maxPartitions", Integer.class)
      .reads(OptionRules.wholeNumber(1, 100_000))
      .withoutDefault("sized by `partitionTime`");
  /**
   * About how long one partition's requests take at its task's share of the rate limit, such as {@code 1m}: a long
   * read is cut into partitions of that time, at least as many as the cluster runs at once, so that its progress
   * shows and a failed task re-reads little. Ignored when {@code maxPartitions} is given.
   */
  public static final ReadOption<Duration> PARTITION_TIME = named("partitionTime", Duration.class)
      .reads(OptionRules.duration(Duration.ofHours(1), "1m", false))
      .byDefault("1m");
  /**
   * The most requests one read may plan: a read that plans more fails at planning, before any request, saying how many
   * and how long they would take. By default 2000, some 7 minutes at 5 requests a second: a handful of codes never
   * comes near it, every occupation in every MSA does.
   */
  public static final ReadOption<Integer> MAX_REQUESTS = named("maxRequests", Integer.class)
      .reads(OptionRules.wholeNumber(1, 10_000_000))
      .byDefault("2000");
  /**
   * How long a response may answer the same request again, such as {@code 30m} or {@code 90d}, at most 366 days: from
   * the {@code cachePath} store, and from the JVM's memory for at most a day of it. {@code 0} is off; the default is
   * {@code 0} without {@code cachePath} and 30 days with it.
   */
  public static final ReadOption<Duration> CACHE_TTL = named("cacheTtl", Duration.class)
      .reads(OptionRules.duration(MAX_CACHE_TTL, "30m", true))
      .withoutDefault("`0` (off); `30d` with `cachePath`");
  /**
   * A folder of any Hadoop-compatible file system ({@code /dbfs/...}, {@code /Volumes/...}, {@code s3a://...},
   * {@code abfss://...}) where every successful response is kept, so that every executor, job and session pointing
   * at it answers the same request from it instead of the API; see {@code docs/cache.md}.
   */
  public static final ReadOption<String> CACHE_PATH =
      named("cachePath", String.class).reads(OptionRules.text()).withoutDefault("(none)");
  /**
   * How a read uses the {@code cachePath} store: {@code use} answers from it and fills it; {@code refresh} asks the API
   * again and replaces what it holds; {@code offline} never asks the API and fails on a request it does not hold.
   */
  public static final ReadOption<String> CACHE_MODE = named("cacheMode", String.class)
      .reads(OptionRules.oneOf("use", "refresh", "offline"))
      .byDefault("use");
  /**
   * A label of the data's vintage, kept with each LMI entry of the store: entries of another label never answer.
   * The LMI has no version endpoint; change the label when the data change (the POG vintage comes from its
   * {@code /meta}).
   */
  public static final ReadOption<String> CACHE_VINTAGE = named("cacheVintage", String.class)
      .appliesTo(Dataset.Api.LMI)
      .reads(OptionRules.text())
      .withoutDefault("(none)");

  private final String key;
  private final Class<T> type;
  private final Predicate<Dataset> applies;
  private final OptionRule<T> rule;
  private final String environmentVariable;
  private final Requirement requirement;
  private final String defaultText;
  private final Function<OptionReading, T> computedDefault;
  private final Function<Dataset.Api, String> documentedDefault;

  private ReadOption(
      Builder<T> b,
      String defaultText,
      Function<OptionReading, T> computedDefault,
      Function<Dataset.Api, String> documentedDefault,
      Requirement requirement) {
    this.key = b.key;
    this.type = b.type;
    this.applies = b.applies;
    this.rule = b.rule;
    this.environmentVariable = b.environmentVariable;
    this.defaultText = defaultText;
    this.computedDefault = computedDefault;
    this.documentedDefault = documentedDefault;
    this.requirement = requirement;
    DECLARED.add(this);
  }

  /** @return every option, in the order they are declared and listed */
  public static List<ReadOption<?>> all() {
    return Collections.unmodifiableList(DECLARED);
  }

  /** @return the option name as documented */
  public String key() {
    return key;
  }

  /** @return whether the option carries a credential */
  public boolean isSecret() {
    return key.startsWith(SECRET_PREFIX);
  }

  /** @return whether this option means something for {@code dataset} */
  public boolean appliesTo(Dataset dataset) {
    return applies.test(dataset);
  }

  /** @return the environment variable read when neither the option nor the Spark conf is set, if any */
  public Optional<String> environmentVariable() {
    return Optional.ofNullable(environmentVariable);
  }

  /** @return when the option must be given, and how its absence is explained, if it ever must */
  Optional<Requirement> requirement() {
    return Optional.ofNullable(requirement);
  }

  /** @return the option's value read from {@code value} */
  T read(String value, OptionReading reading) {
    return rule.read(value, reading);
  }

  /** @return the value when none is given, if the option has one */
  Optional<T> defaultValue(OptionReading reading) {
    if (computedDefault != null) {
      return Optional.of(computedDefault.apply(reading));
    }
    return defaultText == null ? Optional.empty() : Optional.of(rule.read(defaultText, reading));
  }

  /** @return the default as {@code docs/options.md} states it in {@code api}'s table */
  public String documentedDefault(Dataset.Api api) {
    return documentedDefault.apply(api);
  }

  /** @return {@code value} as this option's type */
  T cast(Object value) {
    return type.cast(value);
  }

  /** @return the option named {@code name}, ignoring case */
  public static Optional<ReadOption<?>> fromKey(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return DECLARED.stream()
        .filter(o -> o.key.toLowerCase(Locale.ROOT).equals(lower))
        .findFirst();
  }

  /**
   * @return the option a credential given under its old name ({@code platformKey}, {@code customerKey},
   *     {@code clientId}, {@code clientSecret}) now has, which Spark redacts
   */
  public static Optional<ReadOption<?>> retired(String name) {
    return DECLARED.stream()
        .filter(o -> o.isSecret() && o.key.substring(SECRET_PREFIX.length()).equalsIgnoreCase(name))
        .findFirst();
  }

  /** @return the option that lists codes of {@code kind} */
  public static ReadOption<List<String>> codesOf(CodeKind kind) {
    return switch (kind) {
      case SOC -> SOC_CODES;
      case CIP -> CIP_CODES;
      case OCCUPATION_ID -> OCCUPATION_IDS;
    };
  }

  /** @return every option name, for error messages */
  public static String validKeys() {
    return DECLARED.stream().map(ReadOption::key).collect(Collectors.joining(", "));
  }

  /** @return the names of the options that carry credentials, for messages */
  static String credentialKeys() {
    return DECLARED.stream()
        .filter(ReadOption::isSecret)
        .map(ReadOption::key)
        .collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return key;
  }

  private static ReadOption<List<String>> codes(CodeKind kind) {
    return named(kind.optionName(), list())
        .appliesTo(d -> d.codeKind().filter(kind::equals).isPresent())
        .reads(OptionRules.codes(kind))
        .withoutDefault(CodeList.describe(kind).orElse("(none)"));
  }

  @SuppressWarnings("unchecked")
  private static Class<List<String>> list() {
    return (Class<List<String>>) (Class<?>) List.class;
  }

  @SuppressWarnings("unchecked")
  private static Class<Map<String, String>> map() {
    return (Class<Map<String, String>>) (Class<?>) Map.class;
  }

  private static <T> Builder<T> named(String key, Class<T> type) {
    return new Builder<>(key, type);
  }

  /** Declares an option: name and type, then where it applies, its rule, and last its default. */
  private static final class Builder<T> {
    private final String key;
    private final Class<T> type;
    private Predicate<Dataset> applies = d -> true;
    private OptionRule<T> rule;
    private String environmentVariable;

    private Builder(String key, Class<T> type) {
      this.key = key;
      this.type = type;
    }

    Builder<T> appliesTo(Dataset.Api api) {
      return appliesTo(d -> d.api() == api);
    }

    Builder<T> appliesTo(Predicate<Dataset> datasets) {
      this.applies = datasets;
      return this;
    }

    Builder<T> reads(OptionRule<T> rule) {
      this.rule = rule;
      return this;
    }

    Builder<T> fromEnvironment(String variable) {
      this.environmentVariable = variable;
      return this;
    }

    ReadOption<T> byDefault(String value) {
      return byDefault(value, "`" + value + "`");
    }

    ReadOption<T> byDefault(String value, String documented) {
      return new ReadOption<>(this, value, null, api -> documented, null);
    }

    ReadOption<T> withoutDefault(String documented) {
      return withoutDefault(api -> documented);
    }

    ReadOption<T> withoutDefault(Function<Dataset.Api, String> documented) {
      return new ReadOption<>(this, null, null, documented, null);
    }

    ReadOption<T> computedBy(
        Function<OptionReading, T> value, Function<Dataset.Api, String> documented) {
      return new ReadOption<>(this, null, value, documented, null);
    }

    ReadOption<T> required(Requirement requirement) {
      return new ReadOption<>(
          this, null, null, api -> "env `" + environmentVariable + "`", requirement);
    }
  }
}
