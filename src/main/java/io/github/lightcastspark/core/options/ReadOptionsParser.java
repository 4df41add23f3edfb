package io.github.lightcastspark.core.options;

import io.github.lightcastspark.core.binding.pog.PogSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the user's options, the session's {@code spark.lightcast.*} conf and the environment into {@link ReadOptions},
 * checking every value once, on the driver, with messages that name the option, the bad value and what is valid.
 * Secret values are never echoed.
 */
public final class ReadOptionsParser {
  /** The options that carry credentials, for messages. */
  static final String SECRET_OPTIONS = ReadOption.PLATFORM_KEY.key() + ", " + ReadOption.CUSTOMER_KEY.key() + ", "
      + ReadOption.CLIENT_ID.key() + ", " + ReadOption.CLIENT_SECRET.key();
  /** Environment variable read when no {@code secret.platformKey} option or conf is set. */
  public static final String ENV_PLATFORM_KEY = "LIGHTCAST_PLATFORM_KEY";
  /** Environment variable read when no {@code secret.customerKey} option or conf is set. */
  public static final String ENV_CUSTOMER_KEY = "LIGHTCAST_CUSTOMER_KEY";
  /** Environment variable read when no {@code secret.clientId} option or conf is set. */
  public static final String ENV_CLIENT_ID = "LIGHTCAST_CLIENT_ID";
  /** Environment variable read when no {@code secret.clientSecret} option or conf is set. */
  public static final String ENV_CLIENT_SECRET = "LIGHTCAST_CLIENT_SECRET";

  private static final Map<ReadOption, String> ENV_VARIABLES = Map.of(ReadOption.PLATFORM_KEY, ENV_PLATFORM_KEY,
      ReadOption.CUSTOMER_KEY, ENV_CUSTOMER_KEY, ReadOption.CLIENT_ID, ENV_CLIENT_ID, ReadOption.CLIENT_SECRET,
      ENV_CLIENT_SECRET);

