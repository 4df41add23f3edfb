package io.github.lightcastspark.spark;

import static io.github.lightcastspark.spark.TestEmulators.dataRequests;
import static io.github.lightcastspark.spark.TestEmulators.reader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lightcastspark.core.jvm.ExecutorState;
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
    String message = String.valueOf(e.getMessage());
    assertTrue(message.contains("NOT_STORED"), message);
    assertTrue(message.contains("29-1141"), message);
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
    try (Stream<Path> files = Files.walk(store)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        assertEquals(-1, (file + text).indexOf(TestEmulators.PLATFORM_KEY), file.toString());
      }
    }
  }
}
