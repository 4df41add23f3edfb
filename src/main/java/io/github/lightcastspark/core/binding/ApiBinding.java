package io.github.lightcastspark.core.binding;

import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.pacing.Pacer;
import io.github.lightcastspark.core.plan.ApiRequest;
import io.github.lightcastspark.core.plan.RegionCatalog;
import io.github.lightcastspark.core.transport.RequestCounters;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Everything the connector knows of one API: its settings and credentials, what a read of it requests, where "every
 * region" comes from, how its answers become rows, and its part of {@code EXPLAIN}. The Spark layer reads through this
 * seam and never asks which API it reads.
 */
public interface ApiBinding {
  /**
   * @return what tells this read's credentials apart from another's, for what must not mix them (schedules, cached
   *     responses, region lists); the secrets stay redacting {@code Secret}s, so the result is safe to print
   */
  List<Object> credentialIdentity(ReadOptions options);

  /** @return the fields of the API's answer that the query's top-level {@code columns} need, sent with each request */
  List<String> fields(ReadOptions options, Collection<String> columns);

  /** @return where a read naming a region type without codes finds every region of it, on the driver */
  RegionCatalog regionCatalog(ReadOptions options);

  /**
   * Which planned requests the read's {@code cachePath} store answers now, so that planning counts only the others:
   * checked on the driver, with no data request.
   *
   * @param fields what {@link #fields} chose for the query
   * @param planned the planned requests
   * @return the requests answered without sending them; none without a store, or in mode {@code refresh}
   */
  Set<ApiRequest> answered(ReadOptions options, List<String> fields, List<ApiRequest> planned);

  /**
   * @param pacer when each request may go out
   * @param counters where one task's requests are counted
   * @param fields what {@link #fields} chose for the query
   * @param runId the run of the read the task belongs to, for what is asked once per run and JVM
   * @return the rows of one task's requests
   */
  RowSource rowSource(
      ReadOptions options,
      Pacer pacer,
      RequestCounters counters,
      List<String> fields,
      String runId);

  /** @return this API's part of the scan's description in {@code EXPLAIN}, such as {@code , Fields: [...]} */
  String describe(ReadOptions options, List<String> fields);
}
