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

  private TestSpark() {
  }

  static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder()
          .master("local[2]")
          .appName("lightcast-spark-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "2")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .getOrCreate();
    }
    return session;
  }

  /** @return the connector's scan in the physical plan of {@code df} */
  static LightcastScan scanOf(Dataset<Row> df) {
    List<SparkPlan> leaves = new ArrayList<>();
    scala.collection.Iterator<SparkPlan> it = df.queryExecution().sparkPlan().collectLeaves().iterator();
    while (it.hasNext()) {
      leaves.add(it.next());
    }
    return leaves.stream().filter(BatchScanExec.class::isInstance).map(p -> (LightcastScan) ((BatchScanExec) p).scan())
        .findFirst().orElseThrow(() -> new AssertionError("no Lightcast scan in " + df.queryExecution().sparkPlan()));
  }

  /** @return the conditions Spark still evaluates after the scan, as SQL, from the physical plan of {@code df} */
  static List<String> filterConditions(Dataset<Row> df) {
    List<String> conditions = new ArrayList<>();
    collectFilters(df.queryExecution().sparkPlan(), conditions);
    return conditions;
  }

  private static void collectFilters(SparkPlan plan, List<String> conditions) {
    if (plan instanceof FilterExec filter) {
      conditions.add(filter.condition().sql());
    }
    scala.collection.Iterator<SparkPlan> children = plan.children().iterator();
    while (children.hasNext()) {
      collectFilters(children.next(), conditions);
    }
  }

  /** @return the physical plan as EXPLAIN EXTENDED prints it */
  static String explain(Dataset<Row> df) {
    return df.queryExecution().explainString(org.apache.spark.sql.execution.ExtendedMode$.MODULE$);
  }
}
