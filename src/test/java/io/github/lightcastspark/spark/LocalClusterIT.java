package io.github.lightcastspark.spark;

import static io.github.lightcastspark.spark.TestEmulators.PLATFORM_KEY;
import static io.github.lightcastspark.spark.TestEmulators.dataRequests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lightcastspark.emulator.EmulatorConfig;
import io.github.lightcastspark.emulator.JournalEntry;
import io.github.lightcastspark.emulator.LightcastEmulator;
import java.time.Duration;
import java.util.List;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two executor JVMs ({@code local-cluster[2,1,1024]}, see LOCAL-CLUSTER.md) read from one emulator that enforces the
 * limit: together they stay under it, with no 429, and every row arrives once. Run by Failsafe in its own JVM,
 * whose environment carries SPARK_HOME.
 */
class LocalClusterIT {
  private static SparkSession spark;

  @BeforeAll
  static void startCluster() throws InterruptedException {
    spark = SparkSession.builder()
        .master("local-cluster[2,1,1024]")
        .appName("lightcast-local-cluster")
        // The UI's REST API is how the driver learns the executors that registered before its first
        // read.
        .config("spark.ui.enabled", "true")
        .config("spark.ui.port", "0")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.executor.extraClassPath", System.getProperty("lightcast.executorClasspath"))
        .getOrCreate();
    long deadline = System.currentTimeMillis() + 60_000;
    while (spark.sparkContext().statusTracker().getExecutorInfos().length < 3) {
      assertTrue(
          System.currentTimeMillis() < deadline, "the two executors did not register in a minute");
      Thread.sleep(200);
    }
  }

  @AfterAll
  static void stopCluster() {
    spark.stop();
  }

  /**
   * Spark re-runs a failed task (here {@code spark.task.maxFailures} is 4): the retry reads its whole partition
   * again, as {@code docs/performance.md} says, and the rows the failed attempt had already produced are not kept.
   */
  @Test
  void aTaskThatFailsMidPartitionIsRetriedBySparkAndEveryRowArrivesOnce() {
    try (LightcastEmulator emulator = LightcastEmulator.start(EmulatorConfig.builder()
        .platformKeys(PLATFORM_KEY)
        .lmiRateLimit(1000, Duration.ofSeconds(1))
        .build())) {
      String codes = String.join(",", List.of(QueryPacingTest.CODES.split(",")).subList(0, 25));
      DataFrameReader reader = spark
          .read()
          .format("lightcast")
          .option("baseUrl", emulator.lmiBaseUrl())
          .option("secret.platformKey", PLATFORM_KEY)
          .option("environment", "testing")
          .option("rateLimit", "100")
          .option("socCodes", codes)
          .option("regionCodes", "06,36")
          .option("maxPartitions", "1");
      List<String> clean = QueryPacingTest.rowKeys(reader.load("occupations"));
      assertEquals(50, clean.size());
      emulator.journal().clear();

      emulator.faults().failNth(2, 503);
      List<String> retried =
          QueryPacingTest.rowKeys(reader.option("maxRetries", "0").load("occupations"));
      assertEquals(clean, retried);
      assertEquals(
          List.of(200, 503, 200, 200),
          dataRequests(emulator).stream().map(JournalEntry::status).toList(),
          "the failed attempt's first request, its failure, then the retried task's whole partition");
    }
  }

  /** A refusal no retry can cure fails the job at once: one 401, not one per task attempt. */
  @Test
  void aRefusedKeyIsSentOnceNotOncePerTaskAttempt() throws InterruptedException {
    try (LightcastEmulator emulator = LightcastEmulator.start(EmulatorConfig.builder()
        .platformKeys(PLATFORM_KEY)
        .lmiRateLimit(1000, Duration.ofSeconds(1))
        .build())) {
      Exception e = assertThrows(
          Exception.class,
          () -> spark
              .read()
              .format("lightcast")
              .option("baseUrl", emulator.lmiBaseUrl())
              .option("secret.platformKey", "pk_test_revoked-key")
              .option("environment", "testing")
              .option("socCodes", "15-1252")
              .load("occupations")
              .collectAsList());
      assertTrue(
          String.valueOf(e.getMessage()).contains("HTTP 401"), String.valueOf(e.getMessage()));
      // Long enough for a retried attempt that was not stopped to have sent its request after its
      // wait.
      Thread.sleep(RefusalListener.VERDICT_MILLIS + 2_000);
      assertEquals(
          List.of(401),
          dataRequests(emulator).stream().map(JournalEntry::status).toList());
    }
  }

  /** Two reads of one credential at 10/s and 5/s, each on its own executor JVM, keep to 5/s together. */
  @Test
  void twoReadsOfOneCredentialAtDifferentRatesKeepTheTighterAcrossExecutors() {
    QueryPacingTest.assertAUnionOfTwoReadsStaysUnder(spark, 5, 10, 5, 10);
  }

  @Test
  void theDriverListsBothExecutorsAndCountsTwoLanes() {
    assertEquals(List.of("0", "1"), ExecutorLanes.registered(spark.sparkContext()));
    assertEquals(
        List.of("0", "1"),
        LiveExecutors.fromUi(spark.sparkContext()).orElseThrow().stream()
            .sorted()
            .toList(),
        "listed by the UI's REST API, not only by the scheduler");
    assertEquals(2, ExecutorLanes.of(spark.sparkContext()));
  }

  @Test
  void twoExecutorJvmsTogetherStayUnderTheLimitWithNo429AndLoseNoRow() {
    try (LightcastEmulator emulator = LightcastEmulator.start(EmulatorConfig.builder()
        .platformKeys(PLATFORM_KEY)
        .lmiRateLimit(10, Duration.ofSeconds(1))
        .build())) {
      Dataset<Row> df = spark
          .read()
          .format("lightcast")
          .option("baseUrl", emulator.lmiBaseUrl())
          .option("secret.platformKey", PLATFORM_KEY)
          .option("environment", "testing")
          .option("rateLimit", "10")
          .option("socCodes", QueryPacingTest.CODES)
          .option("regionCodes", QueryPacingTest.STATES)
          .option("maxPartitions", "6")
          .load("occupations");
      List<JournalEntry> requests =
          QueryPacingTest.assertEveryRowOnceUnderTheLimit(df, emulator, 10);
      // Both JVMs worked: each owns every other slot (4.8 requests/s), so one JVM alone would need
      // about 12.5 s.
      double spanSeconds =
          (requests.get(59).receivedNanos() - requests.get(0).receivedNanos()) / 1e9;
      assertTrue(
          spanSeconds < 60 / 10.0 * 1.5, "the read used the limit poorly: " + spanSeconds + " s");
    }
  }
}
