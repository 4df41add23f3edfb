package io.github.lightcastspark.spark;

import io.github.lightcastspark.core.options.LightcastOptionException;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.plan.KeyTableColumns;
import io.github.lightcastspark.core.plan.PushedKeys;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Resolves option {@code keyTable} on the driver at planning: one Spark job reads the distinct key values of the
 * named table or view, and they become the read's keys as filters would. No API request is sent.
 */
final class KeyTable {
  private KeyTable() {}

  /** @return the keys the read's key table allows, {@link PushedKeys#NONE} when it names none */
  static PushedKeys keys(ReadOptions options) {
    if (options.keyTable().isEmpty()) {
      return PushedKeys.NONE;
    }
    String name = options.keyTable().get();
    Dataset<Row> table = table(name);
    Map<String, String> columns = KeyTableColumns.of(options, Arrays.asList(table.columns()));
    List<String> keys = new ArrayList<>(columns.keySet());
    Column[] selected = keys.stream()
        .map(k -> table.col(columns.get(k)).cast("string").as(k))
        .toArray(Column[]::new);
    Map<String, Set<String>> values = new HashMap<>();
    keys.forEach(k -> values.put(k, new HashSet<>()));
    for (Row row : table.select(selected).distinct().collectAsList()) {
      for (int i = 0; i < keys.size(); i++) {
        values.get(keys.get(i)).add(row.getString(i));
      }
    }
    return KeyTableColumns.keys(options, columns, values);
  }

  private static Dataset<Row> table(String name) {
    try {
      return SparkSession.active().table(name);
    } catch (
        Exception
            e) { // Scala's AnalysisException is checked in Java, which javac cannot see thrown
      if (e instanceof AnalysisException) {
        throw new LightcastOptionException("Option keyTable has invalid value '" + name
            + "': no table or view of that name (" + firstLine(e.getMessage())
            + "). Name a table, or register a DataFrame with createOrReplaceTempView.");
      }
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
