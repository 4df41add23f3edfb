package io.github.lightcastspark.spark;

import io.github.lightcastspark.core.options.Dataset;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.options.ReadOptionsParser;
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

  /** @param dataset the dataset this table reads */
  public LightcastTable(Dataset dataset) {
    this.dataset = dataset;
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
    ReadOptions parsed = ReadOptionsParser.parse(
        options.asCaseSensitiveMap(), SessionConf.lightcastEntries(), System.getenv());
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
