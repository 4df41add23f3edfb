package io.github.lightcastspark.core.transport;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.lightcastspark.core.options.CacheMode;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.options.Secret;
import io.github.lightcastspark.core.store.Lookup;
import io.github.lightcastspark.core.store.ResponseStore;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;

/**
 * Successful responses a read may reuse instead of asking the API (option {@code cacheTtl}): first from the JVM's
 * memory, then from the read's {@code cachePath} store, shared by every JVM that points at it. It spares the quota
 * Spark spends twice (a second action, the sampling pass of a global sort, a retried task, a re-run cell) and, with
 * a store, what a new session, another executor or a resumed read would spend again. Entries are keyed by
 * credentials, method, URL, body and vintage, so reads with other credentials, fields, flags or data never share
 * them. A read with a TTL of zero neither reads nor fills either level.
 */
public final class ResponseCache {
  /** Bodies kept in memory per JVM, at most: ample for a few thousand responses, small beside an executor's heap. */
  static final long MAX_BYTES = 64L << 20;
  /** The longest a JVM keeps a response in memory; a longer TTL is the store's. */
  static final Duration MEMORY_RETENTION = Duration.ofDays(1);

  private final Store memory;
  private final long ttlNanos;
  private final Duration ttl;
  private final Optional<ResponseStore> store;
  private final CacheMode mode;

  private ResponseCache(Store memory, Duration ttl, Optional<ResponseStore> store, CacheMode mode) {
    this.memory = memory;
    this.ttl = ttl;
    this.ttlNanos = (ttl.compareTo(MEMORY_RETENTION) < 0 ? ttl : MEMORY_RETENTION).toNanos();
    this.store = store;
    this.mode = mode;
  }

  /** @return the JVM's {@code memory} and the read's {@code store} as seen by a read that reuses for {@code ttl} */
  public static ResponseCache of(
      Store memory, Duration ttl, Optional<ResponseStore> store, CacheMode mode) {
    return new ResponseCache(memory, ttl, ttl.isZero() ? Optional.empty() : store, mode);
  }

  /** @return the JVM's {@code memory} and the store of the read's {@code cachePath}, as the read's options use them */
  public static ResponseCache forRead(ReadOptions options, Store memory) {
    return of(
        memory, options.cacheTtl(), memory.persistent(options.cachePath()), options.cacheMode());
  }

  /** @return a cache that keeps nothing, for requests whose answers must not be reused (a token) */
  public static ResponseCache off() {
    return new ResponseCache(null, Duration.ZERO, Optional.empty(), CacheMode.USE);
  }

  /** @return whether a request the cache cannot answer must fail instead of being sent */
  boolean offline() {
    return store.isPresent() && mode == CacheMode.OFFLINE;
  }

  /** @return whether the read answers from a store: one is set, with a TTL, and the read does not refresh it */
  public boolean consultsStore() {
    return store.isPresent() && mode != CacheMode.REFRESH;
  }

  /**
   * Which requests the cache answers now without sending them, as the driver sees it at planning: from memory, or
   * listed in the store within the TTL (one listing of the folder). A read answered from memory alone, or with no
   * store, has none: the executors' memory is out of the driver's sight.
   *
   * @param requests the planned requests
   * @param keyOf each request's key
   * @return the requests answered
   */
  public <T> Set<T> answered(Collection<T> requests, Function<T, Key> keyOf) {
    if (!consultsStore()) {
      return Set.of();
    }
    long now = System.currentTimeMillis();
    Set<String> listed = store.get().listed(ttl, now);
    Set<T> answered = new HashSet<>();
    for (T request : requests) {
      Key key = keyOf.apply(request);
      if (inMemory(key).isPresent() || listed.contains(digest(key))) {
        answered.add(request);
      }
    }
    return answered;
  }

  /**
   * The responses one JVM keeps in memory (at most {@link #MAX_BYTES} of bodies, none longer than a day) and the
   * stores its reads have opened, one per folder, each opened once with its salt.
   */
  public static final class Store {
    private final ConcurrentMap<String, ResponseStore> stores = new ConcurrentHashMap<>();
    private volatile Supplier<Configuration> hadoopSettings = Configuration::new;

