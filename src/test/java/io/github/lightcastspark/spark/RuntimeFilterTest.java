package io.github.lightcastspark.spark;

import static io.github.lightcastspark.spark.TestEmulators.dataRequests;
import static io.github.lightcastspark.spark.TestEmulators.reader;
import static io.github.lightcastspark.spark.TestEmulators.regionsIn;
import static io.github.lightcastspark.spark.TestEmulators.socCodesIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lightcastspark.core.options.LightcastOptionException;
import io.github.lightcastspark.emulator.JournalEntry;
import io.github.lightcastspark.emulator.LightcastEmulator;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.optimizer.BuildLeft$;
import org.apache.spark.sql.execution.joins.BroadcastHashJoinExec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Joins that name no codes, where Spark hands the read the HR side's keys when the join runs (dynamic partition
 * pruning): an inner or semi join whose HR side has a selective filter and is broadcast. The journal proves the read
 * asked for exactly those keys; the plan proves planning asked for nothing.
 */
@ExtendWith(SharedEmulatorExtension.class)
class RuntimeFilterTest {
  private final LightcastEmulator emulator;

  @TempDir
  static Path dir;

  RuntimeFilterTest(LightcastEmulator emulator) {
    this.emulator = emulator;
  }

  private Dataset<Row> nurses() {
    return SyntheticHr.withRegionCode(SyntheticHr.employees(emulator, dir))
        .where("department = 'Nursing'");
  }

  private static Set<String> distinct(Dataset<Row> df, String column) {
    Set<String> values = new TreeSet<>();
    df.where(column + " IS NOT NULL")
        .select(column)
        .distinct()
        .collectAsList()
        .forEach(r -> values.add(r.getString(0)));
    return values;
  }

  @Test
  void anInnerJoinOfEveryCodeOfEveryStateAsksForExactlyTheFilteredHrKeys() {
    Dataset<Row> nurses = nurses();
    Set<String> codes = distinct(nurses, "soc_code");
    assertEquals(Set.of("06", "36", "48"), distinct(nurses, "regionCode"));
    emulator.journal().clear();
    Dataset<Row> market = reader(emulator).option("regionType", "state").load("occupations");
    Dataset<Row> joined = nurses.join(
        market,
        nurses
            .col("soc_code")
            .equalTo(market.col("socCode"))
            .and(nurses.col("regionCode").equalTo(market.col("regionCode"))));

    BroadcastHashJoinExec join =
        TestSpark.nodes(joined, BroadcastHashJoinExec.class).get(0);
    assertEquals(BuildLeft$.MODULE$, join.buildSide(), "the HR side is the one broadcast");
    String planned = TestSpark.explain(joined);
    // 35 batches of codes for each of the 52 states of the emulator's catalog (with DC and Puerto
    // Rico).
    assertTrue(planned.contains("PlannedRequests: 1820, "), planned);
    assertTrue(planned.contains("RuntimeFilters: [dynamicpruningexpression("), planned);
    assertEquals(0, dataRequests(emulator).size(), "planning sent a data request");

    List<Row> rows = SyntheticHr.salaryByEmployee(nurses, market, "inner");
    List<JournalEntry> requests = dataRequests(emulator);
    int expected = 3 * ((codes.size() + 24) / 25);
    assertEquals(expected, requests.size(), "the nurses' codes in batches of 25, per state");
    assertEquals(codes, socCodesIn(requests));
    assertEquals(Set.of("6", "36", "48"), regionsIn(requests));
    assertEquals(nurses.where("soc_code IS NOT NULL AND state IS NOT NULL").count(), rows.size());

    // The same join from a full read of every code in those three states.
    Dataset<Row> full = reader(emulator).option("regionCodes", "06,36,48").load("occupations");
    assertEquals(SyntheticHr.salaryByEmployee(nurses, full, "inner"), rows);
  }

  @Test
  void explainAfterTheRunShowsTheRequestsTheRuntimeFilterLeft() {
    Dataset<Row> nurses = nurses();
    int batches = (distinct(nurses, "soc_code").size() + 24) / 25;
    Dataset<Row> market = reader(emulator).load("occupations");
    Dataset<Row> joined =
        nurses.join(market, nurses.col("soc_code").equalTo(market.col("socCode")));
    assertTrue(TestSpark.explain(joined).contains("PlannedRequests: 35, "));
    emulator.journal().clear();
    joined.collectAsList();
    assertEquals(batches, dataRequests(emulator).size());
    String ran = joined.queryExecution().executedPlan().toString();
    assertTrue(
        ran.contains("PlannedRequests: " + batches + " (35 before the runtime filter), "), ran);
  }

