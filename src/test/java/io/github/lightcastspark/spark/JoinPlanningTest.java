package io.github.lightcastspark.spark;

import static io.github.lightcastspark.spark.TestEmulators.reader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lightcastspark.emulator.LightcastEmulator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.optimizer.BuildLeft$;
import org.apache.spark.sql.catalyst.optimizer.BuildRight$;
import org.apache.spark.sql.catalyst.plans.logical.Statistics;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;
import org.apache.spark.sql.execution.joins.BroadcastHashJoinExec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The size a read reports to Spark's planner, from its planned requests and without sending any, so that joining
 * a small Lightcast result with a large HR table broadcasts the Lightcast side instead of shuffling both.
 */
@ExtendWith(SharedEmulatorExtension.class)
class JoinPlanningTest {
  private final LightcastEmulator emulator;

  JoinPlanningTest(LightcastEmulator emulator) {
    this.emulator = emulator;
  }

  @Test
  void occupationsReportOneRowPerCodeAndRegion() {
    Dataset<Row> df = reader(emulator)
        .option("socCodes", "15-1252,29-1141,11-1021")
        .option("regionType", "state")
        .option("regionCodes", "6,36")
        .load("occupations")
        .select("socCode", "regionCode", "name");
    Statistics stats = df.queryExecution().optimizedPlan().stats();
    assertEquals(6, stats.rowCount().get().toLong());
    assertEquals(6 * (8 + df.schema().defaultSize()), stats.sizeInBytes().toLong());
    assertEquals(0, emulator.journal().entries().size(), "estimating sends no request");
  }

  @Test
  void programsAreEstimatedAtThreeOccupationsPerCipCode() {
    Dataset<Row> df =
        reader(emulator).load("occupations_by_cip").where("cipCode IN ('11.0701', '51.3801')");
    assertEquals(6, df.queryExecution().optimizedPlan().stats().rowCount().get().toLong());
    assertEquals(0, emulator.journal().entries().size());
  }

  @Test
  void aLargeHrTableIsJoinedWithTheReadBroadcastNotShuffled() {
    Dataset<Row> employees = TestSpark.session()
        .range(0, 100_000_000L)
        .selectExpr(
            "id AS employee", "CASE WHEN id % 2 = 0 THEN '15-1252' ELSE '29-1141' END AS soc");
    Dataset<Row> occupations = reader(emulator)
        .option("socCodes", "15-1252,29-1141")
        .load("occupations")
        .select("socCode", "name");
    Dataset<Row> joined =
        employees.join(occupations, employees.col("soc").equalTo(occupations.col("socCode")));
    List<BroadcastHashJoinExec> joins = TestSpark.nodes(joined, BroadcastHashJoinExec.class);
    assertEquals(1, joins.size(), joined.queryExecution().sparkPlan().toString());
    assertEquals(
        BuildRight$.MODULE$, joins.get(0).buildSide(), "the Lightcast side is the one broadcast");
    assertTrue(joins.get(0).right().collectLeaves().head() instanceof BatchScanExec);
    assertEquals(0, emulator.journal().entries().size());
  }

  @Test
  void aReadOfEveryCodeOrEveryStateReportsNoSize() {
    long unknown = TestSpark.session().sessionState().conf().defaultSizeInBytes();
    for (Dataset<Row> df : List.of(
        reader(emulator).load("occupations"),
        reader(emulator)
            .option("socCodes", "15-1252")
            .option("regionType", "state")
            .load("occupations"))) {
      Statistics stats = df.queryExecution().optimizedPlan().stats();
      assertEquals(unknown, stats.sizeInBytes().toLong());
      assertTrue(stats.rowCount().isEmpty());
    }
  }

  /**
   * A 7 MB HR table (under Spark's 10 MB broadcast threshold) and a read of every code, whose true size is smaller:
   * the HR side must be the one broadcast, so that Spark can hand its codes to the read as a runtime filter.
   */
  @Test
  void aReadOfEveryCodeIsNeverTheSideBroadcast() {
    Dataset<Row> employees = TestSpark.session()
        .range(0, 200_000L)
        .selectExpr(
            "id AS employee", "CASE WHEN id % 2 = 0 THEN '15-1252' ELSE '29-1141' END AS soc")
        .where("employee % 10 = 0");
    Dataset<Row> occupations = reader(emulator).load("occupations").select("socCode", "name");
    Dataset<Row> joined =
        employees.join(occupations, employees.col("soc").equalTo(occupations.col("socCode")));
    List<BroadcastHashJoinExec> joins = TestSpark.nodes(joined, BroadcastHashJoinExec.class);
    assertEquals(1, joins.size(), joined.queryExecution().sparkPlan().toString());
    assertEquals(BuildLeft$.MODULE$, joins.get(0).buildSide(), "the HR side is the one broadcast");
    assertTrue(TestSpark.explain(joined).contains("RuntimeFilters: [dynamicpruningexpression("));
    assertEquals(0, emulator.journal().entries().size());
  }
}
