package io.github.lightcastspark.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The emulator against the contract, over real HTTP with the JDK's client. */
class LmiEmulatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "pk_test_emulator_unit";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static LightcastEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = LightcastEmulator.start(EmulatorConfig.builder().platformKeys(KEY)
        .lmiRateLimit(10_000, Duration.ofSeconds(1)).build());
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @BeforeEach
  void clean() {
    emulator.faults().reset();
    emulator.journal().clear();
  }

  record Reply(int status, JsonNode body, HttpResponse<String> raw) {
    String code() {
      return body.path("error").path("code").asText();
    }
  }

  private static Reply post(LightcastEmulator target, String endpoint, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.lmiBaseUrl()
        + "/labor-market-intelligence/" + endpoint)).POST(HttpRequest.BodyPublishers.ofString(body.replace('\'', '"')))
        .header("Content-Type", "application/json");
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json;
    try {
      json = JSON.readTree(response.body());
    } catch (IOException e) {
      json = null;
    }
    return new Reply(response.statusCode(), json, response);
  }

  private static Reply bySoc(String body) throws Exception {
    return post(emulator, "by-soc", body, "Authorization", "Bearer " + KEY);
  }

  @Test
  void bothHeaderSpellingsAuthenticateAndBadKeysAreRefused() throws Exception {
    String body = "{'socCodes':['15-1252']}";
    assertEquals(200, post(emulator, "by-soc", body, "Authorization", "Bearer " + KEY).status());
    assertEquals(200, post(emulator, "by-soc", body, "X-API-Key", KEY).status());
    Reply missing = post(emulator, "by-soc", body);
    assertEquals(401, missing.status());
    assertEquals("UNAUTHORIZED", missing.code());
    Reply wrong = post(emulator, "by-soc", body, "Authorization", "Bearer pk_test_other");
    assertEquals(401, wrong.status());
    assertEquals("INVALID_API_KEY", wrong.code());
    assertFalse(wrong.raw().body().contains("pk_test_other"), "a key was echoed");
    assertEquals("error", wrong.body().path("object").asText());
    assertNotNull(wrong.body().path("error").path("documentationUrl").textValue());
  }

  @Test
  void productionRequiresACustomerKeyInEitherHeader() throws Exception {
    try (LightcastEmulator prod = LightcastEmulator.start(EmulatorConfig.builder()
        .mode(EmulatorConfig.Mode.PRODUCTION).customerKeys("ck_good").build())) {
      String body = "{'socCodes':['15-1252']}";
      Reply noCustomer = post(prod, "by-soc", body, "Authorization", "Bearer pk_live_any");
      assertEquals(403, noCustomer.status());
      assertEquals("Missing X-Customer-Key header", noCustomer.body().path("error").path("message").asText());
      assertEquals("FORBIDDEN", post(prod, "by-soc", body, "Authorization", "Bearer pk_live_any",
          "X-Customer-Key", "ck_bad").code());
      assertEquals(200, post(prod, "by-soc", body, "Authorization", "Bearer pk_live_any",
          "X-Customer-Key", "ck_good").status());
      assertEquals(200, post(prod, "by-soc", body, "Authorization", "Bearer pk_live_any",
          "X-End-Customer-API-Key", "ck_good").status());
      assertEquals("INVALID_API_KEY", post(prod, "by-soc", body, "Authorization", "Bearer pk_test_any",
          "X-Customer-Key", "ck_good").code());
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{}|MISSING_REQUIRED_FIELD",
      "{'socCodes':[]}|MISSING_REQUIRED_FIELD",
      "{'socCodes':['15-1252'],'regionType':'county'}|INVALID_INPUT",
      "{'socCodes':['151252']}|INVALID_FORMAT",
      "{'socCodes':['15-1252'],'regionType':'state'}|MISSING_REQUIRED_FIELD",
      "{'socCodes':['15-1252'],'regionType':'state','region':'57'}|INVALID_INPUT",
      "{'socCodes':['15-1252'],'regionType':'msa','region':'99999'}|INVALID_INPUT",
      "{'socCodes':['15-1252'],'fields':['salary']}|INVALID_INPUT",
      "not json|INVALID_INPUT",
  })
  void validationFollowsTheContractTable(String body, String code) throws Exception {
    Reply reply = bySoc(body);
    assertEquals(400, reply.status());
    assertEquals(code, reply.code());
  }

  @Test
  void moreThan25CodesIsRefused() throws Exception {
    StringBuilder codes = new StringBuilder();
    for (int i = 0; i < 26; i++) {
      codes.append(i == 0 ? "" : ",").append(String.format("'15-%04d'", 1000 + i));
    }
    Reply reply = bySoc("{'socCodes':[" + codes + "]}");
    assertEquals(400, reply.status());
    assertEquals("INVALID_INPUT", reply.code());
    assertEquals("26", reply.body().path("error").path("details").path("value").asText());
  }

  @Test
  void regionsAreAcceptedPaddedUnpaddedOrNumericAndFiguresMatchTheData() throws Exception {
    for (String region : List.of("'6'", "'06'", "6")) {
      Reply reply = bySoc("{'socCodes':['15-1252'],'regionType':'state','region':" + region + "}");
      assertEquals(200, reply.status(), region);
      assertEquals(JSON.readTree(emulator.data().occupationJson("15-1252", "state", "06", false, false).toString()),
          reply.body().path("data").path("matchedOccupations").get(0));
    }
    Reply national = bySoc("{'socCodes':['15-1252']}");
    JsonNode lmd = national.body().path("data").path("matchedOccupations").get(0).path("laborMarketData");
    assertEquals(133080.0, lmd.path("medianAnnualSalary").asDouble());
    assertEquals(1654440, lmd.path("totalEmployment").asLong());
    assertEquals("national", national.body().path("data").path("regionType").asText());
    assertTrue(national.body().path("data").path("region").isMissingNode());
  }

  @Test
  void sparseFieldsSkillsFallbackAndUnknownCodes() throws Exception {
    JsonNode sparse = bySoc("{'socCodes':['15-1252'],'fields':['name']}").body().path("data")
        .path("matchedOccupations").get(0);
    assertEquals(List.of("name"), iterable(sparse.fieldNames()));
    JsonNode skills = bySoc("{'socCodes':['15-1252'],'includeSkills':true}").body().path("data")
        .path("matchedOccupations").get(0).path("skillRequirements").path("coreSkills");
    assertEquals(5, skills.size());
    assertTrue(skills.get(0).path("level").asInt() >= 1 && skills.get(0).path("level").asInt() <= 5);
    assertTrue(bySoc("{'socCodes':['15-1252']}").body().path("data").path("matchedOccupations").get(0)
        .path("skillRequirements").isMissingNode());

    for (String flag : List.of("fallbackToState", "allowStateFallback", "stateFallback", "msaStateFallback")) {
      JsonNode data = bySoc("{'socCodes':['15-1252'],'regionType':'msa','region':'12060','" + flag + "':true}")
          .body().path("data");
      assertEquals("MSA_TO_STATE_PROJECTION_FALLBACK", data.path("warnings").get(0).path("code").asText(), flag);
      assertEquals("15-1252", data.path("warnings").get(0).path("socCode").asText());
      assertEquals(0.158, data.path("matchedOccupations").get(0).path("laborMarketData")
          .path("forecastedEmploymentGrowth").asDouble(), 1e-9);
    }
    JsonNode noFallback = bySoc("{'socCodes':['15-1252'],'regionType':'msa','region':'12060'}").body().path("data");
    assertTrue(noFallback.path("matchedOccupations").get(0).path("laborMarketData")
        .path("forecastedEmploymentGrowth").isNull());
    assertEquals(0, noFallback.path("warnings").size());
    JsonNode withProjections = bySoc("{'socCodes':['15-1252'],'regionType':'msa','region':'41860',"
        + "'fallbackToState':true}").body().path("data");
    assertEquals(0, withProjections.path("warnings").size());

    JsonNode unknown = bySoc("{'socCodes':['99-9999','15-9999']}").body().path("data");
    assertEquals("INVALID_SOC_CODE", unknown.path("warnings").get(0).path("code").asText());
    assertEquals("Synthetic occupation 15-9999", unknown.path("matchedOccupations").get(0).path("name").asText());
  }

  @Test
  void byCipAttributesMatchesAndWarnsAboutUnknownCodes() throws Exception {
    JsonNode data = post(emulator, "by-cip", "{'cipCodes':['11.0701','51.3801','99.9999']}", "Authorization",
        "Bearer " + KEY).body().path("data");
    assertEquals("INVALID_CIP_CODE", data.path("warnings").get(0).path("code").asText());
    assertEquals("99.9999", data.path("warnings").get(0).path("cipCode").asText());
    int matches = 0;
    for (JsonNode occupation : data.path("matchedOccupations")) {
      for (JsonNode cip : occupation.path("cipCodes")) {
        assertTrue(emulator.data().socCodesForCip(cip.asText()).contains(occupation.path("socCode").asText()));
        matches++;
      }
    }
    assertEquals(emulator.data().socCodesForCip("11.0701").size() + emulator.data().socCodesForCip("51.3801").size(),
        matches);
    try (LightcastEmulator plain = LightcastEmulator.start(EmulatorConfig.builder().cipAttribution(false)
        .unknownCipAs404(true).build())) {
      JsonNode unattributed = post(plain, "by-cip", "{'cipCodes':['11.0701','51.3801']}", "Authorization",
          "Bearer pk_test_x").body().path("data");
      unattributed.path("matchedOccupations").forEach(o -> assertTrue(o.path("cipCodes").isMissingNode()));
      Reply notFound = post(plain, "by-cip", "{'cipCodes':['99.9999']}", "Authorization", "Bearer pk_test_x");
      assertEquals(404, notFound.status());
      assertEquals("CIP_NOT_FOUND", notFound.code());
    }
  }

  @Test
  void regionsListStatesAndMsas() throws Exception {
    HttpResponse<String> states = HTTP.send(HttpRequest.newBuilder(URI.create(emulator.lmiBaseUrl()
        + "/labor-market-intelligence/regions?type=state")).header("Authorization", "Bearer " + KEY).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode list = JSON.readTree(states.body()).path("data").path("regions");
    assertEquals(52, list.size());
    assertTrue(list.toString().contains("{\"type\":\"state\",\"code\":\"6\",\"name\":\"California\"}"));
    assertEquals("type=state", emulator.journal().entries().get(0).query());
  }

  @Test
  void theTokenBucketAnswers429WithRetryAfterAndHeaders() throws Exception {
    try (LightcastEmulator limited = LightcastEmulator.start(EmulatorConfig.builder()
        .lmiRateLimit(3, Duration.ofSeconds(60)).build())) {
      String body = "{'socCodes':['15-1252']}";
      for (int i = 0; i < 3; i++) {
        Reply ok = post(limited, "by-soc", body, "Authorization", "Bearer pk_test_a");
        assertEquals(200, ok.status());
        assertEquals("3", ok.raw().headers().firstValue("X-RateLimit-Limit").orElseThrow());
        assertEquals(String.valueOf(2 - i), ok.raw().headers().firstValue("X-RateLimit-Remaining").orElseThrow());
      }
      Reply limitedReply = post(limited, "by-soc", body, "Authorization", "Bearer pk_test_a");
      assertEquals(429, limitedReply.status());
      assertEquals("RATE_LIMITED", limitedReply.code());
      long retryAfter = Long.parseLong(limitedReply.raw().headers().firstValue("Retry-After").orElseThrow());
      assertTrue(retryAfter >= 19 && retryAfter <= 20, String.valueOf(retryAfter));
      long reset = Long.parseLong(limitedReply.raw().headers().firstValue("X-RateLimit-Reset").orElseThrow());
      assertTrue(reset > System.currentTimeMillis() / 1000 + 50, String.valueOf(reset));
      assertEquals(200, post(limited, "by-soc", body, "Authorization", "Bearer pk_test_b").status(),
          "each key has its own bucket");
    }
  }

  @Test
  void injectedFaultsAndTheJournal() throws Exception {
    String body = "{'socCodes':['15-1252']}";
    emulator.faults().tooManyRequests(1, 2);
    Reply tooMany = bySoc(body);
    assertEquals(429, tooMany.status());
    assertEquals("2", tooMany.raw().headers().firstValue("Retry-After").orElseThrow());
    emulator.faults().failEveryNth(2, 502);
    assertEquals(200, bySoc(body).status());
    assertEquals(502, bySoc(body).status());
    assertEquals(200, bySoc(body).status());
    emulator.faults().reset().malformedBody(1);
    Reply malformed = bySoc(body);
    assertEquals(200, malformed.status());
    assertEquals(null, malformed.body());
    emulator.faults().dropConnection(1);
    assertThrows(IOException.class, () -> bySoc(body));
    emulator.faults().reset().latency(Duration.ofMillis(150));
    long start = System.nanoTime();
    assertEquals(200, bySoc(body).status());
    assertTrue(System.nanoTime() - start >= 150_000_000L);
    emulator.faults().reset().serverErrorRate(1.0, 7);
    assertEquals(503, bySoc(body).status());

    List<JournalEntry> journal = emulator.journal().entries("/by-soc");
    assertEquals(List.of(429, 200, 502, 200, 200, 0, 200, 503), journal.stream().map(JournalEntry::status).toList());
    assertEquals("Bearer " + KEY, journal.get(0).headers().get("authorization"));
    assertEquals("15-1252", journal.get(0).bodyJson().path("socCodes").get(0).asText());
    for (int i = 1; i < journal.size(); i++) {
      assertTrue(journal.get(i).receivedNanos() >= journal.get(i - 1).receivedNanos());
    }
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> list = new java.util.ArrayList<>();
    it.forEachRemaining(list::add);
    return list;
  }
}
