package io.github.lightcastspark.spark;

import static io.github.lightcastspark.spark.Failures.apiException;
import static io.github.lightcastspark.spark.TestEmulators.PLATFORM_KEY;
import static io.github.lightcastspark.spark.TestEmulators.dataRequests;
import static io.github.lightcastspark.spark.TestEmulators.reader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lightcastspark.StubServer;
import io.github.lightcastspark.core.transport.ApiException;
import io.github.lightcastspark.emulator.EmulatorConfig;
import io.github.lightcastspark.emulator.JournalEntry;
import io.github.lightcastspark.emulator.LightcastEmulator;
import io.github.lightcastspark.spark.metrics.RateLimitedMetric;
import io.github.lightcastspark.spark.metrics.RequestsMetric;
import io.github.lightcastspark.spark.metrics.RetriesMetric;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.SparkRuntimeException;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Retries, fail-fast API errors, and secrecy of credentials, against the emulator over HTTP. */
@ExtendWith(SharedEmulatorExtension.class)
class FailureHandlingTest {
  private static final String CODES = String.join(
      ",",
      IntStream.range(0, 100).mapToObj(i -> String.format("13-%04d", 3000 + i)).toList());
  private final LightcastEmulator emulator;

  FailureHandlingTest(LightcastEmulator emulator) {
    this.emulator = emulator;
  }

  private List<String> cleanRead() {
    emulator.faults().reset();
    List<String> rows = keys(reader(emulator)
        .option("socCodes", CODES)
        .option("regionCodes", "06,36")
        .load("occupations"));
    emulator.journal().clear();
    return rows;
  }

  private static List<String> keys(Dataset<Row> df) {
    return collectKeys(keyed(df));
  }

  private static Dataset<Row> keyed(Dataset<Row> df) {
    return df.selectExpr("concat(socCode, '@', regionCode, '=', laborMarketData.totalEmployment)");
  }

  private static List<String> collectKeys(Dataset<Row> keyed) {
    return keyed.collectAsList().stream().map(r -> r.getString(0)).sorted().toList();
  }

  /**
   * A failed request is the job's error as it is (Spark 4), not "Job aborted due to stage failure: …" around it: its
   * message names the request, the status, the API's code and message and what to do; a 404 points at baseUrl.
   */
  @Test
  void aRefusedRequestIsTheJobsOwnErrorAndSaysWhatToDo() {
    Exception wrongKey = assertThrows(
        Exception.class,
        () -> reader(emulator)
            .option("secret.platformKey", "pk_test_not-this-one")
            .option("socCodes", "15-1252")
            .load("occupations")
            .collectAsList());
    Exception noVersion = assertThrows(
        Exception.class,
        () -> reader(emulator)
            .option("baseUrl", emulator.lmiBaseUrl().replace("/v1", ""))
            .option("socCodes", "15-1252")
            .load("occupations")
            .collectAsList());
    String refused =
        "Lightcast request failed for occupations [15-1252] @ national: HTTP 401 INVALID_API_KEY:"
            + " Invalid API key. Check the read's credentials: secret.platformKey for the LMI";
    String notFound =
        "Lightcast request failed for occupations [15-1252] @ national: HTTP 404 NOT_FOUND:"
            + " Resource not found: /labor-market-intelligence/by-soc. Check option baseUrl: it must be the API's root"
            + " with its version prefix, such as https://<host>/v1 for the LMI";
    if (org.apache.spark.package$.MODULE$.SPARK_VERSION().startsWith("4.")) {
      for (Exception e : List.of(wrongKey, noVersion)) {
        assertTrue(e instanceof SparkRuntimeException, String.valueOf(e));
      }
      assertTrue(
          wrongKey.getMessage().startsWith("[USER_RAISED_EXCEPTION] " + refused),
          wrongKey.getMessage());
      assertTrue(
          noVersion.getMessage().startsWith("[USER_RAISED_EXCEPTION] " + notFound),
          noVersion.getMessage());
    } else {
      assertTrue(wrongKey.getMessage().contains(refused), wrongKey.getMessage());
      assertTrue(noVersion.getMessage().contains(notFound), noVersion.getMessage());
    }
    assertEquals(401, apiException(wrongKey).status(), "the API's failure is the cause");
  }

