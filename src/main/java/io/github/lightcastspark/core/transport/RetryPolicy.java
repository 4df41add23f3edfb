package io.github.lightcastspark.core.transport;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before retry {@code n}: exponential backoff with jitter, or the server's own {@code Retry-After}
 * (on a 429 or a 5xx) or {@code X-RateLimit-Reset} (on a 429), capped so that a hostile header cannot stall a task
 * for long, and spread by jitter so that tasks that were refused together do not come back together.
 *
 * @param maxRetries retries after the first attempt
 * @param baseDelay the first backoff
 * @param maxDelay the longest backoff and the longest honoured server wait
 * @param maxRetryTime the longest time from the first attempt to the start of the last retry
 */
public record RetryPolicy(
    int maxRetries, Duration baseDelay, Duration maxDelay, Duration maxRetryTime) {

  /** @return the policy of the data requests: 250 ms doubling up to 30 s */
  public static RetryPolicy of(int maxRetries, Duration maxRetryTime) {
    return new RetryPolicy(
        maxRetries, Duration.ofMillis(250), Duration.ofSeconds(30), maxRetryTime);
  }

  /**
   * @param attempt the 0-based attempt that just failed
   * @param startedNanos when the first attempt started
   * @param wait the wait before the retry
   * @return whether a retry is within both budgets
   */
  public boolean allowsRetry(int attempt, long startedNanos, Duration wait) {
    return attempt < maxRetries
        && Duration.ofNanos(System.nanoTime() - startedNanos).plus(wait).compareTo(maxRetryTime)
            <= 0;
  }

  /** @return the backoff before retry {@code retry} (1-based): uniformly random in [d/2, d] with d doubling */
  public Duration backoff(int retry) {
    long cap = maxDelay.toMillis();
    long d = Math.min(cap, baseDelay.toMillis() << Math.min(20, retry - 1));
    return Duration.ofMillis(d / 2 + ThreadLocalRandom.current().nextLong(d / 2 + 1));
  }

  /**
   * @param retryAfter the {@code Retry-After} header (seconds or HTTP date), or null
   * @param rateLimitReset the {@code X-RateLimit-Reset} header (UNIX seconds), or null
   * @param retry the 1-based retry number, for the fallback backoff
   * @param nowMillis the current wall-clock time
   * @return the wait before retrying a refusal: the server's hint plus up to 25% jitter (at least 100 ms), else
   *     backoff
   */
  public Duration serverWait(String retryAfter, String rateLimitReset, int retry, long nowMillis) {
    Long hintMillis = retryAfterMillis(retryAfter, nowMillis);
    if (hintMillis == null) {
      hintMillis = resetMillis(rateLimitReset, nowMillis);
    }
    if (hintMillis == null) {
      return backoff(retry);
    }
    long base = Math.min(maxDelay.toMillis(), Math.max(0, hintMillis));
    long jitter = ThreadLocalRandom.current().nextLong(Math.max(100, base / 4) + 1);
    return Duration.ofMillis(base + jitter);
  }

  private static Long retryAfterMillis(String header, long nowMillis) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return (long) (Double.parseDouble(header.strip()) * 1000);
    } catch (NumberFormatException e) {
      try {
        return ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant()
                .toEpochMilli()
            - nowMillis;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  private static Long resetMillis(String header, long nowMillis) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(header.strip()) * 1000 - nowMillis;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
