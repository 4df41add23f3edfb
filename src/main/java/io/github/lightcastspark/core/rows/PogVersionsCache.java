package io.github.lightcastspark.core.rows;

import io.github.lightcastspark.core.http.PogClient;
import io.github.lightcastspark.core.options.ReadOptions;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The POG vintage per (API root, LOT version), asked of {@code /meta} once per JVM. */
public final class PogVersionsCache {
  private static final ConcurrentMap<String, PogVersions> CACHE = new ConcurrentHashMap<>();

  private PogVersionsCache() {
  }

  /** @return the vintage of the read's API and LOT version, fetched with {@code client} on the first call */
  public static PogVersions get(ReadOptions options, PogClient client) {
    return CACHE.computeIfAbsent(options.baseUrl() + " lot " + options.pog().lotVersion(),
        k -> PogVersions.of(client.meta()));
  }
}
