package io.github.lightcastspark.core.http;

import java.util.concurrent.atomic.AtomicLong;

/** What one task's requests cost: attempts, retries by cause, and time spent waiting for the rate limit. */
public final class RequestCounters {
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong rateLimited = new AtomicLong();
  private final AtomicLong throttleWaitNanos = new AtomicLong();

  void countRequest() {
    requests.incrementAndGet();
  }

  void countRetry() {
    retries.incrementAndGet();
  }

  void countRateLimited() {
    rateLimited.incrementAndGet();
  }

  void addThrottleWait(long nanos) {
    throttleWaitNanos.addAndGet(nanos);
  }

  /** @return HTTP requests sent, retries included */
  public long requests() {
    return requests.get();
  }

  /** @return requests that were sent again after a 429, a 5xx or an I/O error */
  public long retries() {
    return retries.get();
  }

  /** @return 429 responses received */
  public long rateLimited() {
    return rateLimited.get();
  }

  /** @return milliseconds spent waiting for the client-side rate limiter */
  public long throttleWaitMillis() {
    return throttleWaitNanos.get() / 1_000_000;
  }
}
