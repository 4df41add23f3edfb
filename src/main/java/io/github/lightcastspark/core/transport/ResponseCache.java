package io.github.lightcastspark.core.transport;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.lightcastspark.core.options.ReadOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Successful responses kept by the JVM for the reads that allow it (option {@code cacheTtl}), so that a second action
 * on a DataFrame, the sampling pass of a global sort, a retried task or a re-run notebook cell asks the API only
 * for what this JVM has not received within that time. Entries are keyed by credentials, method, URL and body, so
 * reads with other credentials, fields or flags never share them; the JVM keeps at most {@link #MAX_BYTES} of bodies
 * and drops the least recently used first. A read with a TTL of zero neither reads nor fills the cache.
 */
public final class ResponseCache {
  /** Bodies kept per JVM, at most: ample for a few thousand responses, small beside an executor's heap. */
  static final long MAX_BYTES = 64L << 20;

  private final Store store;
  private final long ttlNanos;

  private ResponseCache(Store store, Duration ttl) {
    this.store = store;
    this.ttlNanos = ttl.toNanos();
  }

  /** @return {@code store} as seen by a read that reuses responses for {@code ttl}; zero turns it off */
  public static ResponseCache of(Store store, Duration ttl) {
    return new ResponseCache(store, ttl);
  }

  /** @return a cache that keeps nothing, for requests whose answers must not be reused (a token) */
  public static ResponseCache off() {
    return new ResponseCache(null, Duration.ZERO);
  }

  /** The responses one JVM keeps: at most {@link #MAX_BYTES} of bodies, none longer than the longest TTL. */
  public static final class Store {
    private final Cache<Key, Stored> entries = Caffeine.newBuilder()
        .maximumWeight(MAX_BYTES)
        .weigher((Key key, Stored stored) ->
            stored.response().body().length + key.url().length() + key.body().length())
        .expireAfterWrite(ReadOption.MAX_CACHE_TTL)
        .build();
  }

  /** @return a response this JVM received for {@code key} within the TTL */
  Optional<ApiResponse> get(Key key) {
    if (ttlNanos == 0) {
      return Optional.empty();
    }
    Stored stored = store.entries.getIfPresent(key);
    return stored == null || System.nanoTime() - stored.storedNanos() > ttlNanos
        ? Optional.empty()
        : Optional.of(stored.response());
  }

  void put(Key key, ApiResponse response) {
    if (ttlNanos > 0) {
      store.entries.put(key, new Stored(response, System.nanoTime()));
    }
  }

  /**
   * What makes two requests the same.
   *
   * @param credentials what tells the read's credentials apart (its binding's): secrets as redacting {@code Secret}s
   * @param method the HTTP method
   * @param url the full URL, query included
   * @param body the JSON body, empty when there is none
   */
  public record Key(List<Object> credentials, String method, String url, String body) {}

  private record Stored(ApiResponse response, long storedNanos) {}
}
