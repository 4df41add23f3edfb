package io.github.lightcastspark.spark;

import static io.github.lightcastspark.spark.TestEmulators.PLATFORM_KEY;
import static io.github.lightcastspark.spark.TestEmulators.dataRequests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lightcastspark.emulator.EmulatorConfig;
import io.github.lightcastspark.emulator.JournalEntry;
import io.github.lightcastspark.emulator.LightcastEmulator;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The whole query stays under the limit, measured on the emulator's clock, and survives chaos without a lost row. */
class QueryPacingTest {
  static final String CODES = IntStream.range(0, 30)
      .mapToObj(i -> String.format("17-%04d", 2000 + i))
      .collect(Collectors.joining(","));
  static final String STATES = new java.util.TreeSet<>(
          io.github.lightcastspark.core.options.RegionCodes.STATE_FIPS)
      .stream().limit(30).collect(Collectors.joining(","));

  static DataFrameReader reader(LightcastEmulator emulator, int rate) {
    return reader(TestSpark.session(), emulator, rate);
  }

  static DataFrameReader reader(SparkSession spark, LightcastEmulator emulator, int rate) {
    return spark
        .read()
        .format("lightcast")
        .option("baseUrl", emulator.lmiBaseUrl())
        .option("secret.platformKey", PLATFORM_KEY)
        .option("environment", "testing")
        .option("rateLimit", rate)
        .option("socCodes", CODES)
        .option("regionCodes", STATES);
  }

  /**
   * Arrival times carry jitter the client cannot see: on the two-core build machine three JVMs share the cores and the
   * emulator stamps a request when its handler thread starts (55 ms was seen at the start of a local-cluster read).
   * The pacer's 4 % headroom absorbs about 40 ms of it; the rate check allows 100 ms more, counting arrivals within
   * 900 ms rather than 1 s. That still catches a pacing error such as two JVMs each at the full rate (about 17
   * requests in such a window); the slot spacing itself is {@code SlotPacerTest}'s, and the 429 count is exact.
   */
  static final long ARRIVAL_JITTER_MARGIN_MILLIS = 100;

  /** @return the most requests that arrived within any {@code windowMillis}, on the emulator's clock */
  static int busiestWindow(List<JournalEntry> requests, long windowMillis) {
    int most = 0;
    for (int i = 0, j = 0; i < requests.size(); i++) {
      while (j < requests.size()
          && requests.get(j).receivedNanos() - requests.get(i).receivedNanos()
              < windowMillis * 1_000_000) {
        j++;
      }
      most = Math.max(most, j - i);
    }
    return most;
  }

  static List<String> rowKeys(Dataset<Row> df) {
    return df
        .selectExpr("concat(socCode, '@', regionCode, '=', laborMarketData.totalEmployment)")
        .collectAsList()
        .stream()
        .map(r -> r.getString(0))
        .sorted()
        .toList();
  }

  @Test
  void eightPartitionsOnTwoCoresStayUnderTheLimitWithNo429() {
    try (LightcastEmulator emulator = LightcastEmulator.start(EmulatorConfig.builder()
        .platformKeys(PLATFORM_KEY)
        .lmiRateLimit(10, Duration.ofSeconds(1))
        .build())) {
      Dataset<Row> df = reader(emulator, 10).option("maxPartitions", "8").load("occupations");
      assertEquals(8, df.rdd().getNumPartitions());
      assertEveryRowOnceUnderTheLimit(df, emulator, 10);
    }
  }

  /**
   * Reads {@code df} (60 requests, 900 rows) and checks that every row came once, with no 429 and no second on the
   * emulator's clock, less the jitter margin, holding more than {@code limit} requests.
   *
   * @return the data requests the emulator received
   */
  static List<JournalEntry> assertEveryRowOnceUnderTheLimit(
      Dataset<Row> df, LightcastEmulator emulator, int limit) {
    List<String> rows = rowKeys(df);
    assertEquals(900, rows.size());
    assertEquals(900, rows.stream().distinct().count());
    List<JournalEntry> requests = dataRequests(emulator);
    assertEquals(60, requests.size());
    assertEquals(0, requests.stream().filter(e -> e.status() == 429).count(), "429s");
    int busiest = busiestWindow(requests, 1000 - ARRIVAL_JITTER_MARGIN_MILLIS);
    assertTrue(
        busiest <= limit,
        "busiest " + (1000 - ARRIVAL_JITTER_MARGIN_MILLIS) + " ms: " + busiest + " arrivals (ms) "
            + requests.stream().map(e -> e.receivedNanos() / 1_000_000).toList());
    return requests;
  }

  @Test
  void twoReadsOfOneLimitInOneQueryShareItsSchedule() {
    assertAUnionOfTwoReadsStaysUnder(TestSpark.session(), 10, 10, 10, 12);
  }

