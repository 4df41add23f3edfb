package io.github.lightcastspark.core.transport;

import io.github.lightcastspark.core.store.Lookup;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one task's requests cost: attempts, retries by cause, time spent waiting for the rate limit, the requests
 * answered from the JVM's response cache instead, and the {@code cachePath} store's hits, misses, writes and corrupt
 * entries.
 */
public final class RequestCounters {
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong rateLimited = new AtomicLong();
  private final AtomicLong throttleWaitNanos = new AtomicLong();
  private final AtomicLong cacheHits = new AtomicLong();
  private final AtomicLong storeHits = new AtomicLong();
  private final AtomicLong storeMisses = new AtomicLong();
  private final AtomicLong storeWrites = new AtomicLong();
  private final AtomicLong storeCorrupt = new AtomicLong();

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

  /** Counts a look into the store: a hit, a miss (no entry, or an expired one), or a corrupt entry. */
  void countStore(Lookup.Outcome outcome) {
    switch (outcome) {
      case HIT -> storeHits.incrementAndGet();
      case MISS, EXPIRED -> storeMisses.incrementAndGet();
      case CORRUPT -> {
        storeMisses.incrementAndGet();
        storeCorrupt.incrementAndGet();
      }
    }
  }

  void countStoreWrite() {
    storeWrites.incrementAndGet();
  }

  /** @return requests answered from the {@code cachePath} store, which sent nothing */
  public long storeHits() {
    return storeHits.get();
  }

  /** @return requests the store could not answer: no entry, an expired or a corrupt one */
  public long storeMisses() {
    return storeMisses.get();
  }

  /** @return responses written to the store */
  public long storeWrites() {
    return storeWrites.get();
  }

  /** @return corrupt entries found (and fetched again) */
  public long storeCorrupt() {
    return storeCorrupt.get();
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