  @Test
  void rateLimitedAndFailingRequestsAreRetriedAndEveryRowArrivesOnce() {
    List<String> expected = cleanRead();
    assertEquals(200, expected.size());
    assertEquals(200, expected.stream().distinct().count());

    emulator.faults().tooManyRequests(3, 1);
    Dataset<Row> rateLimited = keyed(reader(emulator)
        .option("socCodes", CODES)
        .option("regionCodes", "06,36")
        .load("occupations"));
    List<String> warnings;
    try (LogCapture logs = LogCapture.install()) {
      assertEquals(expected, collectKeys(rateLimited));
      warnings = logs.lines().stream()
          .filter(l -> l.contains("refused by the API's rate limit"))
          .toList();
    }
    // One line per pause, not per 429: the 429s that come in while a pause is under way extend it.
    assertTrue(warnings.size() >= 1 && warnings.size() <= 3, String.valueOf(warnings));
    String first = warnings.get(0);
    assertTrue(
        first.startsWith("io.github.lightcastspark.core.transport.ApiCaller: occupations [")
            && first.contains(
                "was refused by the API's rate limit: HTTP 429 RATE_LIMITED: Rate limit"
                    + " exceeded (X-RateLimit-Limit: 100000, Retry-After: 1). This JVM holds its requests for"),
        first);
    assertEquals(8 + 3, dataRequests(emulator).size());
    assertEquals(
        3, dataRequests(emulator).stream().filter(e -> e.status() == 429).count());
    assertEquals(
        8 + 3,
        TestSpark.metric(rateLimited, RequestsMetric.NAME),
        "the SQL tab counts what was sent");
    assertEquals(3, TestSpark.metric(rateLimited, RetriesMetric.NAME));
    assertEquals(3, TestSpark.metric(rateLimited, RateLimitedMetric.NAME));

    emulator.journal().clear();
    emulator.faults().reset().failEveryNth(3, 503);
    List<String> after5xx = keys(reader(emulator)
        .option("socCodes", CODES)
        .option("regionCodes", "06,36")
        .load("occupations"));
    assertEquals(expected, after5xx);
    long failed = dataRequests(emulator).stream().filter(e -> e.status() == 503).count();
    assertTrue(failed >= 3, "expected injected 503s, got " + failed);
    assertEquals(8 + failed, dataRequests(emulator).size());

    emulator.journal().clear();
    emulator.faults().reset().dropConnection(2);
    List<String> afterDrops = keys(reader(emulator)
        .option("socCodes", CODES)
        .option("regionCodes", "06,36")
        .load("occupations"));
    assertEquals(expected, afterDrops);
  }

  @Test
  void aServerErrorThatSaysWhenToComeBackIsRetriedThenAndNotBefore() {
    DataFrameReader developersInCalifornia =
        reader(emulator).option("socCodes", "15-1252").option("regionCodes", "06");
    List<String> expected = keys(developersInCalifornia.load("occupations"));
    assertEquals(List.of("15-1252@06=238686"), expected);
    emulator.journal().clear();
    emulator.faults().serviceUnavailable(1, 1);
    assertEquals(expected, keys(developersInCalifornia.load("occupations")));
    List<JournalEntry> requests = dataRequests(emulator);
    assertEquals(List.of(503, 200), requests.stream().map(JournalEntry::status).toList());
    long waitedMillis = requests.get(1).millisAfter(requests.get(0));
    assertTrue(
        waitedMillis >= 1000,
        "Retry-After: 1 honoured, but the retry came after " + waitedMillis + " ms");
  }

