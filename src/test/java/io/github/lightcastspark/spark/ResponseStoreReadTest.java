package io.github.lightcastspark.spark;

import static io.github.lightcastspark.spark.TestEmulators.dataRequests;
import static io.github.lightcastspark.spark.TestEmulators.reader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lightcastspark.core.jvm.ExecutorState;
import io.github.lightcastspark.core.options.LightcastOptionException;
import io.github.lightcastspark.emulator.LightcastEmulator;
import io.github.lightcastspark.spark.metrics.StoreCorruptMetric;
import io.github.lightcastspark.spark.metrics.StoreHitsMetric;
import io.github.lightcastspark.spark.metrics.StoreWritesMetric;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads with a {@code cachePath} store: a read run again after the JVM has forgotten everything (as a new session or
 * another executor has) sends nothing, and what is not a valid entry of the same request never answers.
 */
@ExtendWith(SharedEmulatorExtension.class)
class ResponseStoreReadTest {
  private static final String STATES = "regionCode IN ('06', '36', '48')";

  private final LightcastEmulator emulator;

  @TempDir
  Path store;

  ResponseStoreReadTest(LightcastEmulator emulator) {
    this.emulator = emulator;
  }

  private DataFrameReader stored() {
    return reader(emulator).option("cachePath", store.toString());
  }

  private static List<Row> sorted(Dataset<Row> df) {
    return df.select("socCode", "regionCode", "name", "laborMarketData").collectAsList().stream()
        .sorted(
            (a, b) -> (a.getString(0) + a.getString(1)).compareTo(b.getString(0) + b.getString(1)))
        .toList();
  }

  private List<Path> entries() throws IOException {
    try (Stream<Path> files = Files.walk(store)) {
      return files.filter(f -> f.toString().endsWith(".entry")).sorted().toList();
    }
  }

  @Test
  void aReadRunAgainInAFreshJvmStateSendsNothingAndReturnsTheSameRows() throws IOException {
    Dataset<Row> first = stored().load("occupations").where(STATES);
    List<Row> rows = sorted(first);
    assertEquals(105, dataRequests(emulator).size(), "every code in three states");
    assertEquals(867 * 3, rows.size());
    assertEquals(105, entries().size());

    ExecutorState.reset();
    emulator.journal().clear();
    Dataset<Row> again = stored().load("occupations").where(STATES);
    assertEquals(rows, sorted(again));
    assertEquals(0, emulator.journal().entries().size(), "the store answered every request");

    // Other columns than the first read selected: every field was requested and kept.
    ExecutorState.reset();
    Dataset<Row> names = stored().load("occupations").where(STATES).select("socCode", "name");
    assertEquals(867 * 3, names.collectAsList().size());
    assertEquals(0, emulator.journal().entries().size());
    assertEquals(105, TestSpark.metric(names, StoreHitsMetric.NAME));
  }

  @Test
  void aCorruptEntryIsCountedAndFetchedAgainAndAnotherCustomerNeverGetsAnEntry()
      throws IOException {
    Dataset<Row> first = stored().load("occupations").where("regionCode = '06'");
    first.count();
    assertEquals(35, entries().size());
    Path victim = entries().get(7);
    byte[] whole = Files.readAllBytes(victim);
    Files.write(victim, java.util.Arrays.copyOf(whole, whole.length / 2));

    ExecutorState.reset();
    emulator.journal().clear();
    Dataset<Row> again = stored().load("occupations").where("regionCode = '06'");
    assertEquals(867, again.collectAsList().size());
    assertEquals(1, dataRequests(emulator).size(), "only the truncated entry is asked again");
    assertEquals(1, TestSpark.metric(again, StoreCorruptMetric.NAME));
    assertEquals(1, TestSpark.metric(again, StoreWritesMetric.NAME));

    ExecutorState.reset();
    emulator.journal().clear();
    stored()
        .option("secret.customerKey", "<customer-key>")
        .load("occupations")
        .where("regionCode = '06'")
        .count();
    assertEquals(35, dataRequests(emulator).size(), "another end customer's requests are its own");
    assertNoCredentialIn(store, emulator, TestEmulators.PLATFORM_KEY, "<customer-key>");
  }

  /**
   * The driver lists the store at planning: EXPLAIN, the least time and {@code maxRequests} count only the requests
   * to send, and the partitions spread both kinds.
   */
  @Test
  void planningCountsOnlyTheRequestsTheStoreDoesNotAnswer() {
    stored().load("occupations").where("regionCode = '06'").count();
    emulator.journal().clear();
    ExecutorState.reset();

    Dataset<Row> both = stored()
        .option("maxRequests", "40")
        .option("rateLimit", "50")
        .load("occupations")
        .where("regionCode IN ('06', '36')");
    String explain = TestSpark.explain(both);
    assertTrue(
        explain.contains("PlannedRequests: 70, FromStore: 35, Partitions: 2, AtLeast: 0.7 s"),
        explain);
    assertEquals(867 * 2, both.collectAsList().size());
    assertEquals(35, dataRequests(emulator).size(), "only New York's");
    assertEquals(35, TestSpark.metric(both, StoreHitsMetric.NAME));

    String refused = assertThrows(
            Exception.class,
            () -> stored()
                .option("maxRequests", "30")
                .load("occupations")
                .where("regionCode IN ('06', '36', '48')")
                .count())
        .getMessage();
    assertTrue(
        refused.contains(
            "the read plans 35 requests (and 70 the cachePath store answers), more than"
                + " option maxRequests allows (30)"),
        refused);
  }

