package io.github.lightcastspark.spark;

import static io.github.lightcastspark.spark.TestEmulators.dataRequests;
import static io.github.lightcastspark.spark.TestEmulators.reader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.lightcastspark.emulator.LightcastEmulator;
import io.github.lightcastspark.spark.metrics.CacheHitsMetric;
import io.github.lightcastspark.spark.metrics.RequestsMetric;
import java.util.List;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The executor's response cache (option {@code cacheTtl}): what it spares, what it never mixes, and that it is off
 * unless asked for. Each test reads codes of its own, since the cache lives as long as the test JVM.
 */
@ExtendWith(SharedEmulatorExtension.class)
class ResponseCacheTest {
  private final LightcastEmulator emulator;

  ResponseCacheTest(LightcastEmulator emulator) {
    this.emulator = emulator;
  }

  private DataFrameReader cached(String socCodes) {
    return reader(emulator)
        .option("cacheTtl", "30m")
        .option("socCodes", socCodes)
        .option("regionCodes", "06,36");
  }

  @Test
  void aSecondActionIsAnsweredFromTheCacheWithTheSameRows() {
    Dataset<Row> df = cached("13-2011,13-1111").load("occupations");
    List<Row> first = df.collectAsList();
    assertEquals(2, dataRequests(emulator).size());
    assertEquals(2, TestSpark.metric(df, RequestsMetric.NAME));
    assertEquals(0, TestSpark.metric(df, CacheHitsMetric.NAME));

    Dataset<Row> again = cached("13-2011,13-1111").load("occupations");
    assertEquals(first, again.collectAsList());
    assertEquals(2, dataRequests(emulator).size(), "nothing more sent");
    assertEquals(0, TestSpark.metric(again, RequestsMetric.NAME));
    assertEquals(2, TestSpark.metric(again, CacheHitsMetric.NAME));
  }

  @Test
  void aGlobalSortReadsTheApiOnceInsteadOfTwice() {
    List<Row> sorted = cached("17-2051,17-2141")
        .load("occupations")
        .orderBy("regionCode", "socCode")
        .collectAsList();
    assertEquals(4, sorted.size());
    assertEquals(2, dataRequests(emulator).size());

    emulator.journal().clear();
    reader(emulator)
        .option("socCodes", "17-2051,17-2141")
        .option("regionCodes", "06,36")
        .load("occupations")
        .orderBy("regionCode", "socCode")
        .collectAsList();
    assertEquals(
        4, dataRequests(emulator).size(), "without the cache, the sampling pass reads the API too");
  }

  @Test
  void otherCredentialsOrFieldsAreNeverServedFromAnotherReadsResponse() {
    cached("25-2021").load("occupations").collectAsList();
    assertEquals(2, dataRequests(emulator).size());
    cached("25-2021")
        .option("secret.customerKey", "<customer-key>")
        .load("occupations")
        .collectAsList();
    assertEquals(4, dataRequests(emulator).size(), "another end customer's responses are its own");
    cached("25-2021")
        .load("occupations")
        .select("socCode", "regionCode", "laborMarketData")
        .collectAsList();
    assertEquals(6, dataRequests(emulator).size(), "other fields are another request");
    cached("25-2021").option("includeSkills", "true").load("occupations").collectAsList();
    assertEquals(8, dataRequests(emulator).size(), "other flags are another request");
  }

  @Test
  void aMalformedBodyIsNeverKept() {
    emulator.faults().malformedBody(1);
    assertThrows(
        Exception.class,
        () -> cached("47-2111").option("regionCodes", "06").load("occupations").collectAsList());
    List<Row> rows =
        cached("47-2111").option("regionCodes", "06").load("occupations").collectAsList();
    assertEquals(1, rows.size());
    assertEquals(2, dataRequests(emulator).size(), "the second read asked the API again");
  }

  @Test
  void aResponseOlderThanTheTtlIsAskedForAgain() throws InterruptedException {
    reader(emulator)
        .option("cacheTtl", "1s")
        .option("socCodes", "29-1171")
        .load("occupations")
        .collectAsList();
    Thread.sleep(1_200);
    reader(emulator)
        .option("cacheTtl", "1s")
        .option("socCodes", "29-1171")
        .load("occupations")
        .collectAsList();
    assertEquals(2, dataRequests(emulator).size());
  }

  @Test
  void offByDefault() {
    Dataset<Row> df = reader(emulator).option("socCodes", "15-2051").load("occupations");
    df.collectAsList();
    df.collectAsList();
    assertEquals(2, dataRequests(emulator).size());
  }
}