  @Test
  void retriesAreBoundedAndTheErrorSaysWhatHappened() {
    emulator.faults().failEveryNth(1, 503);
    Exception e = assertThrows(
        Exception.class,
        () -> reader(emulator)
            .option("socCodes", "15-1252")
            .option("maxRetries", "2")
            .load("occupations")
            .collectAsList());
    ApiException api = apiException(e);
    assertEquals(503, api.status());
    assertTrue(api.getMessage().contains("occupations [15-1252] @ national"), api.getMessage());
    assertTrue(api.getMessage().contains("gave up after 3 attempts"), api.getMessage());
    assertEquals(3, dataRequests(emulator).size());

    emulator.journal().clear();
    emulator.faults().reset().tooManyRequests(2, 0);
    ApiException limited = apiException(assertThrows(
        Exception.class,
        () -> reader(emulator)
            .option("socCodes", "15-1252")
            .option("maxRetries", "1")
            .load("occupations")
            .collectAsList()));
    assertEquals(429, limited.status());
    assertTrue(limited.getMessage().contains("gave up after 2 attempts"), limited.getMessage());
    assertTrue(
        limited
            .getMessage()
            .contains("RATE_LIMITED: Rate limit exceeded (X-RateLimit-Limit: 100000,"
                + " Retry-After: 0)"),
        limited.getMessage());
    assertEquals(2, dataRequests(emulator).size());
  }

  @Test
  void refusalsFailAtOnceWithTheApisCodeAndMessage() {
    DataFrameReader wrongKey =
        reader(emulator).option("secret.platformKey", "<wrong-platform-key>");
    ApiException unauthorized = apiException(assertThrows(
        Exception.class,
        () -> wrongKey
            .option("socCodes", "15-1252")
            .option("regionCodes", "06")
            .load("occupations")
            .collectAsList()));
    assertEquals(401, unauthorized.status());
    assertEquals("INVALID_API_KEY", unauthorized.errorCode());
    assertTrue(
        unauthorized
            .getMessage()
            .startsWith(
                "Lightcast request failed for occupations [15-1252] @ state 06: HTTP 401 INVALID_API_KEY: "),
        unauthorized.getMessage());
    assertFalse(unauthorized.getMessage().contains("<wrong-platform-key>"));
    assertEquals(1, dataRequests(emulator).size());

    emulator.journal().clear();
    ApiException badRegion = apiException(assertThrows(
        Exception.class,
        () -> reader(emulator)
            .option("socCodes", "15-1252")
            .option("regionCodes", "99999")
            .load("occupations")
            .collectAsList()));
    assertEquals(400, badRegion.status());
    assertEquals("INVALID_INPUT", badRegion.errorCode());
    assertTrue(badRegion.getMessage().contains("@ msa 99999"), badRegion.getMessage());
    assertEquals(1, dataRequests(emulator).size());
  }

  @Test
  void productionNeedsTheCustomerKeyHeader() {
    try (LightcastEmulator production = LightcastEmulator.start(EmulatorConfig.builder()
        .mode(EmulatorConfig.Mode.PRODUCTION)
        .platformKeys("<live-platform-key>")
        .customerKeys("<customer-key>")
        .lmiRateLimit(1000, Duration.ofSeconds(1))
        .build())) {
      DataFrameReader prod = TestSpark.session()
          .read()
          .format("lightcast")
          .option("baseUrl", production.lmiBaseUrl())
          .option("secret.platformKey", "<live-platform-key>")
          .option("socCodes", "15-1252");
      ApiException forbidden = apiException(assertThrows(
          Exception.class,
          () -> prod.option("secret.customerKey", "<other-customer-key>")
              .load("occupations")
              .collectAsList()));
      assertEquals(403, forbidden.status());
      assertEquals("FORBIDDEN", forbidden.errorCode());
      assertFalse(forbidden.getMessage().contains("<other-customer-key>"));
      assertEquals(1, production.journal().entries().size());

      List<Row> rows = prod.option("secret.customerKey", "<customer-key>")
          .load("occupations")
          .collectAsList();
      assertEquals("Software Developers", rows.get(0).getAs("name"));
      assertEquals(
          "<customer-key>", production.journal().entries().get(1).headers().get("x-customer-key"));
      assertEquals(
          "Bearer <live-platform-key>",
          production.journal().entries().get(1).headers().get("authorization"));
    }
  }

