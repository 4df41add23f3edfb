package io.github.lightcastspark.core.transport;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What one task's requests cost: attempts, retries by cause, time spent waiting for the rate limit, and the requests
 * answered from the JVM's response cache instead.
 */
public final class RequestCounters {
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong rateLimited = new AtomicLong();
  private final AtomicLong throttleWaitNanos = new AtomicLong();
  private final AtomicLong cacheHits = new AtomicLong();

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

  void countCacheHit() {
    cacheHits.incrementAndGet();
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

  /** @return requests answered from the JVM's response cache, which sent nothing */
  public long cacheHits() {
    return cacheHits.get();
  }
}