  @Test
  void anInSubqueryInSqlAsksForTheSubquerysCodesOnly() {
    Set<String> codes = distinct(nurses(), "soc_code");
    TestSpark.session()
        .sql("CREATE OR REPLACE TEMPORARY VIEW market USING lightcast OPTIONS (dataset"
            + " 'occupations', baseUrl '" + emulator.lmiBaseUrl() + "', secret.platformKey '"
            + TestEmulators.PLATFORM_KEY + "', environment 'testing', rateLimit '1000')");
    emulator.journal().clear();
    List<Row> rows = TestSpark.session()
        .sql("SELECT socCode FROM market WHERE socCode IN (SELECT soc_code FROM hr WHERE"
            + " department = 'Nursing')")
        .collectAsList();
    Set<String> read = new TreeSet<>();
    rows.forEach(r -> read.add(r.getString(0)));
    assertEquals(codes, read);
    List<JournalEntry> requests = dataRequests(emulator);
    assertEquals((codes.size() + 24) / 25, requests.size());
    assertEquals(codes, socCodesIn(requests));
  }

  @Test
  void aMalformedCodeOnTheHrSideFailsBeforeAnyDataRequest() {
    // Parquet, not VALUES: Spark folds a filter of literal rows away, and with it the selective
    // predicate.
    String path = dir.resolve("typo.parquet").toString();
    TestSpark.session()
        .sql("SELECT * FROM VALUES ('15-1252', 'a'), ('29-114X', 'a'), ('11-1021', 'b') AS"
            + " t(soc, team)")
        .write()
        .mode("overwrite")
        .parquet(path);
    Dataset<Row> market = reader(emulator).load("occupations");
    Dataset<Row> typo = TestSpark.session().read().parquet(path).where("team = 'a'");
    emulator.journal().clear();
    Throwable thrown = assertThrows(
        Exception.class,
        () -> typo.join(market, typo.col("soc").equalTo(market.col("socCode"))).collectAsList());
    while (!(thrown instanceof LightcastOptionException) && thrown.getCause() != null) {
      thrown = thrown.getCause();
    }
    assertTrue(thrown instanceof LightcastOptionException, String.valueOf(thrown));
    assertEquals(
        "Runtime filter on column socCode has invalid value '29-114X': codes are NN-NNNN,"
            + " such as 15-1252.",
        thrown.getMessage());
    assertEquals(0, dataRequests(emulator).size());
  }

  /**
   * A left join can only broadcast the Lightcast side, so by default (a runtime filter only from a broadcast) Spark
   * drops the runtime filter when the join runs and the read asks for every code; allowed to run the HR side again
   * for its keys, Spark filters.
   */
  @Test
  void aLeftJoinIsFilteredOnlyWhenSparkMayRunTheHrSideAgain() {
    Dataset<Row> nurses = nurses();
    int batches = (distinct(nurses, "soc_code").size() + 24) / 25;
    Dataset<Row> market = reader(emulator).load("occupations");
    String conf = "spark.sql.optimizer.dynamicPartitionPruning.reuseBroadcastOnly";
    for (String reuseBroadcastOnly : List.of("true", "false")) {
      TestSpark.session().conf().set(conf, reuseBroadcastOnly);
      try {
        emulator.journal().clear();
        long rows = nurses
            .join(market, nurses.col("soc_code").equalTo(market.col("socCode")), "left")
            .count();
        assertEquals(100, rows);
        assertEquals(
            reuseBroadcastOnly.equals("true") ? 35 : batches,
            dataRequests(emulator).size(),
            conf + "=" + reuseBroadcastOnly);
      } finally {
        TestSpark.session().conf().unset(conf);
      }
    }
  }

  @Test
  void withoutASelectiveFilterOnTheHrSideSparkSendsNoRuntimeFilter() {
    Dataset<Row> hr = SyntheticHr.employees(emulator, dir);
    Dataset<Row> market = reader(emulator).load("occupations");
    String plan =
        TestSpark.explain(hr.join(market, hr.col("soc_code").equalTo(market.col("socCode"))));
    assertFalse(plan.contains("dynamicpruning"), plan);
  }
}
