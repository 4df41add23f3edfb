package io.github.lightcastspark.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.options.RegionCodes;
import io.github.lightcastspark.core.options.RegionType;
import io.github.lightcastspark.core.plan.RegionCatalog;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Every region of a type, from the API's own regions list: one request per (API, credentials, type), made at
 * planning and cached for the life of the JVM, so that "every state" means the states the credential can query
 * (the testing environment serves a subset).
 */
public final class LmiRegionCatalog implements RegionCatalog {
  private static final ConcurrentMap<Key, List<String>> CACHE = new ConcurrentHashMap<>();

  private final ReadOptions options;
  private final LmiClient client;

  /**
   * @param options identifies the API and the credentials
   * @param client asks the API on a cache miss
   */
  public LmiRegionCatalog(ReadOptions options, LmiClient client) {
    this.options = options;
    this.client = client;
  }

  @Override
  public List<String> codes(RegionType type) {
    Key key = new Key(options.baseUrl(), options.credentialIdentity(), type);
    return CACHE.computeIfAbsent(key, k -> fetch(type));
  }

  private List<String> fetch(RegionType type) {
    TreeSet<String> codes = new TreeSet<>();
    for (JsonNode region : RegionList.entries(client.regions(type))) {
      RegionType.fromApiName(region.path("type").asText("")).filter(t -> t == type).ifPresent(t ->
          codes.add(RegionCodes.fromApi(region.path("code").asText(), t)));
    }
    return List.copyOf(codes);
  }

  private record Key(String baseUrl, List<Object> credentials, RegionType type) {
  }
}
