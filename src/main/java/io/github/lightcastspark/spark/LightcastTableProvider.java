package io.github.lightcastspark.spark;

import io.github.lightcastspark.core.options.Dataset;
import io.github.lightcastspark.core.options.ReadOption;
import io.github.lightcastspark.core.options.ReadOptionsParser;
import java.util.Map;
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
 */
public final class LightcastTableProvider implements TableProvider, DataSourceRegister {

  @Override
  public String shortName() {
    return "lightcast";
  }

  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    return LightcastSchemas.of(dataset(options));
  }

  @Override
  public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
    return new LightcastTable(dataset(new CaseInsensitiveStringMap(properties)));
  }

  private static Dataset dataset(CaseInsensitiveStringMap options) {
    return ReadOptionsParser.resolveDataset(options.get(ReadOption.DATASET.key()), options.get("path"));
  }
}
