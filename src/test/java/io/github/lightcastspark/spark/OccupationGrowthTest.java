package io.github.lightcastspark.spark;

import static io.github.lightcastspark.spark.Failures.apiException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lightcastspark.core.jvm.ExecutorState;
import io.github.lightcastspark.core.options.LightcastOptionException;
import io.github.lightcastspark.core.transport.ApiException;
import io.github.lightcastspark.emulator.EmulatorConfig;
import io.github.lightcastspark.emulator.JournalEntry;
import io.github.lightcastspark.emulator.LightcastEmulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code occupation_growth} against the emulator's Projected Occupation Growth API and token endpoint. Each test
 * starts its own emulator, so that the JVM's token cache (keyed by token URL) starts empty and counts are exact.
 */
class OccupationGrowthTest {
  private static final String CLIENT = "client-7Qx";
  private static final String SECRET = "<client-secret>";
  private static final String GROWTH = "/projected-occupation-growth/dimensions/lotocc";
  private static final String TOKEN = "/connect/token";

  private static LightcastEmulator start(EmulatorConfig.Builder config) {
    return LightcastEmulator.start(
        config.pogClient(CLIENT, SECRET, "projected-occupation-growth").build());
  }

  private static DataFrameReader reader(LightcastEmulator emulator) {
    return TestSpark.session()
        .read()
        .format("lightcast")
        .option("baseUrl", emulator.pogBaseUrl())
        .option("authUrl", emulator.tokenUrl())
        .option("secret.clientId", CLIENT)
        .option("secret.clientSecret", SECRET);
  }

  private static List<JournalEntry> growthRequests(LightcastEmulator emulator) {
    return emulator.journal().entries(GROWTH);
  }

  @Test
  void withACacheTtlASecondReadSendsNothingNotEvenForAToken() {
    try (LightcastEmulator emulator = start(EmulatorConfig.builder())) {
      DataFrameReader cached = reader(emulator)
          .option("cacheTtl", "10m")
          .option("occupationIds", "LO-15-1252,LO-29-1141")
          .option("regionCodes", "06");
      Set<String> first = cached.load("occupation_growth").collectAsList().stream()
          .map(Row::toString)
          .collect(Collectors.toSet());
      assertEquals(2, first.size());
      assertEquals(2, growthRequests(emulator).size());
      assertEquals(1, emulator.journal().entries(TOKEN).size());
      emulator.journal().clear();
      Set<String> second = cached.load("occupation_growth").collectAsList().stream()
          .map(Row::toString)
          .collect(Collectors.toSet());
      assertEquals(first, second);
      assertEquals(
          List.of(),
          emulator.journal().entries(),
          "growth, /meta and the token all came from the first read");
    }
  }

  /**
   * With a store, the driver asks {@code /meta} at planning to know which growth answers the store holds for the
   * vintage current now: a re-run sends no growth request, and after a new model release none of the old answers is
   * used.
   */
  @Test
  void aStoredGrowthAnswerAnswersOnlyUnderTheModelVersionItWasFetchedUnder(@TempDir Path store)
      throws IOException {
    try (LightcastEmulator emulator = start(EmulatorConfig.builder())) {
      DataFrameReader stored = reader(emulator)
          .option("cachePath", store.toString())
          .option("occupationIds", "LO-15-1252,LO-29-1141,LO-13-2011")
          .option("regionCodes", "06,36");
      List<Row> first = sortedGrowth(stored.load("occupation_growth"));
      assertEquals(6, first.size());
      assertEquals(6, growthRequests(emulator).size());
      assertEquals("36", first.get(0).getAs("modelVersion"));

      ExecutorState.reset();
      emulator.journal().clear();
      Dataset<Row> again = stored.load("occupation_growth");
      assertTrue(TestSpark.explain(again).contains("PlannedRequests: 6, FromStore: 6, "));
      assertEquals(first, sortedGrowth(again));
      assertEquals(0, growthRequests(emulator).size());
      assertEquals(
          1,
          emulator.journal().entries("/meta").size(),
          "asked once, at planning; the tasks of this local JVM reuse its answer");

      emulator.pogData().publishModelVersion("37");
      ExecutorState.reset();
      emulator.journal().clear();
      Dataset<Row> released = stored.load("occupation_growth");
      assertTrue(TestSpark.explain(released).contains("PlannedRequests: 6, FromStore: 0, "));
      List<Row> fresh = sortedGrowth(released);
      assertEquals(6, growthRequests(emulator).size(), "no answer of model 36 is used");
      ResponseStoreReadTest.assertNoCredentialIn(store, emulator, CLIENT, SECRET);
      assertEquals(
          Set.of("37"),
          fresh.stream().map(r -> r.<String>getAs("modelVersion")).collect(Collectors.toSet()));
    }
  }

