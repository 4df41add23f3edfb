package io.github.lightcastspark.emulator;

import static io.github.lightcastspark.emulator.EmulatorHttp.KEY;
import static io.github.lightcastspark.emulator.EmulatorHttp.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lightcastspark.emulator.EmulatorHttp.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Platform and customer keys, in both header spellings, in the testing and the production environment (A.2). */
class AuthenticationTest {
  private static final String BODY = "{'socCodes':['15-1252']}";

  @Test
  void theTestingEnvironmentTakesThePlatformKeyInEitherHeaderAndNeedsNoCustomerKey() {
    try (LightcastEmulator emulator =
        LightcastEmulator.start(EmulatorConfig.builder().platformKeys(KEY).build())) {
      assertEquals(
          200, post(emulator, "by-soc", BODY, "Authorization", "Bearer " + KEY).status());
      assertEquals(
          200, post(emulator, "by-soc", BODY, "Authorization", "bearer " + KEY).status());
      assertEquals(200, post(emulator, "by-soc", BODY, "X-API-Key", KEY).status());
      assertEquals(
          200,
          post(emulator, "by-soc", BODY, "X-API-Key", KEY, "X-Customer-Key", "anything")
              .status());
    }
  }

  @Test
  void aMissingOrUnknownPlatformKeyIs401InTheEnvelopeAndNoKeyIsEchoed() {
    try (LightcastEmulator emulator =
        LightcastEmulator.start(EmulatorConfig.builder().platformKeys(KEY).build())) {
      Reply missing = post(emulator, "by-soc", BODY, "Accept", "application/json");
      assertEquals(401, missing.status());
      assertEquals("UNAUTHORIZED", missing.code());
      assertEquals(
          "Missing Authorization header",
          missing.body().path("error").path("message").asText());
      assertEquals(
          "UNAUTHORIZED",
          post(emulator, "by-soc", BODY, "Authorization", "Basic abc").code());

      Reply unknown =
          post(emulator, "by-soc", BODY, "Authorization", "Bearer pk_test_someone_else");
      assertEquals(401, unknown.status());
      assertEquals("INVALID_API_KEY", unknown.code());
      assertEquals("error", unknown.body().path("object").asText());
      assertTrue(unknown.body().path("error").path("details").isObject());
      assertTrue(
          unknown.body().path("error").path("documentationUrl").asText().startsWith("https://"));
      assertFalse(unknown.raw().body().contains("someone_else"), unknown.raw().body());
      assertEquals(
          401,
          EmulatorHttp.send(emulator, "GET", EmulatorHttp.LMI + "/regions", null)
              .status());
    }
  }

  @Test
  void withoutConfiguredKeysTheModesPrefixDecides() {
    try (LightcastEmulator testing = LightcastEmulator.start(EmulatorConfig.defaults())) {
      assertEquals(
          200,
          post(testing, "by-soc", BODY, "Authorization", "Bearer pk_test_whatever")
              .status());
      assertEquals(
          "INVALID_API_KEY",
          post(testing, "by-soc", BODY, "Authorization", "Bearer pk_live_x").code());
    }
    try (LightcastEmulator production = LightcastEmulator.start(
        EmulatorConfig.builder().mode(EmulatorConfig.Mode.PRODUCTION).build())) {
      assertEquals(
          200,
          post(
                  production,
                  "by-soc",
                  BODY,
                  "Authorization",
                  "Bearer pk_live_x",
                  "X-Customer-Key",
                  "ck_any")
              .status());
      assertEquals(
          "INVALID_API_KEY",
          post(
                  production,
                  "by-soc",
                  BODY,
                  "Authorization",
                  "Bearer pk_test_x",
                  "X-Customer-Key",
                  "ck_any")
              .code());
      assertEquals(
          "FORBIDDEN",
          post(
                  production,
                  "by-soc",
                  BODY,
                  "Authorization",
                  "Bearer pk_live_x",
                  "X-Customer-Key",
                  "not_a_customer_key")
              .code());
    }
  }

  @Test
  void productionRequiresAKnownCustomerKeyInEitherHeader() {
    try (LightcastEmulator emulator = LightcastEmulator.start(EmulatorConfig.builder()
        .mode(EmulatorConfig.Mode.PRODUCTION)
        .platformKeys("pk_live_one")
        .customerKeys("ck_good")
        .build())) {
      Reply none = post(emulator, "by-soc", BODY, "Authorization", "Bearer pk_live_one");
      assertEquals(403, none.status());
      assertEquals("FORBIDDEN", none.code());
      assertEquals(
          "Missing X-Customer-Key header",
          none.body().path("error").path("message").asText());
      Reply unknown = post(
          emulator,
          "by-soc",
          BODY,
          "Authorization",
          "Bearer pk_live_one",
          "X-Customer-Key",
          "<unknown-customer-key>");
      assertEquals(403, unknown.status());
      assertEquals("FORBIDDEN", unknown.code());
      assertFalse(unknown.raw().body().contains("<unknown-customer-key>"));
      for (String header : List.of("X-Customer-Key", "X-End-Customer-API-Key")) {
        assertEquals(
            200,
            post(emulator, "by-soc", BODY, "Authorization", "Bearer pk_live_one", header, "ck_good")
                .status(),
            header);
      }
      assertEquals(
          200,
          post(
                  emulator,
                  "by-soc",
                  BODY,
                  "X-API-Key",
                  "pk_live_one",
                  "X-End-Customer-API-Key",
                  "ck_good")
              .status());
    }
  }

  @Test
  void anExceededQuotaRefusesEveryAuthenticatedRequest() {
    try (LightcastEmulator emulator = LightcastEmulator.start(
        EmulatorConfig.builder().platformKeys(KEY).quotaExceeded(true).build())) {
      Reply refused = post(emulator, "by-soc", BODY);
      assertEquals(403, refused.status());
      assertEquals("QUOTA_EXCEEDED", refused.code());
      assertEquals(
          "QUOTA_EXCEEDED", EmulatorHttp.regions(emulator, "type=state").code());
      assertEquals(
          "INVALID_API_KEY",
          post(emulator, "by-soc", BODY, "Authorization", "Bearer pk_test_other")
              .code());
    }
  }
}
