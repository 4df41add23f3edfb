package io.github.lightcastspark.core.binding.lmi;

import io.github.lightcastspark.core.options.LightcastOptionException;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.options.RegionType;
import io.github.lightcastspark.core.plan.RegionCatalog;
import java.util.List;
import java.util.concurrent.ConcurrentMap;

/**
 * Every region of a type, from the API's own regions list: one request per (API, credentials, type), made at
 * planning and cached for the life of the JVM, so that "every state" means the states the credential can query
 * (the testing environment serves a subset).
 */
public final class LmiRegionCatalog implements RegionCatalog {
  private final ReadOptions options;
  private final LmiClient client;
  private final ConcurrentMap<List<Object>, List<String>> lists;

  /**
   * @param options identifies the API and the credentials
   * @param client asks the API on a cache miss
   * @param lists the lists the driver keeps, by API root, credentials and type
   */
  public LmiRegionCatalog(
      ReadOptions options, LmiClient client, ConcurrentMap<List<Object>, List<String>> lists) {
    this.options = options;
    this.client = client;
    this.lists = lists;
  }

  @Override
  public List<String> codes(RegionType type) {
    List<Object> key =
        List.of(options.baseUrl(), new LmiSettings(options).credentialIdentity(), type);
    return lists.computeIfAbsent(key, k -> fetch(type));
  }

  /** An empty list is refused, not kept: "every MSA" meaning none would silently read nothing for the JVM's life. */
  private List<String> fetch(RegionType type) {
    List<String> codes =
        RegionList.entries(client.regions(type), LmiClient.describeRegions(type)).stream()
            .filter(region -> region.is(type) && region.code() != null)
            .map(RegionList.Entry::code)
            .distinct()
            .sorted()
            .toList();
    if (codes.isEmpty()) {
      throw new LightcastOptionException(
          "The API's regions list has no " + type.apiName() + " regions for these"
              + " credentials, so 'every " + type.apiName()
              + "' would read nothing: name the regions with option"
              + " regionCodes.");
    }
    return codes;
  }
}
