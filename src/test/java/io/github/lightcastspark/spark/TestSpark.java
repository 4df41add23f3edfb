package io.github.lightcastspark.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.FilterExec;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;

/** The one local[2] session of the test JVM, shared by every Spark test, and plan-inspection helpers. */
final class TestSpark {
  private static SparkSession session;

  private TestSpark() {}

  static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder()
          .master("local[2]")
          .appName("lightcast-spark-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "2")
          // A file system only the Spark conf knows, as an object store's settings often are.
          .config(
              "spark.hadoop.fs." + SchemeOnlyInSparkConf.SCHEME + ".impl",
              SchemeOnlyInSparkConf.class.getName())
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config(
              "spark.sql.warehouse.dir",
              System.getProperty("java.io.tmpdir") + "/lightcast-test-warehouse")
          .getOrCreate();
    }
    return session;
  }

  /** @return the connector's scan in the physical plan of {@code df} */
  static LightcastScan scanOf(Dataset<Row> df) {
    return nodes(df, BatchScanExec.class).stream()
        .map(scan -> (LightcastScan) scan.scan())
        .findFirst()
        .orElseThrow(() ->
            new AssertionError("no Lightcast scan in " + df.queryExecution().sparkPlan()));
  }

  /** @return the conditions Spark still evaluates after the scan, as SQL, from the physical plan of {@code df} */
  static List<String> filterConditions(Dataset<Row> df) {
    return nodes(df, FilterExec.class).stream()
        .map(filter -> filter.condition().sql())
        .toList();
  }

  /** @return the nodes of {@code type} in the physical plan of {@code df}, depth first */
  static <T extends SparkPlan> List<T> nodes(Dataset<Row> df, Class<T> type) {
    List<T> found = new ArrayList<>();
    collect(df.queryExecution().sparkPlan(), type, found);
    return found;
  }

  private static <T extends SparkPlan> void collect(SparkPlan plan, Class<T> type, List<T> found) {
    if (type.isInstance(plan)) {
      found.add(type.cast(plan));
    }
    scala.collection.Iterator<SparkPlan> children = plan.children().iterator();
    while (children.hasNext()) {
      collect(children.next(), type, found);
    }
  }

  /** @return the value of the connector's metric {@code name} on the scan of {@code df}'s last run */
  static long metric(Dataset<Row> df, String name) {
    List<BatchScanExec> scans = new ArrayList<>();
    collect(df.queryExecution().executedPlan(), BatchScanExec.class, scans);
    return scans.stream()
        .findFirst()
        .map(scan -> scan.metrics().apply(name).value())
        .orElseThrow(() ->
            new AssertionError("no Lightcast scan in " + df.queryExecution().executedPlan()));
  }

  /** @return the physical plan as EXPLAIN EXTENDED prints it */
  static String explain(Dataset<Row> df) {
    return df.queryExecution().explainString(org.apache.spark.sql.execution.ExtendedMode$.MODULE$);
  }
}
