package io.github.lightcastspark.emulator;

import static io.github.lightcastspark.emulator.EmulatorHttp.KEY;
import static io.github.lightcastspark.emulator.EmulatorHttp.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.lightcastspark.emulator.EmulatorHttp.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Request validation as the contract's emulator table (A.5) says, routing errors, and the envelope's details. */
class ValidationTest extends SharedEmulatorTest {
  /** {@code CODES} stands for the endpoint's codes field, {@code CODE} for a well-formed code of its kind. */
  @ParameterizedTest(name = "{0}: {1} -> {2} {3}={4}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "by-soc|{}|MISSING_REQUIRED_FIELD|socCodes|-",
        "by-cip|{}|MISSING_REQUIRED_FIELD|cipCodes|-",
        "by-soc|{'CODES':[]}|MISSING_REQUIRED_FIELD|socCodes|-",
        "by-cip|{'CODES':null}|MISSING_REQUIRED_FIELD|cipCodes|-",
        "by-soc|{'CODES':'15-1252'}|INVALID_INPUT|socCodes|\"15-1252\"",
        "by-soc|{'CODES':['151252']}|INVALID_FORMAT|socCodes|151252",
        "by-soc|{'CODES':['15-1252.00']}|INVALID_FORMAT|socCodes|15-1252.00",
        "by-cip|{'CODES':['11.0701','110701']}|INVALID_FORMAT|cipCodes|110701",
        "by-cip|{'CODES':['11-0701']}|INVALID_FORMAT|cipCodes|11-0701",
        "by-cip|{'CODES':[11.0701]}|INVALID_FORMAT|cipCodes|11.0701",
        "by-soc|{'CODES':['CODE'],'regionType':'county'}|INVALID_INPUT|regionType|county",
        "by-cip|{'CODES':['CODE'],'regionType':'STATE','region':'6'}|INVALID_INPUT|regionType|STATE",
        "by-soc|{'CODES':['CODE'],'regionType':'state'}|MISSING_REQUIRED_FIELD|region|-",
        "by-cip|{'CODES':['CODE'],'regionType':'msa','region':''}|MISSING_REQUIRED_FIELD|region|-",
        "by-soc|{'CODES':['CODE'],'regionType':'state','region':'57'}|INVALID_INPUT|region|57",
        "by-cip|{'CODES':['CODE'],'regionType':'state','region':'41860'}|INVALID_INPUT|region|41860",
        "by-soc|{'CODES':['CODE'],'regionType':'msa','region':'06'}|INVALID_INPUT|region|06",
        "by-soc|{'CODES':['CODE'],'regionType':'msa','region':'99999'}|INVALID_INPUT|region|99999",
        "by-cip|{'CODES':['CODE'],'regionType':'state','regionCode':'99'}|INVALID_INPUT|regionCode|99",
        "by-soc|{'CODES':['CODE'],'regionType':'state','region':{'code':'6'}}|INVALID_INPUT|region|{\"code\":\"6\"}",
        "by-soc|{'CODES':['CODE'],'fields':['name','salary']}|INVALID_INPUT|fields|salary",
        "by-cip|{'CODES':['CODE'],'fields':'name'}|INVALID_INPUT|fields|\"name\"",
        "by-soc|{'CODES':['CODE'],'includeSkills':'true'}|INVALID_INPUT|includeSkills|\"true\"",
        "by-cip|{'CODES':['CODE'],'regionType':'msa','region':'41860','fallbackToState':1}"
            + "|INVALID_INPUT|fallbackToState|1",
        "by-soc|not json|INVALID_INPUT|-|-",
        "by-cip|{'CODES':['CODE']|INVALID_INPUT|-|-",
        "by-soc|['15-1252']|INVALID_INPUT|-|-",
        "by-cip|''|INVALID_INPUT|-|-",
      })
  void invalidBodiesAre400WithTheTablesCodeAndDetails(
      String endpoint, String body, String code, String field, String value) {
    boolean soc = endpoint.equals("by-soc");
    String request = body.replace("CODES", soc ? "socCodes" : "cipCodes")
        .replace("CODE", soc ? "15-1252" : "11.0701");
    Reply reply = post(emulator, endpoint, request);
    assertEquals(400, reply.status(), reply.raw().body());
    assertEquals(code, reply.code(), reply.raw().body());
    assertEquals(field, reply.body().path("error").path("details").path("field").textValue());
    assertEquals(value, reply.body().path("error").path("details").path("value").textValue());
  }

  @Test
  void aBodyThatIsNotDeclaredJsonIs400() {
    Reply plain = EmulatorHttp.send(
        emulator,
        "POST",
        "/v1/labor-market-intelligence/by-soc",
        "{\"socCodes\":[\"15-1252\"]}",
        "Authorization",
        "Bearer " + EmulatorHttp.KEY,
        "Content-Type",
        "text/plain");
    assertEquals(400, plain.status(), plain.raw().body());
    assertEquals("INVALID_INPUT", plain.code());
    assertEquals(
        "Content-Type", plain.body().path("error").path("details").path("field").textValue());
  }

  @ParameterizedTest
  @CsvSource({"by-soc,15", "by-cip,11"})
  void atMost25CodesPerRequest(String endpoint, String prefix) {
    String separator = endpoint.equals("by-soc") ? "-" : ".";
    String field = endpoint.equals("by-soc") ? "socCodes" : "cipCodes";
    StringBuilder codes = new StringBuilder();
    for (int i = 0; i < 26; i++) {
      codes
          .append(i == 0 ? "" : ",")
          .append("'")
          .append(prefix)
          .append(separator)
          .append(1000 + i)
          .append("'");
    }
    Reply tooMany = post(emulator, endpoint, "{'" + field + "':[" + codes + "]}");
    assertEquals(400, tooMany.status());
    assertEquals("INVALID_INPUT", tooMany.code());
    assertEquals(
        "26", tooMany.body().path("error").path("details").path("value").asText());
    String twentyFive = codes.substring(0, codes.lastIndexOf(","));
    assertEquals(
        200, post(emulator, endpoint, "{'" + field + "':[" + twentyFive + "]}").status());
  }

  @Test
  void validRegionsAndFlagsPass() {
    for (String body : new String[] {
      "{'socCodes':['15-1252'],'regionType':'national','region':'ignored'}",
      "{'socCodes':['15-1252'],'regionType':null}",
      "{'socCodes':['15-1252'],'regionType':'state','region':6}",
      "{'socCodes':['15-1252'],'regionType':'state','regionCode':'06'}",
      "{'socCodes':['15-1252'],'regionType':'msa','region':41860,'fields':[],'includeSkills':false}"
    }) {
      assertEquals(200, post(emulator, "by-soc", body).status(), body);
    }
  }

  @Test
  void unknownPathsAre404AndWrongMethods405WithTheEnvelope() {
    Reply unknownEndpoint = EmulatorHttp.send(
        emulator, "POST", EmulatorHttp.LMI + "/by-naics", "{}", "Authorization", "Bearer " + KEY);
    assertEquals(404, unknownEndpoint.status());
    assertEquals("NOT_FOUND", unknownEndpoint.code());
    assertEquals("error", unknownEndpoint.body().path("object").asText());
    Reply outsideTheApi = EmulatorHttp.send(emulator, "GET", "/nothing", null);
    assertEquals(404, outsideTheApi.status());
    assertEquals("NOT_FOUND", outsideTheApi.code());

    Reply getBySoc = EmulatorHttp.send(
        emulator, "GET", EmulatorHttp.LMI + "/by-soc", null, "Authorization", "Bearer " + KEY);
    assertEquals(405, getBySoc.status());
    assertEquals("POST", getBySoc.header("Allow"));
    assertFalse(getBySoc.code().isEmpty());
    Reply postRegions = EmulatorHttp.send(
        emulator, "POST", EmulatorHttp.LMI + "/regions", "{}", "Authorization", "Bearer " + KEY);
    assertEquals(405, postRegions.status());
    assertEquals("GET", postRegions.header("Allow"));
  }

  @Test
  void anUnknownRegionTypeInTheRegionsListIs400() {
    Reply reply = EmulatorHttp.regions(emulator, "type=county");
    assertEquals(400, reply.status());
    assertEquals("INVALID_INPUT", reply.code());
    assertEquals(
        "type", reply.body().path("error").path("details").path("field").asText());
  }
}