  private static List<Row> sortedGrowth(Dataset<Row> df) {
    return df.collectAsList().stream()
        .sorted(Comparator.comparing(
            r -> r.<String>getAs("occupationId") + r.<String>getAs("regionCode")))
        .toList();
  }

  @Test
  void rowsCarryTheEmulatorsFiguresAndTheVintageAtOneRequestPerIdAndRegion() {
    try (LightcastEmulator emulator = start(EmulatorConfig.builder())) {
      Dataset<Row> df = reader(emulator)
          .load("occupation_growth")
          .where("occupationId IN ('LO-15-1252','LO-29-1141','LO-13-2011') AND regionType = 'state'"
              + " AND regionCode IN ('06','36')");
      String plan = TestSpark.explain(df);
      assertTrue(plan.contains("In(occupationId, [LO-13-2011,LO-15-1252,LO-29-1141])"), plan);
      assertEquals(0, emulator.journal().entries().size(), "EXPLAIN sent a request");

      List<Row> rows = df.collectAsList();
      assertEquals(6, rows.size());
      for (Row row : rows) {
        String state = row.getAs("regionCode");
        JsonNode expected = emulator
            .pogData()
            .growth("lotocc", row.getAs("occupationId"), state)
            .orElseThrow();
        assertEquals("lotocc", row.getAs("dimension"));
        assertEquals("state", row.getAs("regionType"));
        assertEquals(expected.path("name").asText(), row.getAs("name"));
        assertEquals(expected.path("region").path("name").asText(), row.getAs("regionName"));
        assertEquals(
            expected.path("baseEmployment").asDouble(), (Double) row.getAs("baseEmployment"));
        Row growth = row.getAs("growthPercent");
        for (String horizon : List.of("oneYear", "twoYear", "threeYear", "fiveYear", "tenYear")) {
          assertEquals(expected.path("growthPercent").path(horizon).asDouble(), (Double)
              growth.getAs(horizon));
        }
        assertEquals("36", row.getAs("modelVersion"));
        assertEquals("7", row.getAs("lotVersion"));
        assertEquals("us_area_2025_1", row.getAs("areaVersion"));
        assertEquals(0, row.getList(row.fieldIndex("warnings")).size());
      }
      Row dev = rows.stream()
          .filter(r ->
              "LO-15-1252".equals(r.getAs("occupationId")) && "06".equals(r.getAs("regionCode")))
          .findFirst()
          .orElseThrow();
      assertEquals(0.158, (Double) ((Row) dev.getAs("growthPercent")).getAs("tenYear"), 1e-9);
      assertEquals(6, growthRequests(emulator).size());
      Set<String> asked = growthRequests(emulator).stream()
          .map(e -> e.bodyJson().path("id").asText() + "@"
              + e.bodyJson().path("region").path("level").asText()
              + e.bodyJson().path("region").path("id").asText())
          .collect(Collectors.toSet());
      assertEquals(
          Set.of(
              "LO-13-2011@state6",
              "LO-13-2011@state36",
              "LO-15-1252@state6",
              "LO-15-1252@state36",
              "LO-29-1141@state6",
              "LO-29-1141@state36"),
          asked);
      assertEquals(1, emulator.journal().entries(TOKEN).size());
      assertEquals(1, emulator.journal().entries("/meta").size());
      assertTrue(emulator
          .journal()
          .entries(TOKEN)
          .get(0)
          .body()
          .contains("scope=projected-occupation-growth"));

      List<Row> national = reader(emulator)
          .option("occupationIds", "LO-15-1252")
          .load("occupation_growth")
          .collectAsList();
      assertEquals("national", national.get(0).getAs("regionType"));
      assertTrue(national.get(0).isNullAt(national.get(0).fieldIndex("regionCode")));
      assertEquals("United States", national.get(0).getAs("regionName"));
      assertEquals(1, emulator.journal().entries(TOKEN).size(), "the token is cached per JVM");
      assertEquals(
          2,
          emulator.journal().entries("/meta").size(),
          "the vintage is asked once per read, so a long-lived session sees a new model version");
      Dataset<Row> again = reader(emulator)
          .option("occupationIds", "LO-29-1141,LO-13-2011,LO-15-1252")
          .option("maxPartitions", "3")
          .load("occupation_growth");
      again.collectAsList();
      again.collectAsList();
      assertEquals(
          4, emulator.journal().entries("/meta").size(), "and once per run of the same DataFrame");
      java.util.Iterator<Row> local = again.toLocalIterator();
      int count = 0;
      for (; local.hasNext(); local.next()) {
        count++;
      }
      assertEquals(3, count, "one run of three jobs, one per partition");
      assertEquals(5, emulator.journal().entries("/meta").size(), "that run asked once");
    }
  }