  /**
   * A read that fails half way keeps what it was answered: run again, it sends only the requests that had not
   * succeeded, plus at most the ones in flight when the job was cancelled (one per running task), and returns every
   * row once.
   */
  @Test
  void aReadFailedHalfWayResumesWithOnlyTheRequestsThatHadNotSucceeded() {
    String states = "regionCode IN ('01', '04', '06', '36', '48', '53')";
    DataFrameReader resumable = stored().option("maxRetries", "0").option("maxPartitions", "4");
    emulator.faults().failNth(105, 503);
    try {
      assertThrows(
          Exception.class, () -> resumable.load("occupations").where(states).count());
    } finally {
      emulator.faults().reset();
    }
    int firstSent = dataRequests(emulator).size();
    long firstAnswered =
        dataRequests(emulator).stream().filter(e -> e.status() == 200).count();
    assertTrue(firstSent >= 105 && firstSent < 210, "stopped after the failure: " + firstSent);

    ExecutorState.reset();
    emulator.journal().clear();
    Dataset<Row> resumed =
        resumable.load("occupations").where(states).select("socCode", "regionCode", "name");
    List<Row> rows = resumed.collectAsList();
    int secondSent = dataRequests(emulator).size();
    assertEquals(867 * 6, rows.size());
    assertEquals(rows.size(), rows.stream().distinct().count(), "every row once");
    assertTrue(
        secondSent >= 210 - firstAnswered && secondSent <= 210 - firstAnswered + 2,
        "sent again: " + secondSent + " after " + firstAnswered + " answered");
    assertTrue(firstSent + secondSent <= 210 + 1 + 2, firstSent + " + " + secondSent);
    assertEquals(210 - secondSent, TestSpark.metric(resumed, StoreHitsMetric.NAME));
  }

  /** The store's file system is opened with the Spark conf's {@code spark.hadoop.*} settings, not only core-site. */
  @Test
  void aStoreOnAFileSystemOnlyTheSparkConfKnowsIsUsed() throws IOException {
    DataFrameReader onIt = reader(emulator)
        .option("cachePath", SchemeOnlyInSparkConf.SCHEME + "://" + store)
        .option("socCodes", "15-1252");
    assertEquals(1, onIt.load("occupations").count());
    assertEquals(1, entries().size());
    ExecutorState.reset();
    emulator.journal().clear();
    assertEquals(1, onIt.load("occupations").count());
    assertEquals(0, dataRequests(emulator).size());
  }

  @Test
  void offlineFailsNamingARequestTheStoreDoesNotHoldAndSendsNothing() {
    stored().option("socCodes", "15-1252").load("occupations").count();
    emulator.journal().clear();
    ExecutorState.reset();
    assertEquals(
        1,
        stored()
            .option("cacheMode", "offline")
            .option("socCodes", "15-1252")
            .load("occupations")
            .count());
    Exception e = assertThrows(
        Exception.class,
        () -> stored()
            .option("cacheMode", "offline")
            .option("socCodes", "15-1252,29-1141")
            .load("occupations")
            .count());
    assertTrue(e instanceof LightcastOptionException, "refused at planning: " + e);
    assertEquals(
        "Option cacheMode is offline, but the cachePath store holds no answer (NOT_STORED) to 1 of the 1 planned"
            + " requests, such as occupations [15-1252, 29-1141] @ national. Run with cacheMode use to fetch them, or"
            + " read only what is stored.",
        e.getMessage());
    assertEquals(0, emulator.journal().entries().size());
  }

  @Test
  void refreshAsksAgainAndTheFolderHoldsNoCredential() throws IOException {
    stored().option("socCodes", "15-1252").load("occupations").count();
    emulator.journal().clear();
    stored()
        .option("cacheMode", "refresh")
        .option("socCodes", "15-1252")
        .load("occupations")
        .count();
    assertEquals(1, dataRequests(emulator).size());
    assertNoCredentialIn(store, emulator, TestEmulators.PLATFORM_KEY);
  }

  /**
   * Fails when a file's name or content under {@code folder} holds one of {@code credentials}, or one of the bearer
   * tokens or keys the emulator's journal shows sent.
   */
  static void assertNoCredentialIn(Path folder, LightcastEmulator emulator, String... credentials)
      throws IOException {
    List<String> sent = emulator.journal().entries().stream()
        .flatMap(
            e -> Stream.of(e.headers().get("authorization"), e.headers().get("x-customer-key")))
        .filter(value -> value != null)
        .map(value -> value.replaceFirst("^Bearer ", ""))
        .toList();
    List<String> searched =
        Stream.concat(Stream.of(credentials), sent.stream()).distinct().toList();
    assertFalse(sent.isEmpty(), "the journal shows no credential sent");
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String text = file + Files.readString(file, StandardCharsets.ISO_8859_1);
        for (String credential : searched) {
          assertEquals(-1, text.indexOf(credential), file + " holds a credential");
        }
      }
    }
  }
}
