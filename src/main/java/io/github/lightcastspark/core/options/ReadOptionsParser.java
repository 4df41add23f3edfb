package io.github.lightcastspark.core.options;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the user's options, the session's {@code spark.lightcast.*} conf and the environment into {@link ReadOptions},
 * checking every value once, on the driver, by its {@link ReadOption} declaration, with messages that name the
 * option, the bad value and what is valid. Secret values are never echoed. An unknown option name is an error, and so
 * is an unknown {@code spark.lightcast.*} conf entry: a typo would otherwise be ignored without a word.
 */
public final class ReadOptionsParser {
  private static final Set<String> SPARK_PATH_KEYS = Set.of("path", "paths");
  private static final Pattern DATASET_LIKE = Pattern.compile("[A-Za-z_]{1,40}");

  private final Map<ReadOption<?>, String> given = new HashMap<>();
  private final Map<ReadOption<?>, String> origins = new HashMap<>();
  private final Map<String, Object> values = new LinkedHashMap<>();
  private String path;
  private Dataset dataset;

  private ReadOptionsParser() {}

  /**
   * @param options the options of the read, as given (names in any case)
   * @param sparkConf the session's Spark conf entries (only {@code spark.lightcast.*} ones are used)
   * @param env the process environment
   * @return the validated options
   * @throws LightcastOptionException when any value is missing or invalid, or any name unknown
   */
  public static ReadOptions parse(
      Map<String, String> options, Map<String, String> sparkConf, Map<String, String> env) {
    ReadOptionsParser parser = new ReadOptionsParser();
    parser.collect(options, sparkConf, env);
    return parser.build();
  }

