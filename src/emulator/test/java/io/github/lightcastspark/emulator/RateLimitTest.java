package io.github.lightcastspark.emulator;

import static io.github.lightcastspark.emulator.EmulatorHttp.KEY;
import static io.github.lightcastspark.emulator.EmulatorHttp.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lightcastspark.emulator.EmulatorHttp.Reply;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The token bucket per customer (per platform key without one) and its headers on every response (A.4). */
class RateLimitTest {
  private static final String BODY = "{'socCodes':['15-1252']}";

  private static LightcastEmulator limited(int requests, Duration window) {
    return LightcastEmulator.start(EmulatorConfig.builder()
        .platformKeys(KEY, "pk_test_a", "pk_test_b")
        .lmiRateLimit(requests, window)
        .build());
  }

  private static long epochSeconds() {
    return System.currentTimeMillis() / 1000;
  }

  @Test
  void theBucketEmptiesThenAnswers429WithRetryAfterAndAResetWhenFull() {
    try (LightcastEmulator emulator = limited(3, Duration.ofSeconds(60))) {
      for (int i = 0; i < 3; i++) {
        Reply ok = post(emulator, "by-soc", BODY, "Authorization", "Bearer pk_test_a");
        assertEquals(200, ok.status());
        assertEquals("3", ok.header("X-RateLimit-Limit"));
        assertEquals(String.valueOf(2 - i), ok.header("X-RateLimit-Remaining"));
      }
      Reply refused = post(emulator, "by-soc", BODY, "Authorization", "Bearer pk_test_a");
      assertEquals(429, refused.status());
      assertEquals("RATE_LIMITED", refused.code());
      assertEquals("0", refused.header("X-RateLimit-Remaining"));
      long retryAfter = Long.parseLong(refused.header("Retry-After"));
      assertTrue(retryAfter >= 19 && retryAfter <= 20, "one token per 20 s, got " + retryAfter);
      long reset = Long.parseLong(refused.header("X-RateLimit-Reset"));
      assertTrue(
          reset >= epochSeconds() + 58 && reset <= epochSeconds() + 61,
          "full after 60 s, got " + reset);
    }
  }

  @Test
  void eachCustomerKeyHasItsOwnBucketAndThePlatformKeyOneWithoutIt() {
    try (LightcastEmulator emulator = limited(1, Duration.ofSeconds(60))) {
      assertEquals(
          200,
          post(emulator, "by-soc", BODY, "Authorization", "Bearer pk_test_a").status());
      assertEquals(
          429,
          post(emulator, "by-soc", BODY, "Authorization", "Bearer pk_test_a").status());
      assertEquals(
          200,
          post(emulator, "by-soc", BODY, "Authorization", "Bearer pk_test_b").status());
      assertEquals(
          200,
          post(
                  emulator,
                  "by-soc",
                  BODY,
                  "Authorization",
                  "Bearer pk_test_a",
                  "X-Customer-Key",
                  "ck_one")
              .status());
      assertEquals(
          429,
          post(
                  emulator,
                  "by-soc",
                  BODY,
                  "Authorization",
                  "Bearer pk_test_b",
                  "X-Customer-Key",
                  "ck_one")
              .status(),
          "the limit is per customer, whatever the platform key");
      assertEquals(
          200,
          post(
                  emulator,
                  "by-soc",
                  BODY,
                  "Authorization",
                  "Bearer pk_test_a",
                  "X-Customer-Key",
                  "ck_two")
              .status());
    }
  }

  @Test
  void tokensComeBackContinuously() throws InterruptedException {
    try (LightcastEmulator emulator = limited(2, Duration.ofSeconds(1))) {
      assertEquals(200, post(emulator, "by-soc", BODY).status());
      assertEquals(200, post(emulator, "by-soc", BODY).status());
      Reply refused = post(emulator, "by-soc", BODY);
      assertEquals(429, refused.status());
      assertEquals("1", refused.header("Retry-After"), "at least one second");
      Thread.sleep(600);
      assertEquals(200, post(emulator, "by-soc", BODY).status(), "one token is back after 500 ms");
    }
  }

  @Test
  void everyResponseCarriesTheHeadersAndErrorsConsumeTokensOnlyOnceAuthenticated() {
    try (LightcastEmulator emulator = limited(5, Duration.ofSeconds(60))) {
      Reply unauthorized = post(emulator, "by-soc", BODY, "Accept", "application/json");
      Reply invalid = post(emulator, "by-soc", "{'socCodes':[]}");
      Reply notFound = EmulatorHttp.send(emulator, "GET", "/v1/nothing-here", null);
      Reply regions = EmulatorHttp.regions(emulator, "type=msa");
      for (Reply reply : new Reply[] {unauthorized, invalid, notFound, regions}) {
        assertEquals("5", reply.header("X-RateLimit-Limit"), reply.raw().uri().toString());
        assertNotNull(reply.header("X-RateLimit-Remaining"));
        assertTrue(Long.parseLong(reply.header("X-RateLimit-Reset")) >= epochSeconds());
      }
      assertEquals("5", unauthorized.header("X-RateLimit-Remaining"));
      assertEquals(400, invalid.status());
      assertEquals("4", invalid.header("X-RateLimit-Remaining"));
      assertEquals(404, notFound.status());
      assertEquals("3", regions.header("X-RateLimit-Remaining"));
    }
  }

  @Test
  void theDefaultIsSixtyPerMinute() {
    try (LightcastEmulator emulator = LightcastEmulator.start(EmulatorConfig.defaults())) {
      Reply reply = post(emulator, "by-soc", BODY, "Authorization", "Bearer pk_test_default");
      assertEquals("60", reply.header("X-RateLimit-Limit"));
      assertEquals("59", reply.header("X-RateLimit-Remaining"));
    }
  }
}
