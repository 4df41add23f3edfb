package io.github.lightcastspark.spark;

import static io.github.lightcastspark.spark.TestEmulators.PLATFORM_KEY;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The read that {@link LocalClusterIT} and {@link StoreReadProbe} run in different JVMs against one store. */
final class StoreReads {
  /** Eight states of every code: 280 requests. */
  static final String STATES = "regionCode IN ('01', '04', '06', '12', '17', '36', '48', '53')";

  private StoreReads() {}

  /** @return the read's keys and figures, one text column */
  static Dataset<Row> read(SparkSession spark, String baseUrl, String store, int partitions) {
    return spark
        .read()
        .format("lightcast")
        .option("baseUrl", baseUrl)
        .option("secret.platformKey", PLATFORM_KEY)
        .option("environment", "testing")
        .option("rateLimit", "1000")
        .option("cachePath", store)
        .option("maxPartitions", String.valueOf(partitions))
        .load("occupations")
        .where(STATES)
        .selectExpr("concat_ws('|', socCode, regionCode, name, to_json(laborMarketData))");
  }

  /** @return the rows of a {@link #read}: each row's keys and figures, sorted */
  static java.util.List<String> rowsOf(Dataset<Row> df) {
    return df.collectAsList().stream().map(r -> r.getString(0)).sorted().toList();
  }
}
