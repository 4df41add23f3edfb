package io.github.lightcastspark.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lightcastspark.TestOptions;
import io.github.lightcastspark.core.binding.pog.PogClient;
import io.github.lightcastspark.core.binding.pog.PogSettings;
import io.github.lightcastspark.core.binding.pog.PogVersions;
import io.github.lightcastspark.core.jvm.ExecutorState;
import io.github.lightcastspark.core.options.Dataset;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.pacing.Pacer;
import io.github.lightcastspark.core.plan.ApiRequest;
import io.github.lightcastspark.core.plan.Region;
import io.github.lightcastspark.core.transport.ApiCaller;
import io.github.lightcastspark.core.transport.RequestCounters;
import io.github.lightcastspark.emulator.EmulatorConfig;
import io.github.lightcastspark.emulator.JournalEntry;
import io.github.lightcastspark.emulator.LightcastEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * How close a quota-bound read comes to its physical bound, {@code requests ÷ limit}: the connector in local[2] and
 * in local-cluster[2,1,1024], and the loop a user would otherwise write on the driver, each against a fresh emulator
 * with the POG limit of 5 per second and a latency range (default 100–200 ms). Run by hand (see
 * docs/performance.md): {@code mvn -B -q -DskipTests verify exec:exec@benchmark [-Dbenchmark.args="60 3 100 200"]}.
 */
public final class PacingBenchmark {
  private static final int LIMIT = 5;

  private PacingBenchmark() {}

  private static long latencyMin = 100;
  private static long latencyMax = 200;

  /** @param args occupation ids, states, and the emulator's latency range in ms (default 40 3 100 200) */
  public static void main(String[] args) throws Exception {
    int ids = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    int states = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    if (args.length > 3) {
      latencyMin = Long.parseLong(args[2]);
      latencyMax = Long.parseLong(args[3]);
    }
    String idList = GrowthReads.ids(ids);
    String stateList = GrowthReads.states(states);
    int minimal = ids * states;
    System.out.printf(
        "%n%d ids x %d states = %d requests; limit %d/s; latency %d-%d ms; bound %.1f s%n%n",
        ids, states, minimal, LIMIT, latencyMin, latencyMax, (double) minimal / LIMIT);
    System.out.printf(
        "%-34s %9s %8s %6s %9s %8s %12s%n",
        "case", "requests", "minimal", "429s", "wall s", "bound s", "utilisation");
    connector("connector, local[2]", "local[2]", idList, stateList, minimal);
    connector(
        "connector, local-cluster[2,1,1024]",
        "local-cluster[2,1,1024]",
        idList,
        stateList,
        minimal);
    baseline(idList, stateList, minimal);
  }

  private static LightcastEmulator emulator() {
    LightcastEmulator emulator =
        LightcastEmulator.start(EmulatorConfig.builder().pogRateLimit(LIMIT).build());
    emulator.faults().latency(Duration.ofMillis(latencyMin), Duration.ofMillis(latencyMax));
    return emulator;
  }

  private static void connector(String name, String master, String ids, String states, int minimal)
      throws InterruptedException {
    SparkSession spark = SparkSession.builder()
        .master(master)
        .appName("lightcast-benchmark")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config(
            "spark.executor.extraClassPath", System.getProperty("lightcast.executorClasspath", ""))
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    int executors = master.startsWith("local-cluster") ? 2 : 0;
    while (spark.sparkContext().statusTracker().getExecutorInfos().length < executors + 1) {
      Thread.sleep(200);
    }
    try (LightcastEmulator warmUp = LightcastEmulator.start(EmulatorConfig.defaults())) {
      // A notebook's session is warm: load the classes and run a first job before measuring.
      read(spark, warmUp, "LO-11-1021,LO-13-1161", "06", 100).size();
    }
    try (LightcastEmulator emulator = emulator()) {
      long start = System.nanoTime();
      long rows = read(spark, emulator, ids, states, LIMIT).size();
      report(name, emulator, rows, minimal, System.nanoTime() - start);
    }
    spark.stop();
  }

  private static List<Row> read(
      SparkSession spark, LightcastEmulator emulator, String ids, String states, int rate) {
    return GrowthReads.reader(spark, emulator, ids, states)
        .option("rateLimit", String.valueOf(rate))
        .load("occupation_growth")
        .collectAsList();
  }

  /** The loop on the driver: one request at a time through the same HTTP client, retrying 429s, then a DataFrame. */
  private static void baseline(String ids, String states, int minimal) {
    SparkSession spark = SparkSession.builder()
        .master("local[2]")
        .config("spark.ui.enabled", "false")
        .getOrCreate();
    spark.range(10).count();
    try (LightcastEmulator emulator = emulator()) {
      ReadOptions options = TestOptions.growth(emulator, "<client-id>");
      PogClient client = new PogClient(
          options,
          ApiCaller.of(
              options,
              Pacer.unscheduled(),
              new RequestCounters(),
              ExecutorState.get().responses()),
          ExecutorState.get().tokenProvider(new PogSettings(options)));
      // The loop keeps no response, so the vintage that would key a stored one is none.
      PogVersions vintage = new PogVersions("none", "none", "none");
      long start = System.nanoTime();
      List<Row> rows = new ArrayList<>();
      for (String state : states.split(",")) {
        for (String id : ids.split(",")) {
          JsonNode data = client
              .growth(
                  new ApiRequest(Dataset.OCCUPATION_GROWTH, List.of(id), Region.of(state)), vintage)
              .path("data");
          rows.add(RowFactory.create(
              id, state, data.path("growthPercent").path("tenYear").asDouble()));
        }
      }
      long count = spark
          .createDataFrame(
              rows,
              new StructType()
                  .add("occupationId", DataTypes.StringType)
                  .add("regionCode", DataTypes.StringType)
                  .add("tenYear", DataTypes.DoubleType))
          .count();
      report("baseline: driver loop", emulator, count, minimal, System.nanoTime() - start);
    }
    spark.stop();
  }

  private static void report(
      String name, LightcastEmulator emulator, long rows, int minimal, long nanos) {
    List<JournalEntry> requests = emulator.journal().entries(GrowthReads.GROWTH);
    long tooMany = requests.stream().filter(e -> e.status() == 429).count();
    double wall = nanos / 1e9;
    double bound = (double) minimal / LIMIT;
    System.out.printf(
        "%-34s %9d %8d %6d %9.1f %8.1f %12.3f%s%n",
        name,
        requests.size(),
        minimal,
        tooMany,
        wall,
        bound,
        bound / wall,
        rows == minimal ? "" : "  ROWS " + rows);
  }
}
