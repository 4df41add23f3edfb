package io.github.lightcastspark.core.http;

import java.util.Map;

/**
 * The rate a server's {@code X-RateLimit-*} headers imply (API-CONTRACT A.4: {@code Limit}, {@code Remaining}, and
 * {@code Reset} as the UNIX second the window resets). Read as a bucket that refills to {@code Limit} by
 * {@code Reset}, as the emulator's does, the {@code Limit − Remaining} requests spent come back over the time to
 * {@code Reset}: that is the rate the server sustains. {@code Reset} counts whole seconds, so a time to it under
 * {@link #MIN_SECONDS} is too coarse to tell a rate by, and is not used; a longer one only overstates it, which errs on
 * the slow side.
 */
final class ServerLimit {
  static final long MIN_SECONDS = 5;

  private ServerLimit() {
  }

  /** @return the requests per second the headers imply, or 0 when they do not tell one */
  static double rate(Map<String, String> headers, long nowMillis) {
    Long limit = number(headers.get("x-ratelimit-limit"));
    Long remaining = number(headers.get("x-ratelimit-remaining"));
    Long reset = number(headers.get("x-ratelimit-reset"));
    if (limit == null || remaining == null || reset == null || remaining >= limit || remaining < 0) {
      return 0;
    }
    double seconds = (reset * 1000 - nowMillis) / 1000.0;
    return seconds < MIN_SECONDS ? 0 : (limit - remaining) / seconds;
  }

  private static Long number(String header) {
    try {
      return header == null ? null : Long.valueOf(header.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