  /** One credential, one limit: a read asking 10/s beside one asking 5/s keeps to 5/s too. */
  @Test
  void twoReadsOfOneCredentialAtDifferentRatesKeepTheTighterTogether() {
    assertAUnionOfTwoReadsStaysUnder(TestSpark.session(), 5, 10, 5, 10);
  }

  /**
   * Unions two reads of one credential, 25 codes in each of {@code states} states, at {@code rateA} and
   * {@code rateB}, one task each so that both run at once on local[2], against an emulator allowing {@code limit}
   * a second: every row arrives, with no 429 and no 900 ms window over the limit.
   */
  static void assertAUnionOfTwoReadsStaysUnder(
      SparkSession spark, int limit, int rateA, int rateB, int states) {
    try (LightcastEmulator emulator = LightcastEmulator.start(EmulatorConfig.builder()
        .platformKeys(PLATFORM_KEY)
        .lmiRateLimit(limit, Duration.ofSeconds(1))
        .build())) {
      String codes = String.join(",", List.of(CODES.split(",")).subList(0, 25));
      String regions = String.join(",", List.of(STATES.split(",")).subList(0, states));
      Dataset<Row> developers = reader(spark, emulator, rateA)
          .option("socCodes", codes)
          .option("regionCodes", regions)
          .option("maxPartitions", "1")
          .load("occupations");
      Dataset<Row> nurses = reader(spark, emulator, rateB)
          .option("socCodes", codes)
          .option("regionCodes", regions)
          .option("includeSkills", "true")
          .option("maxPartitions", "1")
          .load("occupations");
      Dataset<Row> both = developers.select("socCode").union(nurses.select("socCode"));
      assertEquals(
          2, both.rdd().getNumPartitions(), "one task per read, both running at once on two cores");
      assertEquals(2 * 25 * states, both.count());
      List<JournalEntry> requests = dataRequests(emulator);
      assertEquals(2 * states, requests.size());
      assertEquals(0, requests.stream().filter(e -> e.status() == 429).count(), "429s");
      int busiest = busiestWindow(requests, 1000 - ARRIVAL_JITTER_MARGIN_MILLIS);
      assertTrue(
          busiest <= limit, "busiest " + (1000 - ARRIVAL_JITTER_MARGIN_MILLIS) + " ms: " + busiest);
    }
  }

  /**
   * A server allowing less than the read asks (a bucket of 10 refilled at 1 a second, under a read at 5 a second):
   * its X-RateLimit headers slow the JVM before the bucket is empty, so no request is refused, and the WARN says so
   * once. Without them, the eleventh request of the burst would be the first of a run of 429s.
   */
  @Test
  void aServerLimitBelowTheReadsSlowsItDownWithNo429() {
    try (LightcastEmulator emulator = LightcastEmulator.start(EmulatorConfig.builder()
            .platformKeys(PLATFORM_KEY)
            .lmiRateLimit(10, Duration.ofSeconds(10))
            .build());
        LogCapture logs = LogCapture.install()) {
      String states = String.join(",", List.of(STATES.split(",")).subList(0, 14));
      assertEquals(
          14,
          reader(emulator, 5)
              .option("socCodes", "15-1252")
              .option("regionCodes", states)
              .option("maxPartitions", "1")
              .load("occupations")
              .count());
      List<JournalEntry> requests = dataRequests(emulator);
      assertEquals(14, requests.size());
      assertEquals(0, requests.stream().filter(e -> e.status() == 429).count(), "429s");
      assertEquals(
          1,
          logs.lines().stream()
              .filter(l -> l.contains("The server allows about"))
              .count(),
          logs.lines().toString());
    }
  }

  @Test
  void underChaosEveryRowArrivesExactlyOnce() {
    try (LightcastEmulator emulator = LightcastEmulator.start(EmulatorConfig.builder()
        .platformKeys(PLATFORM_KEY)
        .lmiRateLimit(1000, Duration.ofSeconds(1))
        .build())) {
      List<String> clean = rowKeys(reader(emulator, 100).load("occupations"));
      emulator.journal().clear();
      emulator
          .faults()
          .serverErrorRate(0.1, 42)
          .latency(Duration.ofMillis(5), Duration.ofMillis(60))
          .tooManyRequests(3, 0)
          .dropConnection(2);
      List<String> chaotic =
          rowKeys(reader(emulator, 100).option("maxRetries", "8").load("occupations"));
      assertEquals(clean, chaotic);
      List<Integer> statuses =
          dataRequests(emulator).stream().map(JournalEntry::status).toList();
      assertTrue(
          statuses.contains(503) && statuses.contains(429) && statuses.contains(0),
          statuses.toString());
      assertEquals(
          60, statuses.stream().filter(s -> s == 200).count(), "one success per planned request");
    }
  }
}
