package io.github.lightcastspark.core.binding.lmi;

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
import java.util.concurrent.ConcurrentMap;

/**
 * The Labor Market Intelligence API: platform and customer keys, a sparse fieldset per request, every region of a
 * type from its own regions list, and occupations, programs and regions as rows.
 */
public final class LmiBinding implements ApiBinding {
  private final ResponseCache.Store responses;
  private final ConcurrentMap<List<Object>, List<String>> regionLists;
  private final Set<String> unattributedCipApis;

  /**
   * @param responses the responses the JVM keeps
   * @param regionLists every region of a type, as the driver keeps them
   * @param unattributedCipApis the API roots the JVM found not to attribute by-CIP matches
   */
  public LmiBinding(
      ResponseCache.Store responses,
      ConcurrentMap<List<Object>, List<String>> regionLists,
      Set<String> unattributedCipApis) {
    this.responses = responses;
    this.regionLists = regionLists;
    this.unattributedCipApis = unattributedCipApis;
  }

  @Override
  public List<Object> credentialIdentity(ReadOptions options) {
    return new LmiSettings(options).credentialIdentity();
  }

  /**
   * With a {@code cachePath} store, every field: the API bills per request, not per byte, so one stored answer then
   * serves a later query of other columns too.
   */
  @Override
  public List<String> fields(ReadOptions options, Collection<String> columns) {
    return FieldSelection.apiFields(
        options.dataset(),
        options.cachePath().isPresent() ? FieldSelection.OCCUPATION_FIELDS : columns);
  }

  /** The regions list is asked for outside the schedule: planning comes before any slot. */
  @Override
  public RegionCatalog regionCatalog(ReadOptions options) {
    return new LmiRegionCatalog(
        options, client(options, Pacer.unscheduled(), new RequestCounters()), regionLists);
  }

  /** Lists the store once and names each request as its client would; asks the API nothing. */
  @Override
  public Set<ApiRequest> answered(
      ReadOptions options, List<String> fields, List<ApiRequest> planned) {
    LmiClient client = client(options, Pacer.unscheduled(), new RequestCounters());
    return ResponseCache.forRead(options, responses)
        .answered(planned, request -> client.keyOf(request, fields));
  }

  @Override
  public RowSource rowSource(
      ReadOptions options,
      Pacer pacer,
      RequestCounters counters,
      List<String> fields,
      String runId) {
    return new LmiRowSource(
        client(options, pacer, counters), options.baseUrl(), fields, unattributedCipApis);
  }

  /** The fieldset of an occupations request; the regions list has none. */
  @Override
  public String describe(ReadOptions options, List<String> fields) {
    return options.dataset().codeKind().isPresent() ? ", Fields: " + fields : "";
  }

  private LmiClient client(ReadOptions options, Pacer pacer, RequestCounters counters) {
    return new LmiClient(options, ApiCaller.of(options, pacer, counters, responses));
  }
}