  @Test
  void badInputFailsBeforeAnyRequest() {
    try (LightcastEmulator emulator = start(EmulatorConfig.builder())) {
      assertOptionError(
          "Option regionType has invalid value 'msa': dataset occupation_growth has national and state"
              + " figures only",
          () -> reader(emulator)
              .option("occupationIds", "LO-15-1252")
              .option("regionType", "msa")
              .load("occupation_growth"));
      assertOptionError(
          "Filter on column regionType has invalid value 'msa': dataset occupation_growth has national",
          () -> reader(emulator)
              .option("occupationIds", "LO-15-1252")
              .load("occupation_growth")
              .where("regionType = 'msa'"));
      assertOptionError(
          "Dataset occupation_growth needs occupationId codes (they have no public list to read them"
              + " all from): set option occupationIds",
          () -> reader(emulator).load("occupation_growth"));
      assertOptionError(
          "Option dimension has invalid value 'skills': valid values are lotocc, lotspecocc",
          () -> reader(emulator)
              .option("occupationIds", "x")
              .option("dimension", "skills")
              .load("occupation_growth"));
      assertOptionError(
          "Option secret.platformKey does not apply to dataset occupation_growth",
          () -> reader(emulator)
              .option("occupationIds", "x")
              .option("secret.platformKey", "<platform-key>")
              .load("occupation_growth"));
      assertOptionError(
          "Missing client secret: set option secret.clientSecret, Spark conf"
              + " spark.lightcast.secret.clientSecret or environment variable LIGHTCAST_CLIENT_SECRET",
          () -> TestSpark.session()
              .read()
              .format("lightcast")
              .option("secret.clientId", CLIENT)
              .option("occupationIds", "x")
              .load("occupation_growth"));
      assertEquals(0, emulator.journal().entries().size());
    }
  }

  private static void assertOptionError(
      String expected, java.util.function.Supplier<Dataset<Row>> query) {
    Throwable thrown = assertThrows(Exception.class, () -> query.get().collectAsList());
    Throwable cause = thrown;
    while (cause != null && !(cause instanceof LightcastOptionException)) {
      cause = cause.getCause();
    }
    assertTrue(cause != null && cause.getMessage().contains(expected), String.valueOf(thrown));
  }

