package io.github.lightcastspark.emulator;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The LMI rate limit (contract A.4): a token bucket per key, and the {@code X-RateLimit-*} headers every response
 * carries. {@code X-RateLimit-Reset} is the UNIX second at which the bucket is full again.
 */
final class LmiRateLimiter {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final int capacity;
  private final long windowNanos;
  private final EmulatorClock clock;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  LmiRateLimiter(EmulatorConfig config, EmulatorClock clock) {
    this.capacity = config.lmiRateLimitRequests();
    this.windowNanos = config.lmiRateLimitWindow().toNanos();
    this.clock = clock;
  }

  /**
   * Takes a token from {@code key}'s bucket.
   *
   * @return empty when the request may pass, else the 429 {@code RATE_LIMITED} reply with {@code Retry-After}: whole
   *     seconds until a token is back, at least one
   */
  Optional<EmulatorReply> take(String key) {
    TokenBucket bucket = bucket(key);
    long now = clock.nanos();
    if (bucket.tryTake(now)) {
      return Optional.empty();
    }
    long seconds =
        Math.max(1, (bucket.nanosUntilToken(now) + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
    return Optional.of(new LmiError(429, "RATE_LIMITED", "Rate limit exceeded")
        .reply()
        .withHeader("Retry-After", String.valueOf(seconds)));
  }

  /** @return {@code reply} with the headers of {@code key}'s bucket, or of a full one when the key is unknown */
  EmulatorReply withHeaders(EmulatorReply reply, String key) {
    long now = clock.nanos();
    TokenBucket bucket = key == null ? null : bucket(key);
    int remaining = bucket == null ? capacity : bucket.remaining(now);
    long untilFull = bucket == null ? 0 : bucket.nanosUntilFull(now);
    return withHeaders(reply, remaining, clock.epochMillis() + untilFull / 1_000_000);
  }

  /** @return {@code reply} with the headers of an exhausted bucket, for 429s a test injects */
  EmulatorReply withExhaustedHeaders(EmulatorReply reply) {
    // No bucket is behind an injected 429: announce the next second, so that a client honouring the
    // reset waits.
    return withHeaders(reply, 0, (clock.epochMillis() / 1000 + 1) * 1000);
  }

  private EmulatorReply withHeaders(EmulatorReply reply, int remaining, long resetEpochMillis) {
    return reply
        .withHeader("X-RateLimit-Limit", String.valueOf(capacity))
        .withHeader("X-RateLimit-Remaining", String.valueOf(remaining))
        .withHeader("X-RateLimit-Reset", String.valueOf((resetEpochMillis + 999) / 1000));
  }

  private TokenBucket bucket(String key) {
    return buckets.computeIfAbsent(key, k -> new TokenBucket(capacity, windowNanos, clock.nanos()));
  }
}
