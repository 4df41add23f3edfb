package io.github.lightcastspark.core.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Error bodies and server wait hints, without HTTP. */
class ErrorsAndWaitsTest {
  @Test
  void errorBodiesOfEveryEnvelopeAreRead() {
    assertEquals(
        new ApiError("INVALID_INPUT", "bad region"),
        ApiError.parse(
            "{\"object\":\"error\",\"error\":{\"code\":\"INVALID_INPUT\",\"message\":\"bad region\"}}"
                .getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        new ApiError("Unauthorized", "Invalid or expired token"),
        ApiError.parse(
            "{\"errors\":[{\"status\":401,\"title\":\"Unauthorized\",\"detail\":\"Invalid or expired token\"}]}"
                .getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        new ApiError("invalid_scope", null),
        ApiError.parse("{\"error\":\"invalid_scope\"}".getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        new ApiError(null, "<html>Bad gateway</html>"),
        ApiError.parse("<html>Bad gateway</html>".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void serverWaitHintsAreHonouredWithBoundedJitter() {
    RetryPolicy policy = RetryPolicy.of(5, Duration.ofMinutes(5));
    long now = 1_700_000_000_000L;
    for (int i = 0; i < 50; i++) {
      long afterRetryAfter = policy.serverWait("2", null, 1, now).toMillis();
      assertTrue(
          afterRetryAfter >= 2000 && afterRetryAfter <= 2500, String.valueOf(afterRetryAfter));
      long afterReset =
          policy.serverWait(null, String.valueOf(now / 1000 + 3), 1, now).toMillis();
      assertTrue(afterReset >= 3000 && afterReset <= 3750, String.valueOf(afterReset));
      long capped = policy.serverWait("86400", null, 1, now).toMillis();
      assertTrue(capped >= 30_000 && capped <= 37_500, String.valueOf(capped));
      long zero = policy.serverWait("0", null, 1, now).toMillis();
      assertTrue(zero >= 0 && zero <= 100, String.valueOf(zero));
      long backoff = policy.backoff(3).toMillis();
      assertTrue(backoff >= 500 && backoff <= 1000, String.valueOf(backoff));
    }
    long date = policy
        .serverWait("Tue, 14 Nov 2023 22:13:24 GMT", null, 1, 1_700_000_000_000L)
        .toMillis();
    assertTrue(date >= 4000 && date <= 5000, String.valueOf(date));
    assertTrue(policy.allowsRetry(4, System.nanoTime(), Duration.ofSeconds(30)));
    assertFalse(policy.allowsRetry(5, System.nanoTime(), Duration.ZERO), "count bound");
    assertFalse(
        policy.allowsRetry(
            0, System.nanoTime() - Duration.ofMinutes(5).toNanos(), Duration.ofSeconds(1)),
        "time bound");
  }
}
