package io.github.lightcastspark.core.plan;

import io.github.lightcastspark.core.options.LightcastOptionException;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.options.RegionCodes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules of option {@code keyTable}: which of the table's columns hold which request key, and how their distinct
 * values become the read's keys. The values are checked as filter values are, so that a malformed code in an HR table
 * is the same clear error it is as an option; nulls never become requests.
 */
public final class KeyTableColumns {
  private KeyTableColumns() {}

  /**
   * @param options the read's options, with {@code keyTable} set
   * @param tableColumns the table's columns
   * @return request-key column → table column, as {@code keyColumns} names them or, by default, every request-key
   *     column of the dataset that the table has by name (ignoring case)
   * @throws LightcastOptionException naming the option, the bad key or column and what is valid
   */
  public static Map<String, String> of(ReadOptions options, List<String> tableColumns) {
    Set<String> keys = KeyColumns.pushable(options.dataset());
    String table = options.keyTable().orElseThrow();
    Map<String, String> pairs = new LinkedHashMap<>();
    if (options.keyColumns().isEmpty()) {
      for (String key : keys) {
        find(tableColumns, key).ifPresent(column -> pairs.put(key, column));
      }
      if (pairs.isEmpty()) {
        throw new LightcastOptionException(
            "Option keyTable names " + table + ", which has none of the key"
                + " columns of dataset " + options.dataset().optionValue() + " ("
                + String.join(", ", keys)
                + "); its columns are " + String.join(", ", tableColumns)
                + ". Say which hold the keys with option keyColumns, such as 'socCode=soc_code,regionCode=state'.");
      }
      return pairs;
    }
    for (Map.Entry<String, String> pair : options.keyColumns().get().entrySet()) {
      if (!keys.contains(pair.getKey())) {
        throw new LightcastOptionException("Option keyColumns has invalid value '" + pair.getKey()
            + "': the request keys of dataset " + options.dataset().optionValue() + " are "
            + String.join(", ", keys) + ".");
      }
      String column = find(tableColumns, pair.getValue())
          .orElseThrow(() -> new LightcastOptionException("Option keyColumns has invalid value '"
              + pair.getValue() + "': table " + table + " has no such column; its columns are "
              + String.join(", ", tableColumns) + "."));
      pairs.put(pair.getKey(), column);
    }
    return pairs;
  }

  /**
   * @param options the read's options, with {@code keyTable} set
   * @param columns request-key column → table column, from {@link #of}
   * @param values each request-key column's distinct values in the table, nulls included
   * @return the read's keys: each column restricted to the table's non-null values, region codes canonical (a state
   *     may be written without its leading zero, as in the options)
   */
  public static PushedKeys keys(
      ReadOptions options, Map<String, String> columns, Map<String, Set<String>> values) {
    PushedKeys keys = PushedKeys.NONE;
    for (Map.Entry<String, String> pair : columns.entrySet()) {
      String source = "Table " + options.keyTable().orElseThrow() + " (option keyTable), column "
          + pair.getValue();
      TreeSet<String> distinct = new TreeSet<>();
      for (String value : values.get(pair.getKey())) {
        if (value != null) {
          distinct.add(
              pair.getKey().equals(KeyColumns.REGION_CODE)
                  ? RegionCodes.canonicalFromOption(value, source)
                  : value.strip());
        }
      }
      RequestPlanner.validateKeyValues(options.dataset(), pair.getKey(), distinct, source);
      keys = keys.and(pair.getKey(), distinct);
    }
    return keys;
  }

  private static Optional<String> find(List<String> columns, String name) {
    return columns.stream()
        .filter(c -> c.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
        .findFirst();
  }
}