    /**
     * @param settings the Hadoop settings a store's file system is opened with, from the engine the JVM runs (its
     *     {@code spark.hadoop.*} entries over {@code core-site.xml}); by default, {@code core-site.xml} alone
     */
    public void openStoresWith(Supplier<Configuration> settings) {
      hadoopSettings = settings;
    }

    Optional<ResponseStore> persistent(Optional<String> path) {
      return path.map(
          p -> stores.computeIfAbsent(p, k -> ResponseStore.open(k, hadoopSettings.get())));
    }

    private final Cache<Key, Stored> entries = Caffeine.newBuilder()
        .maximumWeight(MAX_BYTES)
        .weigher((Key key, Stored stored) ->
            stored.response().body().length + key.url().length() + key.body().length())
        .expireAfterWrite(MEMORY_RETENTION)
        .build();
  }

  /**
   * @return a response to {@code key} within the TTL: from memory, else from the store (a {@code live} request, such
   *     as {@code /meta}, only when offline); nothing in mode {@code refresh}
   */
  Optional<ApiResponse> get(Key key, RequestCounters counters) {
    if (ttlNanos == 0 || mode == CacheMode.REFRESH) {
      return Optional.empty();
    }
    Optional<ApiResponse> remembered = inMemory(key);
    if (remembered.isPresent()) {
      counters.countCacheHit();
      return remembered;
    }
    if (store.isEmpty() || (key.live() && mode != CacheMode.OFFLINE)) {
      return Optional.empty();
    }
    Lookup lookup = store.get().read(digest(key), ttl, System.currentTimeMillis());
    counters.countStore(lookup.outcome());
    return lookup.body().map(body -> {
      ApiResponse response = new ApiResponse(200, body);
      memory.entries.put(key, new Stored(response, System.nanoTime()));
      return response;
    });
  }

  /** @return the JVM's answer to {@code key}, if it is within the memory's share of the TTL */
  private Optional<ApiResponse> inMemory(Key key) {
    Stored stored = memory.entries.getIfPresent(key);
    return stored != null && System.nanoTime() - stored.storedNanos() <= ttlNanos
        ? Optional.of(stored.response())
        : Optional.empty();
  }

  void put(Key key, ApiResponse response, RequestCounters counters) {
    if (ttlNanos == 0) {
      return;
    }
    memory.entries.put(key, new Stored(response, System.nanoTime()));
    store.ifPresent(s -> {
      s.write(digest(key), response.body(), System.currentTimeMillis());
      counters.countStoreWrite();
    });
  }

  /** @return the entry's name: the credentials hashed under the store's salt, never stored as they are */
  private String digest(Key key) {
    String identity = key.credentials().stream()
        .map(part -> part instanceof Secret secret ? secret.reveal() : String.valueOf(part))
        .collect(Collectors.joining("\u0000"));
    return ResponseStore.digest(
        store.orElseThrow().credentialHash(identity),
        key.method(),
        key.url(),
        key.body(),
        key.vintage());
  }

  /**
   * What makes two requests the same.
   *
   * @param credentials what tells the read's credentials apart (its binding's): secrets as redacting {@code Secret}s
   * @param method the HTTP method
   * @param url the full URL, query included
   * @param body the JSON body, empty when there is none; built in one fixed order, codes sorted
   * @param vintage the data's vintage the answer belongs to, empty when unknown
   * @param live whether the answer says what is current ({@code /meta}): never answered from the store but offline
   */
  public record Key(
      List<Object> credentials,
      String method,
      String url,
      String body,
      String vintage,
      boolean live) {
    /** A request of no known vintage. */
    public Key(List<Object> credentials, String method, String url, String body) {
      this(credentials, method, url, body, "", false);
    }

    /** @return this request, of the data's {@code vintage} */
    public Key ofVintage(String vintage) {
      return new Key(credentials, method, url, body, vintage, live);
    }

    /** @return this request, whose answer says what is current */
    public Key asLive() {
      return new Key(credentials, method, url, body, vintage, true);
    }
  }

  private record Stored(ApiResponse response, long storedNanos) {}
}
