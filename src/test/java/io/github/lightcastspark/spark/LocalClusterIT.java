package io.github.lightcastspark.spark;

import static io.github.lightcastspark.spark.TestEmulators.PLATFORM_KEY;
import static io.github.lightcastspark.spark.TestEmulators.dataRequests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lightcastspark.emulator.EmulatorConfig;
import io.github.lightcastspark.emulator.JournalEntry;
import io.github.lightcastspark.emulator.LightcastEmulator;
import io.github.lightcastspark.spark.metrics.StoreHitsMetric;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  /**
   * A store filled by one run answers the next, wherever it runs. Run 1 reads 280 requests in two tasks, one on
   * each executor; run 2 reads them in one task, on one executor, so that half its requests were answered on the
   * other executor, whose memory it cannot see; a new session in another JVM (through the shaded jar) then reads them
   * all again. Neither sends a request, and both return the rows of run 1.
   */
  @Test
  void aStoreFilledOnOneExecutorAnswersTheOtherAndANewSessionInAnotherJvm(@TempDir Path dir)
      throws Exception {
    try (LightcastEmulator emulator = LightcastEmulator.start(EmulatorConfig.builder()
        .platformKeys(PLATFORM_KEY)
        .lmiRateLimit(1000, Duration.ofSeconds(1))
        .build())) {
      String store = dir.resolve("store").toString();
      TaskPlacement placement = new TaskPlacement();
      spark.sparkContext().addSparkListener(placement);
      List<String> first;
      try {
        first = StoreReads.rowsOf(StoreReads.read(spark, emulator.lmiBaseUrl(), store, 2));
        spark.sparkContext().listenerBus().waitUntilEmpty();
        assertEquals(2, placement.executors().size(), "run 1's two tasks ran on both executors");
        assertEquals(280, dataRequests(emulator).size());
        emulator.journal().clear();

        Dataset<Row> again = StoreReads.read(spark, emulator.lmiBaseUrl(), store, 1);
        assertEquals(first, StoreReads.rowsOf(again));
        assertEquals(0, emulator.journal().entries().size(), "run 2 sent nothing");
        assertTrue(
            TestSpark.metric(again, StoreHitsMetric.NAME) >= 140,
            "the other executor's half came from the store");
      } finally {
        spark.sparkContext().removeSparkListener(placement);
      }

      Path rows = dir.resolve("rows.txt");
      String testClasses = System.getProperty("lightcast.testClasses");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of(System.getProperty("lightcast.javaOptions").trim().split("\\s+")));
      command.addAll(List.of(
          "-Dlog4j2.configurationFile=" + testClasses + "/log4j2-test.properties",
          "-cp",
          String.join(
              File.pathSeparator,
              System.getProperty("lightcast.sparkJars") + File.separator + "*",
              System.getProperty("lightcast.shadedJar"),
              testClasses),
          StoreReadProbe.class.getName(),
          emulator.lmiBaseUrl(),
          store,
          rows.toString()));
      Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
      String logs = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(probe.waitFor(3, TimeUnit.MINUTES), "the other JVM did not finish");
      assertEquals(0, probe.exitValue(), logs);
      assertEquals(first, Files.readAllLines(rows));
      assertEquals(0, emulator.journal().entries().size(), "the other JVM sent nothing");
    }
  }

  /** The executors the tasks of the jobs it sees ran on. */
  private static final class TaskPlacement extends SparkListener {
    private final Set<String> executors = ConcurrentHashMap.newKeySet();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
      executors.add(end.taskInfo().executorId());
    }

    Set<String> executors() {
      return executors;
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