  private void collect(
      Map<String, String> options, Map<String, String> sparkConf, Map<String, String> env) {
    for (ReadOption<?> option : ReadOption.all()) {
      option
          .environmentVariable()
          .ifPresent(
              variable -> put(option, env.get(variable), "environment variable " + variable));
    }
    sparkConf.forEach((key, value) -> {
      if (key.toLowerCase(Locale.ROOT).startsWith(ReadOption.SPARK_CONF_PREFIX)) {
        String name = key.substring(ReadOption.SPARK_CONF_PREFIX.length());
        ReadOption.retired(name).ifPresent(current -> {
          throw retiredName("Spark conf " + key, ReadOption.SPARK_CONF_PREFIX + current.key());
        });
        ReadOption<?> option = ReadOption.fromKey(name)
            .orElseThrow(() -> new LightcastOptionException(
                "Unknown Spark conf entry '" + key + "': no option is named '" + name
                    + "'. Valid options: " + ReadOption.validKeys() + "."));
        put(option, value, "Spark conf " + key);
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
      ReadOption<?> option = ReadOption.fromKey(key)
          .orElseThrow(() -> new LightcastOptionException(
              "Unknown option '" + key + "'. Valid options: " + ReadOption.validKeys() + "."));
      put(option, value, "option " + option.key());
    });
  }

  /**
   * A credential under its old name is refused, never used: most of those names Spark shows in clear, and a read that
   * took it would teach the habit that leaks it.
   */
  private static LightcastOptionException retiredName(String given, String current) {
    return new LightcastOptionException(
        given + " is a credential: give it as " + current + ". Every credential's"
            + " name starts with 'secret.', so that Spark redacts it in plans, the Spark UI, the event log and SET.");
  }

  private void put(ReadOption<?> option, String value, String origin) {
    if (value != null) {
      given.put(option, value.strip());
      origins.put(option, origin);
    }
  }

  private ReadOptions build() {
    dataset = resolveDataset(given.get(ReadOption.DATASET), path);
    dropOptionsOf(dataset);
    for (ReadOption<?> option : ReadOption.all()) {
      if (option.appliesTo(dataset)) {
        read(option).ifPresent(value -> values.put(option.key(), value));
      }
    }
    for (ReadOption<?> option : ReadOption.all()) {
      if (option.appliesTo(dataset) && !values.containsKey(option.key())) {
        Reading reading = new Reading(option);
        option
            .requirement()
            .filter(required -> required.when().test(reading))
            .ifPresent(required -> {
              throw new LightcastOptionException(required.missing(sources(option)));
            });
      }
    }
    return new ReadOptions(dataset, values);
  }

  /** @return the option's value as given, else its default; empty when it has neither */
  private <T> Optional<T> read(ReadOption<T> option) {
    Reading reading = new Reading(option);
    String value = given.get(option);
    if (value == null) {
      return option.defaultValue(reading);
    }
    return Optional.ofNullable(option.read(value, reading));
  }

  /**
   * @return the three ways to give a credential: {@code option x, Spark conf spark.lightcast.x or environment
   *     variable X}
   */
  private static String sources(ReadOption<?> option) {
    return "option " + option.key() + ", Spark conf " + ReadOption.SPARK_CONF_PREFIX + option.key()
        + " or environment variable " + option.environmentVariable().orElseThrow()
        + " (of the driver as it started: one set later, in a notebook's os.environ, is not seen)";
  }

  /**
   * An explicit option that means nothing for the dataset is a mistake worth stopping for; a session conf or
   * environment value for the other API is not (a session may read both), so it is just set aside.
   */
  private void dropOptionsOf(Dataset dataset) {
    for (ReadOption<?> option : ReadOption.all()) {
      if (given.containsKey(option) && !option.appliesTo(dataset)) {
        if (origins.get(option).startsWith("option ")) {
          String hint = option == ReadOption.REGION_CODES
              ? "; filter its rows with where(\"regionCode IN (...)\")"
              : dataset
                  .codeKind()
                  .filter(k -> option.key().endsWith("Codes") || option.key().endsWith("Ids"))
                  .map(k -> "; use " + k.optionName())
                  .orElse("");
          throw new LightcastOptionException("Option " + option.key()
              + " does not apply to dataset " + dataset.optionValue() + hint + ".");
        }
        given.remove(option);
      }
    }
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
      throw new LightcastOptionException(
          "Option dataset is " + shown(byOption) + " but load() was given " + shown(path)
              + "; give the dataset once. Valid datasets: " + Dataset.validValues() + ".");
    }
    String name = byOption != null ? byOption : path;
    if (name == null || name.isBlank()) {
      throw new LightcastOptionException(
          "Missing dataset: use load(\"<dataset>\") or option dataset. Valid datasets: "
              + Dataset.validValues() + ".");
    }
    return Dataset.fromOptionValue(name)
        .orElseThrow(() -> new LightcastOptionException(
            "Unknown dataset " + shown(name) + ". Valid datasets: " + Dataset.validValues() + "."));
  }

  /**
   * @return a dataset value as an error may quote it: a name of letters and underscores, as every dataset has, or
   *     else only its length, as it may be a key given in the wrong place
   */
  private static String shown(String value) {
    return DATASET_LIKE.matcher(value.strip()).matches()
        ? "'" + value.strip() + "'"
        : "(a value of " + value.length()
            + " characters that is no dataset name, not shown as it may be a credential)";
  }

  /** One option being read: what its rule may ask. */
  private final class Reading implements OptionReading {
    private final ReadOption<?> option;

    private Reading(ReadOption<?> option) {
      this.option = option;
    }

    @Override
    public Dataset dataset() {
      return dataset;
    }

    @Override
    public <U> Optional<U> find(ReadOption<U> earlier) {
      return Optional.ofNullable(values.get(earlier.key())).map(earlier::cast);
    }

    @Override
    public String origin() {
      return origins.getOrDefault(option, "option " + option.key());
    }

    @Override
    public String defaultValue() {
      return option.defaultValue(this).map(String::valueOf).orElse("");
    }

    @Override
    public LightcastOptionException invalid(String value, String why) {
      return new LightcastOptionException(
          OptionRules.capitalize(origin()) + " has invalid value '" + value + "': " + why + ".");
    }
  }
}
