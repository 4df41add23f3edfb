package io.github.lightcastspark.spark;

import io.github.lightcastspark.core.binding.ApiBinding;
import io.github.lightcastspark.core.jvm.Bindings;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.plan.ApiRequest;
import io.github.lightcastspark.core.plan.PartitionPlan;
import io.github.lightcastspark.core.plan.PushedKeys;
import io.github.lightcastspark.core.plan.RequestBudget;
import io.github.lightcastspark.core.plan.RequestPlanner;
import io.github.lightcastspark.core.plan.RowEstimate;
import io.github.lightcastspark.spark.metrics.TaskMetrics;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.Statistics;
import org.apache.spark.sql.connector.read.SupportsReportStatistics;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructType;

/**
 * A planned read: what EXPLAIN shows (dataset, pushed keys, requested fields; never a credential), the size Spark
 * plans joins with, and the batch that runs the requests.
 */
public final class LightcastScan implements SupportsReportStatistics {
  /** The per-row overhead Spark adds to a schema's default size when it estimates plan sizes itself. */
  private static final int ROW_OVERHEAD_BYTES = 8;

  private final ReadOptions options;
  private final ApiBinding binding;
  private final PushedKeys keys;
  private final StructType readSchema;
  private final Filter[] pushedFilters;
  private final List<String> fields;
  private List<ApiRequest> requests;
  private PartitionPlan partitions;
  private LightcastBatch batch;

  /**
   * @param options the read's options
   * @param keys the pushed request-key constraints
   * @param readSchema the pruned schema
   * @param pushedFilters the filters the API answers, for EXPLAIN
   */
  public LightcastScan(
      ReadOptions options, PushedKeys keys, StructType readSchema, Filter[] pushedFilters) {
    this.options = options;
    this.binding = Bindings.of(options.dataset());
    this.keys = keys;
    this.readSchema = readSchema;
    this.pushedFilters = pushedFilters.clone();
    this.fields = binding.fields(options, Arrays.asList(readSchema.fieldNames()));
  }

  @Override
  public StructType readSchema() {
    return readSchema;
  }

  @Override
  public String description() {
    return "Lightcast " + options.dataset().optionValue()
        + " PushedFilters: " + Arrays.toString(pushedFilters)
        + planned(binding.describe(options, fields) + ", RateLimit: " + options.rateLimit() + "/s");
  }

  /**
   * @return the plan's keys and cost, for EXPLAIN: the codes and regions asked for, then {@code settings}, then its
   *     requests, partitions and least time at the read's rate limit; the pushed keys and the reason when it cannot
   *     be planned (a plan string must not fail where Spark shows why the read did)
   */
  private String planned(String settings) {
    try {
      PartitionPlan plan = partitions();
      return ", RequestKeys: " + planner().describeKeys(requests()) + settings
          + ", PlannedRequests: " + plan.requestCount() + ", Partitions: "
          + plan.partitions().size() + ", AtLeast: "
          + RequestBudget.leastTime(plan.requestCount(), options.rateLimit());
    } catch (RuntimeException e) {
      return ", RequestKeys: " + keys + settings + ", PlannedRequests: none (" + e.getMessage()
          + ")";
    }
  }

  private RequestPlanner planner() {
    return new RequestPlanner(options, keys, binding.regionCatalog(options));
  }

  /** One batch per scan, so that however often Spark asks, a query's requests are planned (and logged) once. */
  @Override
  public synchronized Batch toBatch() {
    if (batch == null) {
      batch = new LightcastBatch(options, binding, this::partitions, readSchema, fields);
    }
    return batch;
  }

  /**
   * Estimates from the planned requests, without sending any: the rows they return (exact for {@code occupations}
   * and {@code occupation_growth}; averaged for the matches of a CIP code and the length of the regions list), each
   * at Spark's own estimate of a row of the read schema.
   */
  @Override
  public Statistics estimateStatistics() {
    long rows = RowEstimate.of(requests());
    long bytes = rows * (ROW_OVERHEAD_BYTES + readSchema.defaultSize());
    return new Statistics() {
      @Override
      public OptionalLong sizeInBytes() {
        return OptionalLong.of(bytes);
      }

      @Override
      public OptionalLong numRows() {
        return OptionalLong.of(rows);
      }
    };
  }

  /**
   * Plans the query's requests once per scan, on the driver; a read of every state or MSA lists them from the API's
   * region catalog (for the LMI, one request to its regions endpoint, kept by the driver).
   */
  private synchronized List<ApiRequest> requests() {
    if (requests == null) {
      List<ApiRequest> planned = planner().plan();
      RequestBudget.check(options, planned.size());
      requests = planned;
    }
    return requests;
  }

  /** @return the requests spread over partitions: as many as the cluster runs at once, or {@code maxPartitions} */
  private synchronized PartitionPlan partitions() {
    if (partitions == null) {
      partitions = PartitionPlan.of(
          requests(),
          SparkSession.active().sparkContext().defaultParallelism(),
          options.maxPartitions().orElse(0));
    }
    return partitions;
  }

  @Override
  public CustomMetric[] supportedCustomMetrics() {
    return TaskMetrics.supported();
  }

  /** @return the pushed request-key constraints, for plan inspection */
  public PushedKeys requestKeys() {
    return keys;
  }

  /** @return the sparse fieldset sent to the API, for plan inspection */
  public List<String> fields() {
    return fields;
  }
}