  @Test
  void aMalformedBodyIsAClearErrorNotANullRow() {
    emulator.faults().malformedBody(1);
    ApiException e = apiException(assertThrows(
        Exception.class,
        () -> reader(emulator).option("socCodes", "15-1252").load("occupations").collectAsList()));
    assertEquals("MALFORMED_RESPONSE", e.errorCode());
    assertTrue(e.getMessage().contains("the response body is not valid JSON"), e.getMessage());

    try (StubServer api = StubServer.answering(
        "/v1/labor-market-intelligence/by-soc",
        "{\"data\":{"
            + "\"matchedOccupations\":[{\"socCode\":\"15-1252\",\"laborMarketData\":{\"totalEmployment\":1.5}}]}}")) {
      ApiException typed = apiException(assertThrows(
          Exception.class,
          () -> reader(emulator)
              .option("baseUrl", api.url() + "/v1")
              .option("socCodes", "15-1252")
              .load("occupations")
              .collectAsList()));
      assertEquals("MALFORMED_RESPONSE", typed.errorCode());
      assertTrue(
          typed
              .getMessage()
              .startsWith("Lightcast request failed for occupations [15-1252] @ national: HTTP"
                  + " 200 MALFORMED_RESPONSE: The API returned 1.5 for field"
                  + " 'laborMarketData.totalEmployment', expected a whole number"),
          typed.getMessage());
    }
  }

  /** A spent monthly quota is no rate limit: never retried, and said to be the quota. */
  @Test
  void aSpentQuotaIsNotRetriedAndSaysSo() {
    try (LightcastEmulator spent = LightcastEmulator.start(
        EmulatorConfig.builder().platformKeys(PLATFORM_KEY).quotaExceeded(true).build())) {
      ApiException e = apiException(assertThrows(
          Exception.class,
          () -> reader(spent).option("socCodes", "15-1252").load("occupations").collectAsList()));
      assertEquals(403, e.status());
      assertEquals("QUOTA_EXCEEDED", e.errorCode());
      assertTrue(
          e.getMessage()
              .contains("HTTP 403 QUOTA_EXCEEDED: the credential's quota of requests is spent (not"
                  + " its rate limit; retrying cannot help until the quota renews or is raised)"),
          e.getMessage());
      assertEquals(1, TestEmulators.dataRequests(spent).size());
    }
  }

  @Test
  void theSecretNeverAppearsInPlansLogsOrErrors() {
    try (LogCapture logs = LogCapture.install()) {
      Dataset<Row> df = reader(emulator)
          .option("socCodes", "15-1252,29-1141")
          .option("regionCodes", "06")
          .load("occupations")
          .where("regionType = 'state'");
      StringBuilder outputs = new StringBuilder(TestSpark.explain(df));
      outputs.append(df.queryExecution().toString());
      df.collectAsList();
      outputs.append(
          java.util.Arrays.toString(TestSpark.scanOf(df).toBatch().planInputPartitions()));
      emulator.faults().failEveryNth(1, 500);
      Exception failure = assertThrows(
          Exception.class,
          () -> reader(emulator)
              .option("socCodes", "15-1252")
              .option("maxRetries", "1")
              .load("occupations")
              .collectAsList());
      StringWriter trace = new StringWriter();
      failure.printStackTrace(new PrintWriter(trace));
      outputs.append(trace);
      Exception invalid = assertThrows(
          Exception.class,
          () -> reader(emulator)
              .option("rateLimit", "-1")
              .option("socCodes", "15-1252")
              .load("occupations")
              .collectAsList());
      outputs.append(invalid.getMessage());
      logs.lines().forEach(outputs::append);
      assertTrue(
          logs.lines().stream().anyMatch(l -> l.contains("requests in")),
          "the plan was not logged");
      assertFalse(outputs.toString().contains(PLATFORM_KEY), "the platform key leaked");
      assertFalse(outputs.toString().contains("platform-key>"), "part of the platform key leaked");
    }
  }
}
