package io.github.lightcastspark.core.options;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The kinds of option value, each with the one check and the one message that every option of its kind shares. */
final class OptionRules {
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)?");
  /** Anything before an '@' in a URL's authority, even one that is not a valid URL: it may hold a password. */
  private static final Pattern USER_INFO = Pattern.compile("^[^:/?#]*://[^/?#]*@");

  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

  private OptionRules() {}

  /** @return a credential: any non-blank value, kept as a {@link Secret} */
  static OptionRule<Secret> secret() {
    return (value, reading) -> Secret.ofNullable(value);
  }

  /** @return any non-blank text */
  static OptionRule<String> text() {
    return (value, reading) -> {
      if (value.isBlank()) {
        throw reading.invalid(value, "expected a non-blank value");
      }
      return value;
    };
  }

  /** @return one of {@code valid}, exactly */
  static OptionRule<String> oneOf(String... valid) {
    List<String> values = List.of(valid);
    return (value, reading) -> {
      if (!values.contains(value)) {
        throw reading.invalid(value, "valid values are " + String.join(", ", values));
      }
      return value;
    };
  }

  /** @return the LMI environment, by name in any case */
  static OptionRule<Environment> environment() {
    return (value, reading) -> {
      try {
        return Environment.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw reading.invalid(value, "valid values are " + Environment.validValues());
      }
    };
  }

  /** @return {@code true} or {@code false}, in any case */
  static OptionRule<Boolean> bool() {
    return (value, reading) -> {
      if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
        return Boolean.parseBoolean(value);
      }
      throw reading.invalid(value, "valid values are true, false");
    };
  }

  /** @return an HTTP header or JSON field name */
  static OptionRule<String> name() {
    return (value, reading) -> {
      if (!HEADER_NAME.matcher(value).matches()) {
        throw reading.invalid(value, "expected a name of letters, digits, '-' and '_'");
      }
      return value;
    };
  }

  /** @return a JSON field name of a request body that is none of {@code bodyFields}, which it would overwrite */
  static OptionRule<String> extraField(Set<String> bodyFields) {
    OptionRule<String> name = name();
    return (value, reading) -> {
      String field = name.read(value, reading);
      if (bodyFields.contains(field)) {
        throw reading.invalid(
            field,
            "it names a field the request body already has ("
                + String.join(", ", new TreeSet<>(bodyFields))
                + "), which the flag would overwrite");
      }
      return field;
    };
  }

  /**
   * @param secretOptions the options that carry credentials, for the message about a URL that holds one
   * @return an http(s) URL with a host, a port that exists and nothing a base URL cannot carry, without its trailing
   *     slashes: a query or fragment would swallow the paths appended to it, and credentials in it
   *     ({@code user:pass@}) would be sent to the wrong place and echoed by every error, so they are refused and not
   *     shown
   */
  static OptionRule<String> url(Supplier<String> secretOptions) {
    return (value, reading) -> {
      if (USER_INFO.matcher(value).find()) {
        throw new LightcastOptionException(
            capitalize(reading.origin()) + " holds credentials ('user:password@'),"
                + " which are not shown: give the URL without them; the keys go in their own options ("
                + secretOptions.get() + ").");
      }
      URI uri;
      try {
        uri = new URI(value);
      } catch (URISyntaxException e) {
        uri = null;
      }
      if (uri == null
          || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null
          || uri.getPort() > 65_535
          || uri.getRawQuery() != null
          || uri.getRawFragment() != null) {
        throw reading.invalid(
            value,
            "expected an http(s) URL with a host, a port from 1 to 65535 if any, and no"
                + " query or fragment, such as " + reading.defaultValue());
      }
      return value.replaceAll("/+$", "");
    };
  }

  /** @return requests per second, from {@code min} to {@code max} */
  static OptionRule<Double> rate(double min, double max) {
    return (value, reading) -> {
      try {
        double rate = Double.parseDouble(value);
        if (rate >= min && rate <= max) {
          return rate;
        }
      } catch (NumberFormatException e) {
        // reported below with the valid range
      }
      throw reading.invalid(
          value, "expected requests per second, a number from " + min + " to " + (int) max);
    };
  }

  /** @return a whole number from {@code min} to {@code max} */
  static OptionRule<Integer> wholeNumber(int min, int max) {
    return (value, reading) -> {
      try {
        int n = Integer.parseInt(value);
        if (n >= min && n <= max) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below with the valid range
      }
      throw reading.invalid(value, "expected a whole number from " + min + " to " + max);
    };
  }

  /**
   * @param max the longest valid duration
   * @param example a duration shown in the message
   * @param zeroMeansOff whether {@code 0} is valid, turning the feature off
   * @return a duration such as {@code 500ms}, {@code 30s}, {@code 2m} or {@code 1h} (a bare number means seconds)
   */
  static OptionRule<Duration> duration(Duration max, String example, boolean zeroMeansOff) {
    return (value, reading) -> {
      Matcher m = DURATION.matcher(value.toLowerCase(Locale.ROOT));
      if (m.matches()) {
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        long millis = (long) (amount
            * switch (unit) {
              case "ms" -> 1;
              case "m" -> 60_000;
              case "h" -> 3_600_000;
              case "d" -> 86_400_000;
              default -> 1_000;
            });
        Duration duration = Duration.ofMillis(millis);
        if ((zeroMeansOff || !duration.isZero()) && duration.compareTo(max) <= 0) {
          return duration;
        }
      }
      throw reading.invalid(
          value,
          "expected " + (zeroMeansOff ? "0 (off) or a duration" : "a duration above 0")
              + " of at most " + shortest(max) + ", such as " + example
              + ", 500ms or 2m (a bare number means"
              + " seconds)");
    };
  }

  /** @return {@code duration} in its largest whole unit, such as {@code 366d} or {@code 90m} */
  private static String shortest(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 86_400_000 == 0) {
      return duration.toDays() + "d";
    }
    return millis % 3_600_000 == 0 ? duration.toHours() + "h" : duration.toMinutes() + "m";
  }

  /** @return a comma-separated list of codes of {@code kind}, canonical, without repeats and sorted */
  static OptionRule<List<String>> codes(CodeKind kind) {
    return (value, reading) -> {
      TreeSet<String> codes = new TreeSet<>();
      for (String code : split(value, reading)) {
        if (!kind.isValid(code)) {
          throw reading.invalid(code, "codes are " + kind.format());
        }
        codes.add(code);
      }
      return List.copyOf(codes);
    };
  }

  /**
   * @return comma-separated {@code key=column} pairs, or a bare {@code key} for {@code key=key}, in the order given;
   *     each key once
   */
  static OptionRule<Map<String, String>> columnPairs() {
    return (value, reading) -> {
      Map<String, String> pairs = new LinkedHashMap<>();
      for (String part : split(value, reading)) {
        String[] sides = part.split("=", -1);
        String key = sides[0].strip();
        String column = sides.length == 2 ? sides[1].strip() : key;
        if (sides.length > 2 || key.isEmpty() || column.isEmpty()) {
          throw reading.invalid(part, "expected key=tableColumn, such as socCode=soc_code");
        }
        if (pairs.put(key, column) != null) {
          throw reading.invalid(part, "key " + key + " is named twice");
        }
      }
      return Collections.unmodifiableMap(pairs);
    };
  }

  /** @return a region type the dataset's API answers for */
  static OptionRule<RegionType> regionType() {
    return (value, reading) -> {
      RegionType type = RegionType.fromApiName(value)
          .orElseThrow(
              () -> reading.invalid(value, "valid values are " + RegionType.validValues()));
      if (!reading.dataset().answers(type)) {
        throw reading.invalid(value, RegionCodes.onlyNationAndStates(reading.dataset()));
      }
      return type;
    };
  }

  /**
   * @param regionType the option whose type the codes must have, when it is given
   * @return a comma-separated list of region codes the dataset's API answers for, canonical, sorted
   */
  static OptionRule<List<String>> regionCodes(ReadOption<RegionType> regionType) {
    return (value, reading) -> {
      RegionType given = reading.find(regionType).orElse(null);
      TreeSet<String> codes = new TreeSet<>();
      for (String raw : split(value, reading)) {
        String code = RegionCodes.canonicalFromOption(raw, reading.origin());
        RegionType type = RegionCodes.typeOf(code);
        if (!reading.dataset().answers(type)) {
          throw reading.invalid(raw, RegionCodes.onlyNationAndStates(reading.dataset()));
        }
        if (given != null && given != type) {
          throw reading.invalid(
              raw,
              "it is a " + type.apiName() + " code but option regionType is " + given.apiName()
                  + (given == RegionType.NATIONAL ? ", which takes no region codes" : ""));
        }
        codes.add(code);
      }
      return List.copyOf(codes);
    };
  }

  private static List<String> split(String value, OptionReading reading) {
    List<String> parts = new ArrayList<>();
    for (String part : value.split(",")) {
      if (!part.isBlank()) {
        parts.add(part.strip());
      }
    }
    if (parts.isEmpty()) {
      throw reading.invalid(value, "expected a comma-separated, non-empty list");
    }
    return parts;
  }

  /** @return {@code s} with its first letter upper-cased, as a message's first word */
  static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
