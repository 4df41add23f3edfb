package io.github.lightcastspark.bench;

import io.github.lightcastspark.core.jvm.ExecutorState;
import io.github.lightcastspark.emulator.EmulatorConfig;
import io.github.lightcastspark.emulator.JournalEntry;
import io.github.lightcastspark.emulator.LightcastEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What a {@code cachePath} store saves on a read at the limit: {@code occupation_growth} for ids × states (default
 * 200 × 5 = 1,000 requests) against an emulator allowing 5 a second with 100–200 ms latency, in one warm
 * {@code local[2]} session: the first run, the same read again as a new session would (the JVM's memory dropped,
 * the store kept), and a read that fails half way (the emulator answers its 500th request with a 503 and retries
 * are off) and is run again. Run by hand (see docs/performance.md):
 * {@code mvn -B -q -DskipTests -pl src/spark-4.1 -am verify exec:exec@store-benchmark [-Dstore.args="200 5"]}.
 */
public final class StoreBenchmark {
  private static final int LIMIT = 5;

  private StoreBenchmark() {}

  /** @param args occupation ids and states (default 200 5) */
  public static void main(String[] args) throws Exception {
    int ids = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int states = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    String idList = GrowthReads.ids(ids);
    String stateList = GrowthReads.states(states);
    int planned = ids * states;
    SparkSession spark = SparkSession.builder()
        .master("local[2]")
        .appName("lightcast-store-benchmark")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    Path root = Files.createTempDirectory("lightcast-store-bench");
    try (LightcastEmulator emulator =
        LightcastEmulator.start(EmulatorConfig.builder().pogRateLimit(LIMIT).build())) {
      emulator.faults().latency(Duration.ofMillis(100), Duration.ofMillis(200));
      // A notebook's session is warm: load the classes and run a first job before measuring.
      read(spark, emulator, "LO-11-1021", "06", root.resolve("warm-up").toString())
          .count();
      System.out.printf(
          "%n%d ids x %d states = %d requests; limit %d/s; latency 100-200 ms; bound %.1f s%n%n",
          ids, states, planned, LIMIT, (double) planned / LIMIT);
      System.out.printf(
          "%-30s %10s %8s %10s %8s %8s%n",
          "case", "partitions", "rows", "requests", "429s", "wall s");

      String store = root.resolve("store").toString();
      Dataset<Row> first = read(spark, emulator, idList, stateList, store);
      run("first run", first, emulator);
      run("re-run, new session", read(spark, emulator, idList, stateList, store), emulator);

      String resumedStore = root.resolve("resumed").toString();
      ExecutorState.reset();
      emulator.journal().clear();
      emulator.faults().failNth(planned / 2, 503);
      long start = System.nanoTime();
      Dataset<Row> failing = read(spark, emulator, idList, stateList, resumedStore);
      boolean failed = false;
      try {
        failing.collectAsList();
      } catch (Exception expected) {
        failed = true;
      }
      if (!failed) {
        throw new IllegalStateException("the read did not fail half way");
      }
      report("failed half way", partitions(failing), 0, emulator, System.nanoTime() - start);
      emulator.faults().reset();
      run("resumed", read(spark, emulator, idList, stateList, resumedStore), emulator);
    } finally {
      spark.stop();
      try (Stream<Path> files = Files.walk(root)) {
        files.sorted(Comparator.reverseOrder()).forEach(StoreBenchmark::delete);
      }
    }
  }

  private static Dataset<Row> read(
      SparkSession spark, LightcastEmulator emulator, String ids, String states, String store) {
    return GrowthReads.reader(spark, emulator, ids, states)
        .option("maxRetries", "0")
        .option("cachePath", store)
        .load("occupation_growth");
  }

  /** Runs {@code df} as a new session would: the JVM's memory of earlier reads dropped, the store kept. */
  private static void run(String name, Dataset<Row> df, LightcastEmulator emulator) {
    ExecutorState.reset();
    emulator.journal().clear();
    long start = System.nanoTime();
    long rows = df.collectAsList().size();
    report(name, partitions(df), rows, emulator, System.nanoTime() - start);
  }

  /** @return the partitions of the read as it ran: its executed plan, not a new planning of it */
  private static int partitions(Dataset<Row> df) {
    return df.queryExecution().executedPlan().execute().getNumPartitions();
  }

  private static void report(
      String name, int partitions, long rows, LightcastEmulator emulator, long nanos) {
    List<JournalEntry> growth = emulator.journal().entries(GrowthReads.GROWTH);
    System.out.printf(
        "%-30s %10d %8d %10d %8d %8.1f%n",
        name,
        partitions,
        rows,
        growth.size(),
        growth.stream().filter(e -> e.status() == 429).count(),
        nanos / 1e9);
    emulator.journal().clear();
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
