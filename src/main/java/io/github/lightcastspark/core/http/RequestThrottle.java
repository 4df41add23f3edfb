package io.github.lightcastspark.core.http;

import com.google.common.util.concurrent.RateLimiter;

/**
 * Paces one task's requests to its share of the query's rate limit. The first request goes out at once; each later
 * one waits for its slot, retries included.
 */
public final class RequestThrottle {
  private final RateLimiter limiter;

  /** @param permitsPerSecond this task's share of the limit */
  public RequestThrottle(double permitsPerSecond) {
    this.limiter = RateLimiter.create(permitsPerSecond);
  }

  /** @return a throttle that never waits, for endpoints outside the API's limit (the token endpoint) */
  public static RequestThrottle unlimited() {
    return new RequestThrottle(Double.MAX_VALUE);
  }

  /** Blocks until the next request may go out. @return the nanoseconds waited */
  long acquire() {
    return (long) (limiter.acquire() * 1_000_000_000L);
  }
}