  @Test
  void aQueryOutlivingSeveralTokensNeverFailsAndFetchesAboutOneTokenPerLifetime() {
    try (LightcastEmulator emulator =
        start(EmulatorConfig.builder().tokenTtl(Duration.ofSeconds(1)).pogRateLimit(20))) {
      String ids = IntStream.range(0, 12)
          .mapToObj(i -> String.format("LO-15-%04d", 3000 + i))
          .collect(Collectors.joining(","));
      List<Row> rows = reader(emulator)
          .option("occupationIds", ids)
          .option("regionCodes", "06,36")
          .option("rateLimit", "8")
          .load("occupation_growth")
          .collectAsList();
      assertEquals(24, rows.size());
      List<JournalEntry> growth = growthRequests(emulator);
      assertTrue(
          growth.stream().allMatch(e -> e.status() == 200),
          "a request failed: " + growth.stream().map(JournalEntry::status).toList());
      double spanSeconds =
          (growth.get(growth.size() - 1).receivedNanos() - growth.get(0).receivedNanos()) / 1e9;
      int tokens = emulator.journal().entries(TOKEN).size();
      assertTrue(
          spanSeconds > 2.0, "the read should outlive several 1 s tokens, took " + spanSeconds);
      // Renewed at 0.75 s of each 1 s lifetime: about one fetch per 0.75 s, never one per request.
      assertTrue(
          tokens >= spanSeconds / 1.0 && tokens <= spanSeconds / 0.75 + 2,
          tokens + " token requests over " + spanSeconds + " s");
    }
  }

  @Test
  void aRevokedTokenIsReplacedAfterOne401() throws Exception {
    try (LightcastEmulator emulator = start(EmulatorConfig.builder().pogRateLimit(100))) {
      emulator.faults().latency(Duration.ofMillis(80));
      String ids = IntStream.range(0, 20)
          .mapToObj(i -> String.format("LO-29-%04d", 4000 + i))
          .collect(Collectors.joining(","));
      CompletableFuture<List<Row>> query = CompletableFuture.supplyAsync(() -> reader(emulator)
          .option("occupationIds", ids)
          .option("rateLimit", "50")
          .load("occupation_growth")
          .collectAsList());
      while (growthRequests(emulator).size() < 4) {
        Thread.sleep(10);
      }
      emulator.revokeTokens();
      List<Row> rows = query.get();
      assertEquals(20, rows.size());
      assertEquals(
          20,
          rows.stream().map(r -> (String) r.getAs("occupationId")).distinct().count());
      List<Integer> statuses =
          growthRequests(emulator).stream().map(JournalEntry::status).toList();
      long unauthorized = statuses.stream().filter(s -> s == 401).count();
      assertTrue(
          unauthorized >= 1 && unauthorized <= 2, "one 401 per running task at most: " + statuses);
      assertEquals(20 + unauthorized, statuses.size());
      assertEquals(
          2,
          emulator.journal().entries(TOKEN).size(),
          "one token before, one after the revocation");
    }
  }

  @Test
  void aRefusedScopeOrSecretFailsAtOnceWithoutTheSecret() {
    try (LightcastEmulator emulator = start(EmulatorConfig.builder())) {
      ApiException scope = apiException(assertThrows(
          Exception.class,
          () -> reader(emulator)
              .option("scope", "projected-skill-growth")
              .option("occupationIds", "LO-15-1252")
              .load("occupation_growth")
              .collectAsList()));
      assertEquals("invalid_scope", scope.errorCode());
      assertTrue(
          scope.getMessage().contains("the token endpoint refused scope 'projected-skill-growth'"),
          scope.getMessage());
      assertEquals(1, emulator.journal().entries(TOKEN).size(), "a refusal is not retried");

      ApiException secret = apiException(assertThrows(
          Exception.class,
          () -> reader(emulator)
              .option("secret.clientSecret", "<wrong-client-secret>")
              .option("occupationIds", "LO-15-1252")
              .load("occupation_growth")
              .collectAsList()));
      assertEquals("invalid_client", secret.errorCode());
      assertTrue(
          secret.getMessage().contains("refused the client id or secret"), secret.getMessage());
      assertFalse(trace(secret).contains("<wrong-client-secret>"));
      assertEquals(0, growthRequests(emulator).size());
    }
  }

