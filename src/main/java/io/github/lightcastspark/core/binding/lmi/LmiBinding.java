package io.github.lightcastspark.core.binding.lmi;

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
 * The Labor Market Intelligence API: platform and customer keys, a sparse fieldset per request, every region of a
 * type from its own regions list, and occupations, programs and regions as rows.
 */
public final class LmiBinding implements ApiBinding {
  @Override
  public List<Object> credentialIdentity(ReadOptions options) {
    return new LmiSettings(options).credentialIdentity();
  }

  @Override
  public List<String> fields(ReadOptions options, Collection<String> columns) {
    return FieldSelection.apiFields(options.dataset(), columns);
  }

  /** The regions list is asked for outside the schedule: planning comes before any slot. */
  @Override
  public RegionCatalog regionCatalog(ReadOptions options) {
    return new LmiRegionCatalog(options, client(options, Pacer.unscheduled(), new RequestCounters()));
  }

  @Override
  public RowSource rowSource(ReadOptions options, Pacer pacer, RequestCounters counters, List<String> fields,
      String runId) {
    return new LmiRowSource(client(options, pacer, counters), options.baseUrl(), fields);
  }

  /** The fieldset of an occupations request; the regions list has none. */
  @Override
  public String describe(ReadOptions options, List<String> fields) {
    return options.dataset().codeKind().isPresent() ? ", Fields: " + fields : "";
  }

  private LmiClient client(ReadOptions options, Pacer pacer, RequestCounters counters) {
    return new LmiClient(options, ApiCaller.of(options, pacer, counters));
  }
}
