package io.github.lightcastspark.spark;

import static io.github.lightcastspark.spark.Failures.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lightcastspark.StubServer;
import io.github.lightcastspark.core.transport.ApiException;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.DataFrameReader;
import org.junit.jupiter.api.Test;

/**
 * A 200 whose body is not the contract's shape, or that says nothing of a requested code, is
 * {@code MALFORMED_RESPONSE} naming the request: never a row of null figures, never an empty result.
 */
class MalformedResponseTest {
  private static final String BY_SOC = "/v1" + TestEmulators.BY_SOC;

  private static DataFrameReader lmi(StubServer api) {
    return TestSpark.session()
        .read()
        .format("lightcast")
        .option("baseUrl", api.url() + "/v1")
        .option("secret.platformKey", TestEmulators.PLATFORM_KEY)
        .option("environment", "testing")
        .option("maxRetries", "2");
  }

  private static void assertMalformed(String request, String why, ApiException e) {
    assertEquals(ApiException.MALFORMED_RESPONSE, e.errorCode(), e.getMessage());
    assertTrue(
        e.getMessage()
            .startsWith("Lightcast request failed for " + request
                + ": HTTP 200 MALFORMED_RESPONSE: " + why),
        e.getMessage());
  }

  @Test
  void anLmiAnswerOfAnotherShapeOrAboutOtherCodesFailsNamingTheRequest() {
    Map<String, String> bodies = Map.of(
        "{}",
        "the response has no \"data\" object",
        "{\"status\":\"ok\"}",
        "the response has no \"data\" object",
        "{\"data\":null}",
        "the response has no \"data\" object",
        "{\"data\":{\"matchedOccupations\":{\"socCode\":\"15-1252\"}}}",
        "\"data.matchedOccupations\" is OBJECT, not an array",
        "{\"data\":{\"matchedOccupations\":[{\"name\":\"Software Developers\"}]}}",
        "an occupation of the response has no socCode",
        "{\"data\":{\"matchedOccupations\":[{\"socCode\":null,\"name\":\"x\"}]}}",
        "an occupation of the response has no socCode",
        "{\"data\":{\"matchedOccupations\":[{\"socCode\":\"11-1011\",\"name\":\"Chief Executives\"}]}}",
        "the response says nothing of socCode 15-1252: no occupation and no warning names it",
        "{\"data\":{\"matchedOccupations\":[],\"warnings\":\"none\"}}",
        "\"data.warnings\" is STRING, not an array");
    bodies.forEach((body, why) -> {
      try (StubServer api = StubServer.answering(BY_SOC, body)) {
        assertMalformed(
            "occupations [15-1252] @ national",
            why,
            failure(
                () -> lmi(api).option("socCodes", "15-1252").load("occupations").collectAsList()));
        assertEquals(1, api.requests(), body + ": a malformed answer is not retried");
      }
    });
  }

  @Test
  void aCodeTheApiAnsweredWithAWarningKeepsItsRow() {
    try (StubServer api = StubServer.answering(
        BY_SOC,
        "{\"data\":{\"matchedOccupations\":[],\"warnings\":["
            + "{\"code\":\"INVALID_SOC_CODE\",\"message\":\"SOC code 15-1252 not found\","
            + "\"socCode\":\"15-1252\"}]}}")) {
      var rows = lmi(api).option("socCodes", "15-1252").load("occupations").collectAsList();
      assertEquals(1, rows.size());
      assertEquals(
          "INVALID_SOC_CODE",
          rows.get(0)
              .<org.apache.spark.sql.Row>getList(rows.get(0).fieldIndex("warnings"))
              .get(0)
              .getAs("code"));
    }
  }

  @Test
  void aByCipAnswerAboutOtherCodesFails() {
    try (StubServer api = StubServer.answering(
        "/v1" + TestEmulators.BY_CIP,
        "{\"data\":{\"matchedOccupations\":["
            + "{\"socCode\":\"15-1252\",\"cipCodes\":[\"11.0101\"]}]}}")) {
      assertMalformed(
          "occupations_by_cip [11.0701] @ national",
          "the response says nothing of cipCode 11.0701: no occupation and no warning names it",
          failure(() ->
              lmi(api).option("cipCodes", "11.0701").load("occupations_by_cip").collectAsList()));
    }
  }

  @Test
  void aRegionsAnswerWithoutAListFails() {
    for (String body : List.of("{}", "{\"data\":{}}", "{\"data\":{\"regions\":[\"06\"]}}")) {
      try (StubServer api = StubServer.answering("/v1" + TestEmulators.REGIONS, body)) {
        ApiException e = failure(() -> lmi(api).load("regions").collectAsList());
        assertEquals(ApiException.MALFORMED_RESPONSE, e.errorCode(), body + ": " + e.getMessage());
        assertTrue(e.getMessage().contains("regions @ all regions"), e.getMessage());
      }
    }
  }

  @Test
  void aGrowthAnswerOfAnotherShapeOrAboutAnotherIdFails() {
    Map<String, String> bodies = Map.of(
        "{}",
        "the response has no \"data\" object",
        "{\"data\":null}",
        "the response has no \"data\" object",
        "{\"data\":{\"id\":\"LO-29-1141\",\"growthPercent\":{\"oneYear\":0.01}}}",
        "the response is about occupation id \"LO-29-1141\", not the one requested",
        "{\"data\":{\"growthPercent\":{\"oneYear\":0.01}}}",
        "the response names no occupation id");
    bodies.forEach((body, why) -> {
      try (StubServer api = StubServer.routing(Map.of(
          "/token", StubServer.json("{\"access_token\":\"<token>\",\"expires_in\":3600}"),
          "/pog/meta",
              StubServer.json(
                  "{\"data\":{\"modelVersions\":{\"projectedOccupationGrowth\":\"36\"}}}"),
          "/pog/dimensions", StubServer.json(body)))) {
        assertMalformed(
            "occupation_growth [LO-15-1252] @ national",
            why,
            failure(() -> TestEmulators.pogOf(api)
                .option("maxRetries", "2")
                .option("occupationIds", "LO-15-1252")
                .load("occupation_growth")
                .collectAsList()));
      }
    });
  }
}
