package io.github.lightcastspark.core.pacing;

import java.util.Map;

/**
 * The rate a server's {@code X-RateLimit-*} headers allow (API-CONTRACT A.4: {@code Limit}, {@code Remaining}, and
 * {@code Reset} as the UNIX second the window resets): the {@code Remaining} requests spread over the time to
 * {@code Reset}. For a fixed window that is exactly what is left of it; for a bucket that refills by {@code Reset}
 * (the emulator's), a client keeping to it settles at the refill rate with the bucket half full. {@code Reset} counts
 * whole seconds, so a time to it under {@link #MIN_SECONDS} is too coarse to tell a rate by, and is not used.
 */
final class ServerLimit {
  static final long MIN_SECONDS = 5;

  private ServerLimit() {}

  /**
   * @return the requests per second the headers allow (0 when the window is spent), or -1 when they do not tell one
   *     (no headers, nothing spent yet, a reset too near)
   */
  static double rate(Map<String, String> headers, long nowMillis) {
    Long limit = number(headers.get("x-ratelimit-limit"));
    Long remaining = number(headers.get("x-ratelimit-remaining"));
    Long reset = number(headers.get("x-ratelimit-reset"));
    if (limit == null
        || remaining == null
        || reset == null
        || remaining >= limit
        || remaining < 0) {
      return -1;
    }
    double seconds = (reset * 1000 - nowMillis) / 1000.0;
    return seconds < MIN_SECONDS ? -1 : remaining / seconds;
  }

  private static Long number(String header) {
    try {
      return header == null ? null : Long.valueOf(header.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
