package io.github.lightcastspark.core.binding.pog;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.lightcastspark.core.binding.ApiBinding;
import io.github.lightcastspark.core.binding.RowSource;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.pacing.Pacer;
import io.github.lightcastspark.core.plan.ApiRequest;
import io.github.lightcastspark.core.plan.RegionCatalog;
import io.github.lightcastspark.core.transport.ApiCaller;
import io.github.lightcastspark.core.transport.RequestCounters;
import io.github.lightcastspark.core.transport.ResponseCache;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The Projected Occupation Growth API: OAuth client credentials, whole answers (no fieldset), the built-in list of
 * states (it has no regions list), and one row per occupation id and region with the vintage of its figures.
 */
public final class PogBinding implements ApiBinding {
  private final ResponseCache.Store responses;
  private final Function<PogSettings, TokenProvider> tokens;
  private final Cache<String, CompletableFuture<PogVersions>> vintages;

  /**
   * @param responses the responses the JVM keeps
   * @param tokens the JVM's token provider of an OAuth client
   * @param vintages the vintage of each run of a read, as the JVM keeps them
   */
  public PogBinding(
      ResponseCache.Store responses,
      Function<PogSettings, TokenProvider> tokens,
      Cache<String, CompletableFuture<PogVersions>> vintages) {
    this.responses = responses;
    this.tokens = tokens;
    this.vintages = vintages;
  }

  @Override
  public List<Object> credentialIdentity(ReadOptions options) {
    return new PogSettings(options).credentialIdentity();
  }

  @Override
  public List<String> fields(ReadOptions options, Collection<String> columns) {
    return List.of();
  }

  @Override
  public RegionCatalog regionCatalog(ReadOptions options) {
    return new BuiltInStates();
  }

  /**
   * A stored growth answer is the vintage's: with a store to consult, the driver asks {@code /meta} (from the store
   * when offline) for the versions current now, then lists the store once. Without one it asks nothing.
   */
  @Override
  public Set<ApiRequest> answered(
      ReadOptions options, List<String> fields, List<ApiRequest> planned) {
    ResponseCache cache = ResponseCache.forRead(options, responses);
    if (!cache.consultsStore()) {
      return Set.of();
    }
    PogClient client = client(options, Pacer.unscheduled(), new RequestCounters());
    PogVersions vintage = PogVersions.of(client.meta());
    return cache.answered(planned, request -> client.growthKey(request, vintage));
  }

  @Override
  public RowSource rowSource(
      ReadOptions options,
      Pacer pacer,
      RequestCounters counters,
      List<String> fields,
      String runId) {
    return new PogRowSource(
        new PogSettings(options), client(options, pacer, counters), vintages, runId);
  }

  private PogClient client(ReadOptions options, Pacer pacer, RequestCounters counters) {
    return new PogClient(
        options,
        ApiCaller.of(options, pacer, counters, responses),
        tokens.apply(new PogSettings(options)));
  }

  @Override
  public String describe(ReadOptions options, List<String> fields) {
    PogSettings pog = new PogSettings(options);
    return ", Dimension: " + pog.dimension() + ", LotVersion: " + pog.lotVersion();
  }
}
