package io.github.lightcastspark.spark;

import io.github.lightcastspark.core.options.Dataset;
import io.github.lightcastspark.core.options.ReadOption;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.options.ReadOptionsParser;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** One dataset as a read-only Spark table. */
public final class LightcastTable implements SupportsRead {
  private final Dataset dataset;
  /** Settings for every read of the table, as the session's {@code spark.lightcast.*} conf gives them: a catalog's. */
  private final Map<String, String> settings;

  /** @param dataset the dataset this table reads */
  public LightcastTable(Dataset dataset) {
    this(dataset, Map.of());
  }

  /**
   * @param dataset the dataset this table reads
   * @param settings options for every read of it, without the {@code spark.lightcast.} prefix (a catalog's
   *     {@code spark.sql.catalog.<name>.*}), over the session's conf and under a read's own options; like the
   *     session's conf, one that does not apply to the dataset is set aside
   */
  LightcastTable(Dataset dataset, Map<String, String> settings) {
    this.dataset = dataset;
    this.settings = Map.copyOf(settings);
  }

  @Override
  public String name() {
    return "lightcast." + dataset.optionValue();
  }

  @Override
  public StructType schema() {
    return LightcastSchemas.of(dataset);
  }

  @Override
  public Set<TableCapability> capabilities() {
    return Set.of(TableCapability.BATCH_READ);
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
    Map<String, String> given = new HashMap<>(options.asCaseSensitiveMap());
    // A catalog's table is named, not loaded by path: its dataset is its own.
    if (!options.containsKey("path") && !options.containsKey("dataset")) {
      given.put("dataset", dataset.optionValue());
    }
    Map<String, String> conf = new HashMap<>(SessionConf.lightcastEntries());
    settings.forEach((key, value) -> conf.put(ReadOption.SPARK_CONF_PREFIX + key, value));
    ReadOptions parsed = ReadOptionsParser.parse(given, conf, System.getenv());
    ConnectorLogLevel.apply(parsed);
    return new LightcastScanBuilder(parsed, schema());
  }

  /** Reads the session's {@code spark.lightcast.*} conf in a way that compiles for Scala 2.12 and 2.13. */
  static final class SessionConf {
    private SessionConf() {}

    @SuppressWarnings("deprecation")
    static Map<String, String> lightcastEntries() {
      return SparkSession.getActiveSession().isDefined()
          ? scala.collection.JavaConverters.mapAsJavaMap(
              SparkSession.active().conf().getAll())
          : Map.of();
    }
  }
}
