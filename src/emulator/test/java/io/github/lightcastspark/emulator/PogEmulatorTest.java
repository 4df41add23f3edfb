package io.github.lightcastspark.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The emulator's token endpoint and Projected Occupation Growth API against the contract, over real HTTP. */
class PogEmulatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String SCOPE = "projected-occupation-growth";

  private static HttpResponse<String> token(LightcastEmulator emulator, String form)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(emulator.tokenUrl()))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String accessToken(LightcastEmulator emulator) throws Exception {
    return JSON.readTree(token(
                emulator,
                "grant_type=client_credentials&client_id=c1&client_secret=s1&scope=" + SCOPE)
            .body())
        .path("access_token")
        .asText();
  }

  private static HttpResponse<String> growth(LightcastEmulator emulator, String token, String body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(emulator.pogBaseUrl() + "/dimensions/lotocc"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.replace('\'', '"')))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(LightcastEmulator emulator, String path, String token)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(emulator.pogBaseUrl() + path))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static LightcastEmulator start(EmulatorConfig.Builder config) {
    return LightcastEmulator.start(
        config.pogClient("c1", "s1", SCOPE).pogClient("c2", "s2", "other-scope").build());
  }

  @Test
  void theTokenEndpointChecksClientSecretGrantAndScope() throws Exception {
    try (LightcastEmulator emulator =
        start(EmulatorConfig.builder().tokenTtl(Duration.ofSeconds(2)))) {
      HttpResponse<String> ok = token(
          emulator, "grant_type=client_credentials&client_id=c1&client_secret=s1&scope=" + SCOPE);
      JsonNode body = JSON.readTree(ok.body());
      assertEquals(200, ok.statusCode());
      assertEquals(2, body.path("expires_in").asInt());
      assertEquals("Bearer", body.path("token_type").asText());
      assertTrue(ok.headers().firstValue("Cache-Control").orElseThrow().contains("no-store"));
      assertEquals(
          "{\"error\":\"invalid_client\"}",
          token(
                  emulator,
                  "grant_type=client_credentials&client_id=c1&client_secret=bad&scope=" + SCOPE)
              .body());
      assertEquals(
          "{\"error\":\"invalid_scope\"}",
          token(
                  emulator,
                  "grant_type=client_credentials&client_id=c2&client_secret=s2&scope=" + SCOPE)
              .body());
      assertEquals(
          "{\"error\":\"unsupported_grant_type\"}",
          token(emulator, "grant_type=password&client_id=c1&client_secret=s1&scope=" + SCOPE)
              .body());
      assertEquals(
          400,
          token(emulator, "grant_type=client_credentials&client_id=c1&client_secret=bad")
              .statusCode());
    }
  }

  @Test
  void growthMetaAndDimensionsFollowTheContract() throws Exception {
    try (LightcastEmulator emulator = start(EmulatorConfig.builder().pogRateLimit(100))) {
      String token = accessToken(emulator);
      JsonNode data = JSON.readTree(
              growth(emulator, token, "{'id':'LO-15-1252','region':{'level':'state','id':'6'}}")
                  .body())
          .path("data");
      assertEquals("Software Developers", data.path("name").asText());
      assertEquals("California", data.path("region").path("name").asText());
      assertEquals(0.158, data.path("growthPercent").path("tenYear").asDouble(), 1e-9);
      double one = data.path("growthPercent").path("oneYear").asDouble();
      assertEquals(Math.pow(1.158, 0.1) - 1, one, 1e-4);
      assertEquals(
          "us",
          JSON.readTree(growth(
                      emulator,
                      token,
                      "{'id':'LO-15-1252','region':{'level':'nation'," + "'id':'US'}}")
                  .body())
              .path("data")
              .path("region")
              .path("id")
              .asText());
      assertEquals(
          404,
          growth(emulator, token, "{'id':'LO-99-9999','region':{'level':'nation','id':'us'}}")
              .statusCode());
      assertEquals(
          400,
          growth(emulator, token, "{'id':'LO-15-1252','region':{'level':'msa','id':'41860'}}")
              .statusCode());
      assertEquals(
          400,
          growth(emulator, token, "{'region':{'level':'nation','id':'us'}}").statusCode());
      assertEquals(
          400,
          growth(emulator, token, "{'id':'LO-15-1252','region':{'level':'state','id':6}}")
              .statusCode(),
          "region.id is a string");
      JsonNode meta =
          JSON.readTree(get(emulator, "/meta?lot_version=6", token).body()).path("data");
      assertEquals(
          "36", meta.path("modelVersions").path("projectedOccupationGrowth").asText());
      assertEquals("6", meta.path("taxonomyVersions").path("lot").asText());
      emulator.pogData().publishModelVersion("37");
      assertEquals(
          "37",
          JSON.readTree(get(emulator, "/meta?lot_version=6", token).body())
              .path("data")
              .path("modelVersions")
              .path("projectedOccupationGrowth")
              .asText());
      assertEquals(
          "[\"lotocc\",\"lotspecocc\"]",
          JSON.readTree(get(emulator, "/dimensions", token).body()).path("data").toString());
      assertEquals(404, get(emulator, "/dimensions/foo", token).statusCode());
      assertEquals(
          "LOT Occupation",
          JSON.readTree(get(emulator, "/dimensions/lotocc", token).body())
              .path("data")
              .path("title")
              .asText());
      assertEquals(400, get(emulator, "/meta?lot_version=9", token).statusCode());
    }
  }

  @Test
  void bearerChecksExpiryRevocationAndTheFivePerSecondLimit() throws Exception {
    try (LightcastEmulator emulator =
        start(EmulatorConfig.builder().tokenTtl(Duration.ofSeconds(1)))) {
      String body = "{'id':'LO-15-1252','region':{'level':'nation','id':'us'}}";
      HttpResponse<String> missing = growth(emulator, "nope", body);
      assertEquals(401, missing.statusCode());
      assertEquals(
          "Invalid or expired token",
          JSON.readTree(missing.body()).path("errors").get(0).path("detail").asText());
      String token = accessToken(emulator);
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        statuses.add(growth(emulator, token, body).statusCode());
      }
      assertEquals(
          List.of(200, 200, 200, 200, 200), statuses.subList(0, 5), "a burst of five passes");
      assertTrue(statuses.contains(429), "then the 5-per-second bucket runs dry: " + statuses);
      Thread.sleep(1100);
      assertEquals(401, growth(emulator, token, body).statusCode(), "expired");
      String fresh = accessToken(emulator);
      assertEquals(200, growth(emulator, fresh, body).statusCode());
      emulator.revokeTokens();
      assertEquals(401, growth(emulator, fresh, body).statusCode(), "revoked");
    }
  }
}
