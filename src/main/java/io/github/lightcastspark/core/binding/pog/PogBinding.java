package io.github.lightcastspark.core.binding.pog;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.lightcastspark.core.binding.ApiBinding;
import io.github.lightcastspark.core.binding.RowSource;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.pacing.Pacer;
import io.github.lightcastspark.core.plan.RegionCatalog;
import io.github.lightcastspark.core.transport.ApiCaller;
import io.github.lightcastspark.core.transport.RequestCounters;
import io.github.lightcastspark.core.transport.ResponseCache;
import java.util.Collection;
import java.util.List;
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

  @Override
  public RowSource rowSource(
      ReadOptions options,
      Pacer pacer,
      RequestCounters counters,
      List<String> fields,
      String runId) {
    PogSettings settings = new PogSettings(options);
    PogClient client = new PogClient(
        options, ApiCaller.of(options, pacer, counters, responses), tokens.apply(settings));
    return new PogRowSource(settings, client, vintages, runId);
  }

  @Override
  public String describe(ReadOptions options, List<String> fields) {
    PogSettings pog = new PogSettings(options);
    return ", Dimension: " + pog.dimension() + ", LotVersion: " + pog.lotVersion();
  }
}
