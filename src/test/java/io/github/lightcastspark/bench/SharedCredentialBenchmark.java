package io.github.lightcastspark.bench;

import io.github.lightcastspark.emulator.EmulatorConfig;
import io.github.lightcastspark.emulator.JournalEntry;
import io.github.lightcastspark.emulator.LightcastEmulator;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.SparkSession;

/**
 * Two applications (two driver JVMs, each {@code local[2]}) read {@code occupation_growth} at the same time on one
 * client id, against one emulator that allows 5 requests a second per client. Each paces itself to the whole limit;
 * their 429s make each halve its share and win it back slowly. Reports per application its requests, 429s, requests
 * sent ÷ minimal, rows, wall time and failure, and the two together in requests per second. Run by hand (see
 * docs/performance.md): {@code mvn -B -q -DskipTests verify exec:exec@shared-credential
 * [-Dshared.args="100 2"]}.
 */
public final class SharedCredentialBenchmark {
  private static final int LIMIT = 5;
  private static final String GROWTH = "/projected-occupation-growth/dimensions/lotocc";

  private SharedCredentialBenchmark() {}

  /** @param args occupation ids and states per application (default 100 2: 200 requests each) */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--application")) {
      application(args[1], args[2], args[3], args[4]);
      return;
    }
    int ids = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int states = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    try (LightcastEmulator emulator = LightcastEmulator.start(EmulatorConfig.builder()
        .pogRateLimit(LIMIT)
        .pogClient("<client-id>", "<client-secret>", "projected-occupation-growth")
        .build())) {
      emulator.faults().latency(Duration.ofMillis(100), Duration.ofMillis(200));
      List<Process> apps = new ArrayList<>();
      for (int app = 0; app < 2; app++) {
        String idList = IntStream.range(0, ids)
            .mapToObj(i -> String.format("LO-15-%04d", 5000 + i))
            .collect(Collectors.joining(","));
        String stateList =
            String.join(",", List.of("06", "36", "48", "12", "17").subList(0, states));
        apps.add(new ProcessBuilder(command(emulator, idList, stateList))
            .redirectErrorStream(true)
            .start());
      }
      List<String> outputs = new ArrayList<>();
      for (Process app : apps) {
        outputs.add(new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        app.waitFor(30, TimeUnit.MINUTES);
      }
      report(emulator.journal().entries(GROWTH), ids * states, outputs);
    }
  }

  private static List<String> command(LightcastEmulator emulator, String ids, String states) {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    for (String option : System.getProperty("lightcast.javaOptions", "").trim().split("\\s+")) {
      if (!option.isBlank()) {
        command.add(option);
      }
    }
    command.addAll(List.of(
        "-Dlog4j2.configurationFile=log4j2-demo.properties",
        "-cp",
        System.getProperty("java.class.path"),
        SharedCredentialBenchmark.class.getName(),
        "--application",
        emulator.pogBaseUrl(),
        emulator.tokenUrl(),
        ids,
        states));
    return command;
  }

  /** One application: a read of every id in every state, with the connector's defaults but for the URLs. */
  private static void application(String baseUrl, String authUrl, String ids, String states) {
    SparkSession spark = SparkSession.builder()
        .master("local[2]")
        .appName("lightcast-shared-credential")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    long start = System.nanoTime();
    String outcome;
    try {
      long rows = spark
          .read()
          .format("lightcast")
          .option("baseUrl", baseUrl)
          .option("authUrl", authUrl)
          .option("secret.clientId", "<client-id>")
          .option("secret.clientSecret", "<client-secret>")
          .option("occupationIds", ids)
          .option("regionCodes", states)
          .load("occupation_growth")
          .count();
      outcome = "rows " + rows;
    } catch (Exception e) {
      outcome = "FAILED " + e.getMessage();
    }
    System.out.printf("RESULT %s in %.1f s%n", outcome, (System.nanoTime() - start) / 1e9);
    spark.stop();
  }

  private static void report(List<JournalEntry> requests, int minimal, List<String> outputs) {
    // Each application fetches its own token: the bearer tells whose a request is.
    Map<String, List<JournalEntry>> byApp = new TreeMap<>(requests.stream()
        .collect(Collectors.groupingBy(e -> e.headers().getOrDefault("authorization", ""))));
    int app = 0;
    System.out.printf(
        "%n%-5s %9s %8s %6s %10s  %s%n",
        "app", "requests", "minimal", "429s", "sent/min", "result");
    for (List<JournalEntry> sent : byApp.values()) {
      long tooMany = sent.stream().filter(e -> e.status() == 429).count();
      String result = outputs.size() > app
          ? outputs
              .get(app)
              .lines()
              .filter(l -> l.startsWith("RESULT"))
              .findFirst()
              .orElse("no result")
          : "";
      System.out.printf(
          "%-5d %9d %8d %6d %10.3f  %s%n",
          ++app, sent.size(), minimal, tooMany, (double) sent.size() / minimal, result);
    }
    double span =
        (requests.get(requests.size() - 1).receivedNanos() - requests.get(0).receivedNanos()) / 1e9;
    long ok = requests.stream().filter(e -> e.status() == 200).count();
    System.out.printf(
        "together: %d requests (%d answered 200) in %.1f s: %.2f requests/s sent, %.2f/s answered,"
            + " at a limit of %d/s%n",
        requests.size(), ok, span, requests.size() / span, ok / span, LIMIT);
  }
}