  private static final Set<String> SPARK_PATH_KEYS = Set.of("path", "paths");
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");
  private static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);
  private static final int MAX_RETRIES_LIMIT = 20;
  /** Anything before an '@' in a URL's authority, even one that is not a valid URL: it may hold a password. */
  private static final Pattern USER_INFO = Pattern.compile("^[^:/?#]*://[^/?#]*@");
  private static final Pattern DATASET_LIKE = Pattern.compile("[A-Za-z_]{1,40}");
  private static final double MIN_RATE = 0.01;
  private static final double MAX_RATE = 10_000;
  /** The fields of an LMI request body that the fallback flag's name must not overwrite. */
  private static final Set<String> BODY_FIELDS = Set.of("socCodes", "cipCodes", "regionType", "region", "fields",
      "includeSkills");

  private final Map<ReadOption, String> values = new EnumMap<>(ReadOption.class);
  private final Map<ReadOption, String> origins = new EnumMap<>(ReadOption.class);
  private String path;

  private ReadOptionsParser() {
  }

  /**
   * @param options the options of the read, as given (names in any case)
   * @param sparkConf the session's Spark conf entries (only {@code spark.lightcast.*} ones are used)
   * @param env the process environment
   * @return the validated options
   * @throws LightcastOptionException when any value is missing or invalid
   */
  public static ReadOptions parse(Map<String, String> options, Map<String, String> sparkConf, Map<String, String> env) {
    ReadOptionsParser parser = new ReadOptionsParser();
    parser.collect(options, sparkConf, env);
    return parser.build();
  }

  private void collect(Map<String, String> options, Map<String, String> sparkConf, Map<String, String> env) {
    ENV_VARIABLES.forEach((option, variable) -> put(option, env.get(variable), "environment variable " + variable));
    sparkConf.forEach((key, value) -> {
      if (key.toLowerCase(Locale.ROOT).startsWith(ReadOption.SPARK_CONF_PREFIX)) {
        String name = key.substring(ReadOption.SPARK_CONF_PREFIX.length());
        ReadOption.retired(name).ifPresent(current -> {
          throw retiredName("Spark conf " + key, ReadOption.SPARK_CONF_PREFIX + current.key());
        });
        ReadOption.fromKey(name).ifPresent(o -> put(o, value, "Spark conf " + key));
      }
    });
    options.forEach((key, value) -> {
      if (SPARK_PATH_KEYS.contains(key.toLowerCase(Locale.ROOT))) {
        path = value;
        return;
      }
      ReadOption.retired(key).ifPresent(current -> {
        throw retiredName("Option " + key, current.key());
      });
      ReadOption option = ReadOption.fromKey(key).orElseThrow(() -> new LightcastOptionException(
          "Unknown option '" + key + "'. Valid options: " + ReadOption.validKeys() + "."));
      put(option, value, "option " + option.key());
    });
  }

  /**
   * A credential under its old name is refused, never used: most of those names Spark shows in clear, and a read that
   * took it would teach the habit that leaks it.
   */
  private static LightcastOptionException retiredName(String given, String current) {
    return new LightcastOptionException(given + " is a credential: give it as " + current + ". Every credential's"
        + " name starts with 'secret.', so that Spark redacts it in plans, the Spark UI, the event log and SET.");
  }

  private void put(ReadOption option, String value, String origin) {
    if (value != null) {
      values.put(option, value.strip());
      origins.put(option, origin);
    }
  }

  private ReadOptions build() {
    Dataset dataset = dataset();
    dropOptionsOf(dataset);
    boolean lmi = dataset.api() == Dataset.Api.LMI;
    Environment environment = environment();
    Secret platformKey = lmi ? required(ReadOption.PLATFORM_KEY, "platform key") : null;
    Secret customerKey = Secret.ofNullable(values.get(ReadOption.CUSTOMER_KEY));
    if (lmi && customerKey == null && environment.customerKeyRequired()) {
      throw new LightcastOptionException("Missing customer key: the production environment requires one; set option "
          + ReadOption.CUSTOMER_KEY.key() + ", Spark conf " + ReadOption.SPARK_CONF_PREFIX
          + ReadOption.CUSTOMER_KEY.key() + " or environment variable " + ENV_CUSTOMER_KEY
          + " (or option environment=testing for the testing environment).");
    }
    RegionType regionType = regionType(dataset);
    return new ReadOptions(
        dataset,
        platformKey,
        customerKey,
        header(ReadOption.CUSTOMER_KEY_HEADER, "X-Customer-Key"),
        environment,
        url(ReadOption.BASE_URL, lmi ? environment.baseUrl() : PogSettings.DEFAULT_BASE_URL),
        codes(dataset),
        regionType,
        regionCodes(dataset, regionType),
        bool(ReadOption.INCLUDE_SKILLS),
        bool(ReadOption.FALLBACK_TO_STATE),
        fallbackField(),
        rateLimit(),
        maxRetries(),
        duration(ReadOption.MAX_RETRY_TIME, Duration.ofMinutes(5), Duration.ofHours(1), "5m"),
        duration(ReadOption.REQUEST_TIMEOUT, Duration.ofSeconds(30), MAX_TIMEOUT, "30s"),
        maxPartitions(),
        duration(ReadOption.CACHE_TTL, Duration.ZERO, ReadOptions.MAX_CACHE_TTL, "30m", true),
        lmi ? null : pogSettings());
  }

  /**
   * An explicit option that means nothing for the dataset is a mistake worth stopping for; a session conf or
   * environment value for the other API is not (a session may read both), so it is just set aside.
   */
  private void dropOptionsOf(Dataset dataset) {
    for (ReadOption option : ReadOption.values()) {
      if (values.containsKey(option) && !option.appliesTo(dataset)) {
        if (origins.get(option).startsWith("option ")) {
          String hint = option == ReadOption.REGION_CODES
              ? "; filter its rows with where(\"regionCode IN (...)\")"
              : dataset.codeKind().filter(k -> option.key().endsWith("Codes") || option.key().endsWith("Ids"))
                  .map(k -> "; use " + k.optionName()).orElse("");
          throw new LightcastOptionException("Option " + option.key() + " does not apply to dataset "
              + dataset.optionValue() + hint + ".");
        }
        values.remove(option);
      }
    }
  }

  private Secret required(ReadOption option, String what) {
    Secret secret = Secret.ofNullable(values.get(option));
    if (secret == null) {
      throw new LightcastOptionException("Missing " + what + ": set option " + option.key() + ", Spark conf "
          + ReadOption.SPARK_CONF_PREFIX + option.key() + " or environment variable " + ENV_VARIABLES.get(option)
          + ".");
    }
    return secret;
  }

  private PogSettings pogSettings() {
    return new PogSettings(
        required(ReadOption.CLIENT_ID, "client id"),
        required(ReadOption.CLIENT_SECRET, "client secret"),
        oneOf(ReadOption.SCOPE, PogSettings.DEFAULT_SCOPE, null),
        url(ReadOption.AUTH_URL, PogSettings.DEFAULT_AUTH_URL),
        oneOf(ReadOption.DIMENSION, "lotocc", List.of("lotocc", "lotspecocc")),
        oneOf(ReadOption.LOT_VERSION, "7", List.of("6", "7")));
  }

  /** @return the option's value, its default when unset, checked against {@code valid} when that is given */
  private String oneOf(ReadOption option, String defaultValue, List<String> valid) {
    String value = values.getOrDefault(option, defaultValue);
    if (value.isBlank() || (valid != null && !valid.contains(value))) {
      throw invalid(option, value, valid == null ? "expected a non-blank value" : "valid values are "
          + String.join(", ", valid));
    }
    return value;
  }

  private Dataset dataset() {
    return resolveDataset(values.get(ReadOption.DATASET), path);
  }

  /**
   * The one rule for naming the dataset, shared with schema resolution.
   *
   * @param byOption the {@code dataset} option, or null
   * @param path the argument of {@code load(...)}, or null
   * @return the dataset named
   * @throws LightcastOptionException when none, two different or an unknown dataset is named
   */
  public static Dataset resolveDataset(String byOption, String path) {
    if (byOption != null && path != null && !byOption.strip().equalsIgnoreCase(path.strip())) {
      throw new LightcastOptionException("Option dataset is " + shown(byOption) + " but load() was given "
          + shown(path) + "; give the dataset once. Valid datasets: " + Dataset.validValues() + ".");
    }
    String name = byOption != null ? byOption : path;
    if (name == null || name.isBlank()) {
      throw new LightcastOptionException("Missing dataset: use load(\"<dataset>\") or option dataset. Valid datasets: "
          + Dataset.validValues() + ".");
    }
    return Dataset.fromOptionValue(name).orElseThrow(() -> new LightcastOptionException(
        "Unknown dataset " + shown(name) + ". Valid datasets: " + Dataset.validValues() + "."));
  }

  /**
   * @return a dataset value as an error may quote it: a name of letters and underscores, as every dataset has, or
   *     else only its length, as it may be a key given in the wrong place
   */
  private static String shown(String value) {
    return DATASET_LIKE.matcher(value.strip()).matches() ? "'" + value.strip() + "'"
        : "(a value of " + value.length() + " characters that is no dataset name, not shown as it may be a credential)";
  }

  private Environment environment() {
    String value = values.get(ReadOption.ENVIRONMENT);
    if (value == null) {
      return Environment.PRODUCTION;
    }
    try {
      return Environment.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid(ReadOption.ENVIRONMENT, value, "valid values are " + Environment.validValues());
    }
  }

  /**
   * An http(s) URL with a host, a port that exists and nothing a base URL cannot carry: a query or fragment would
   * swallow the paths appended to it, and credentials in it ({@code user:pass@}) would be sent to the wrong place and
   * echoed by every error, so they are refused and not shown.
   */
  private String url(ReadOption option, String defaultValue) {
    String value = values.get(option);
    if (value == null) {
      return defaultValue;
    }
    if (USER_INFO.matcher(value).find()) {
      throw new LightcastOptionException(capitalize(origins.get(option)) + " holds credentials ('user:password@'),"
          + " which are not shown: give the URL without them; the keys go in their own options (" + SECRET_OPTIONS
          + ").");
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      uri = null;
    }
    if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
        || uri.getPort() > 65_535 || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw invalid(option, value, "expected an http(s) URL with a host, a port from 1 to 65535 if any, and no query"
          + " or fragment, such as " + defaultValue);
    }
    return value.replaceAll("/+$", "");
  }

  private List<String> codes(Dataset dataset) {
    CodeKind kind = dataset.codeKind().orElse(null);
    ReadOption option = kind == null ? null : ReadOption.fromKey(kind.optionName()).orElseThrow();
    String value = option == null ? null : values.get(option);
    if (value == null) {
      return null;
    }
    TreeSet<String> codes = new TreeSet<>();
    for (String code : split(option, value)) {
      if (!kind.isValid(code)) {
        throw invalid(option, code, "codes are " + kind.format());
      }
      codes.add(code);
    }
    return new ArrayList<>(codes);
  }

  private RegionType regionType(Dataset dataset) {
    String value = values.get(ReadOption.REGION_TYPE);
    if (value == null) {
      return null;
    }
    RegionType type = RegionType.fromApiName(value).orElseThrow(() ->
        invalid(ReadOption.REGION_TYPE, value, "valid values are " + RegionType.validValues()));
    if (!RegionCodes.supports(dataset, type)) {
      throw invalid(ReadOption.REGION_TYPE, value, RegionCodes.onlyNationAndStates(dataset));
    }
    return type;
  }

  private List<String> regionCodes(Dataset dataset, RegionType regionType) {
    String value = values.get(ReadOption.REGION_CODES);
    if (value == null) {
      return null;
    }
    String source = origins.get(ReadOption.REGION_CODES);
    TreeSet<String> codes = new TreeSet<>();
    for (String raw : split(ReadOption.REGION_CODES, value)) {
      String code = RegionCodes.canonicalFromOption(raw, source);
      RegionType type = RegionCodes.typeOf(code);
      if (!RegionCodes.supports(dataset, type)) {
        throw invalid(ReadOption.REGION_CODES, raw, RegionCodes.onlyNationAndStates(dataset));
      }
      if (regionType != null && regionType != type) {
        throw invalid(ReadOption.REGION_CODES, raw, "it is a " + type.apiName() + " code but option regionType is "
            + regionType.apiName() + (regionType == RegionType.NATIONAL ? ", which takes no region codes" : ""));
      }
      codes.add(code);
    }
    return new ArrayList<>(codes);
  }

  private List<String> split(ReadOption option, String value) {
    List<String> parts = new ArrayList<>();
    for (String part : value.split(",")) {
      if (!part.isBlank()) {
        parts.add(part.strip());
      }
    }
    if (parts.isEmpty()) {
      throw invalid(option, value, "expected a comma-separated, non-empty list");
    }
    return parts;
  }

  private boolean bool(ReadOption option) {
    String value = values.get(option);
    if (value == null) {
      return false;
    }
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw invalid(option, value, "valid values are true, false");
  }

  private String header(ReadOption option, String defaultValue) {
    String value = values.get(option);
    if (value == null) {
      return defaultValue;
    }
    if (!value.matches("[A-Za-z][A-Za-z0-9_-]*")) {
      throw invalid(option, value, "expected a name of letters, digits, '-' and '_'");
    }
    return value;
  }

  private String fallbackField() {
    String field = header(ReadOption.FALLBACK_TO_STATE_FIELD, "fallbackToState");
    if (BODY_FIELDS.contains(field)) {
      throw invalid(ReadOption.FALLBACK_TO_STATE_FIELD, field, "it names a field the request body already has ("
          + String.join(", ", new TreeSet<>(BODY_FIELDS)) + "), which the flag would overwrite");
    }
    return field;
  }

  /**
   * At least {@link #MIN_RATE} requests a second (one every 100 s): slower than that, a read's schedule would start
   * its first request minutes after planning, and far slower ({@code 1e-300}) its slot arithmetic overflows and it
   * never sends at all.
   */
  private double rateLimit() {
    String value = values.get(ReadOption.RATE_LIMIT);
    if (value == null) {
      return 5.0;
    }
    try {
      double rate = Double.parseDouble(value);
      if (rate >= MIN_RATE && rate <= MAX_RATE) {
        return rate;
      }
    } catch (NumberFormatException e) {
      // reported below with the valid range
    }
    throw invalid(ReadOption.RATE_LIMIT, value, "expected requests per second, a number from " + MIN_RATE + " to "
        + (int) MAX_RATE);
  }

  private int maxRetries() {
    return intInRange(ReadOption.MAX_RETRIES, 5, 0, MAX_RETRIES_LIMIT);
  }

  private Integer maxPartitions() {
    return values.containsKey(ReadOption.MAX_PARTITIONS)
        ? intInRange(ReadOption.MAX_PARTITIONS, 1, 1, 100_000) : null;
  }

  private int intInRange(ReadOption option, int defaultValue, int min, int max) {
    String value = values.get(option);
    if (value == null) {
      return defaultValue;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below with the valid range
    }
    throw invalid(option, value, "expected a whole number from " + min + " to " + max);
  }

  private Duration duration(ReadOption option, Duration defaultValue, Duration max, String example) {
    return duration(option, defaultValue, max, example, false);
  }

  /** @param zeroMeansOff whether {@code 0} is valid, turning the feature off */
  private Duration duration(ReadOption option, Duration defaultValue, Duration max, String example,
      boolean zeroMeansOff) {
    String value = values.get(option);
    if (value == null) {
      return defaultValue;
    }
    Matcher m = DURATION.matcher(value.toLowerCase(Locale.ROOT));
    if (m.matches()) {
      double amount = Double.parseDouble(m.group(1));
      String unit = m.group(2) == null ? "s" : m.group(2);
      long millis = (long) (amount * switch (unit) {
        case "ms" -> 1;
        case "m" -> 60_000;
        case "h" -> 3_600_000;
        default -> 1_000;
      });
      Duration duration = Duration.ofMillis(millis);
      if ((zeroMeansOff || !duration.isZero()) && duration.compareTo(max) <= 0) {
        return duration;
      }
    }
    throw invalid(option, value, "expected " + (zeroMeansOff ? "0 (off) or a duration" : "a duration above 0")
        + " of at most " + max.toMinutes() + "m, such as " + example + ", 500ms or 2m (a bare number means seconds)");
  }

  private LightcastOptionException invalid(ReadOption option, String value, String why) {
    String origin = origins.getOrDefault(option, "option " + option.key());
    return new LightcastOptionException(capitalize(origin) + " has invalid value '" + value + "': " + why + ".");
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
