package io.github.lightcastspark.spark;

import io.github.lightcastspark.core.options.Dataset;
import io.github.lightcastspark.core.options.LightcastOptionException;
import io.github.lightcastspark.core.options.ReadOption;
import io.github.lightcastspark.core.options.ReadOptionsParser;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The {@code lightcast} data source: {@code spark.read.format("lightcast").load("occupations")}. Resolving the table
 * only reads the dataset name, so {@code printSchema()} works without credentials and never calls the API; every
 * other option is checked when a query over the table is planned.
 *
 * <p>A table in a catalog ({@code CREATE TABLE … USING lightcast}, not temporary) is refused: the catalog would keep
 * its options, the credentials among them, in clear, for anyone who may read the catalog. Spark 4 asks the provider
 * before it stores such a table (because this provider takes external metadata), so nothing is stored; Spark 3.5
 * stores it without asking the provider, and every read of it then fails with Spark's own error.
 */
public final class LightcastTableProvider implements TableProvider, DataSourceRegister {
  /** Properties Spark's session catalog gives a table it stores, and a read never has. */
  private static final Set<String> CATALOG_PROPERTIES = Set.of("provider", "owner");

  @Override
  public String shortName() {
    return "lightcast";
  }

  /** Lets Spark 4 ask {@link #inferSchema} before it stores a catalog table, so that it can be refused in time. */
  @Override
  public boolean supportsExternalMetadata() {
    return true;
  }

  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    refuseCatalogTable(options.keySet());
    return LightcastSchemas.of(dataset(options));
  }

  /**
   * @throws LightcastOptionException for a catalog table, or a schema that is not the dataset's own (one given with
   *     {@code schema(...)}): each dataset's schema is fixed
   */
  @Override
  public Table getTable(
      StructType schema, Transform[] partitioning, Map<String, String> properties) {
    refuseCatalogTable(properties.keySet());
    Dataset dataset = dataset(new CaseInsensitiveStringMap(properties));
    if (!schema.equals(LightcastSchemas.of(dataset))) {
      throw new LightcastOptionException(
          "Dataset " + dataset.optionValue() + " has a fixed schema: read it without"
              + " schema(...) and select or cast its columns instead.");
    }
    return new LightcastTable(dataset);
  }

  private static void refuseCatalogTable(Set<String> keys) {
    if (keys.stream().anyMatch(k -> CATALOG_PROPERTIES.contains(k.toLowerCase(Locale.ROOT)))) {
      throw new LightcastOptionException(
          "A lightcast table cannot be kept in a catalog (CREATE TABLE ... USING"
              + " lightcast): the catalog would store its options, credentials included, in clear. Use CREATE TEMPORARY"
              + " VIEW ... USING lightcast, with the credentials in the Spark conf spark.lightcast.secret.* or the"
              + " environment (on Spark 3.5, which stores the table before asking, DROP TABLE it).");
    }
  }

  private static Dataset dataset(CaseInsensitiveStringMap options) {
    return ReadOptionsParser.resolveDataset(
        options.get(ReadOption.DATASET.key()), options.get("path"));
  }
}
