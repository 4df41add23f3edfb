package io.github.lightcastspark.core.binding.pog;

import io.github.lightcastspark.core.binding.ApiBinding;
import io.github.lightcastspark.core.binding.RowSource;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.pacing.Pacer;
import io.github.lightcastspark.core.plan.RegionCatalog;
import io.github.lightcastspark.core.transport.ApiCaller;
import io.github.lightcastspark.core.transport.RequestCounters;
import java.util.Collection;
import java.util.List;

/**
 * The Projected Occupation Growth API: OAuth client credentials, whole answers (no fieldset), the built-in list of
 * states (it has no regions list), and one row per occupation id and region with the vintage of its figures.
 */
public final class PogBinding implements ApiBinding {
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
  public RowSource rowSource(ReadOptions options, Pacer pacer, RequestCounters counters, List<String> fields,
      String runId) {
    return new PogRowSource(options, new PogClient(options, ApiCaller.of(options, pacer, counters)), runId);
  }

  @Override
  public String describe(ReadOptions options, List<String> fields) {
    PogSettings pog = new PogSettings(options);
    return ", Dimension: " + pog.dimension() + ", LotVersion: " + pog.lotVersion();
  }
}