  @Test
  void anIdWithoutDataKeepsItsRowWithAWarningWhileAWrongUrlFails() {
    try (LightcastEmulator emulator = start(EmulatorConfig.builder())) {
      List<Row> rows = reader(emulator)
          .option("occupationIds", "LO-15-1252,LO-99-9999")
          .option("regionCodes", "06")
          .load("occupation_growth")
          .collectAsList();
      assertEquals(2, rows.size());
      Row unknown = rows.stream()
          .filter(r -> "LO-99-9999".equals(r.getAs("occupationId")))
          .findFirst()
          .orElseThrow();
      assertEquals("06", unknown.getAs("regionCode"));
      assertEquals("7", unknown.getAs("lotVersion"));
      for (String figure : List.of("name", "regionName", "baseEmployment", "growthPercent")) {
        assertTrue(unknown.isNullAt(unknown.fieldIndex(figure)), figure);
      }
      List<Row> warnings = unknown.getList(unknown.fieldIndex("warnings"));
      assertEquals(1, warnings.size());
      assertEquals("NOT_FOUND", warnings.get(0).getAs("code"));
      assertEquals("Unrecognized id 'LO-99-9999'", warnings.get(0).getAs("message"));
      Row known = rows.stream()
          .filter(r -> "LO-15-1252".equals(r.getAs("occupationId")))
          .findFirst()
          .orElseThrow();
      assertEquals(0, known.getList(known.fieldIndex("warnings")).size());
      assertEquals(
          List.of(200, 404),
          growthRequests(emulator).stream().map(JournalEntry::status).sorted().toList(),
          "the 404 is an answer, not retried");

      ApiException wrongUrl = apiException(assertThrows(
          Exception.class,
          () -> reader(emulator)
              .option("baseUrl", emulator.pogBaseUrl() + "/v9")
              .option("occupationIds", "LO-15-1252")
              .load("occupation_growth")
              .collectAsList()));
      assertEquals(404, wrongUrl.status());
      assertTrue(wrongUrl.getMessage().contains("URL not found"), wrongUrl.getMessage());
    }
  }

  @Test
  void theSecretAndTheTokenNeverAppearInAnyOutput() {
    try (LightcastEmulator emulator = start(EmulatorConfig.builder());
        LogCapture logs = LogCapture.install()) {
      Dataset<Row> df = reader(emulator)
          .option("occupationIds", "LO-15-1252,LO-29-1141")
          .option("regionCodes", "06")
          .load("occupation_growth");
      StringBuilder outputs = new StringBuilder(TestSpark.explain(df));
      df.collectAsList();
      outputs.append(df.queryExecution().toString());
      outputs.append(
          java.util.Arrays.toString(TestSpark.scanOf(df).toBatch().planInputPartitions()));
      emulator.revokeTokens();
      emulator.faults().failEveryNth(1, 503);
      Exception failure = assertThrows(
          Exception.class,
          () -> reader(emulator)
              .option("occupationIds", "LO-15-1252")
              .option("maxRetries", "1")
              .load("occupation_growth")
              .collectAsList());
      outputs.append(trace(failure));
      logs.lines().forEach(outputs::append);
      String token = emulator
          .journal()
          .entries(GROWTH)
          .get(0)
          .headers()
          .get("authorization")
          .substring(7);
      Set<String> secrets = new HashSet<>(List.of(SECRET, "client-secret>", token));
      for (String secret : secrets) {
        assertFalse(
            outputs.toString().contains(secret),
            "leaked: " + (secret.equals(token) ? "the token" : secret));
      }
    }
  }

  private static String trace(Throwable t) {
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }
}
