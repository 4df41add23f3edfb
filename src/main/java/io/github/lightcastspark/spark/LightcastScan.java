package io.github.lightcastspark.spark;

import io.github.lightcastspark.core.binding.ApiBinding;
import io.github.lightcastspark.core.jvm.Bindings;
import io.github.lightcastspark.core.options.LightcastOptionException;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.pacing.PacingPlan;
import io.github.lightcastspark.core.plan.ApiRequest;
import io.github.lightcastspark.core.plan.KeyColumns;
import io.github.lightcastspark.core.plan.PartitionPlan;
import io.github.lightcastspark.core.plan.PushedKeys;
import io.github.lightcastspark.core.plan.RequestBudget;
import io.github.lightcastspark.core.plan.RequestPlanner;
import io.github.lightcastspark.core.plan.RowEstimate;
import io.github.lightcastspark.spark.metrics.TaskMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.expressions.Expressions;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.Statistics;
import org.apache.spark.sql.connector.read.SupportsReportStatistics;
import org.apache.spark.sql.connector.read.SupportsRuntimeV2Filtering;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A planned read: what EXPLAIN shows (dataset, pushed keys, requested fields; never a credential), the size Spark
 * plans joins with, and the batch that runs the requests.
 *
 * <p>A join's runtime filter (Spark's dynamic partition pruning) narrows the request keys to the values the other
 * side holds, when the join runs and before any data request: the keys are intersected as a pushed filter's are,
 * and the batch plans again. The read's budget ({@code maxRequests}) was checked on the plan before the filter,
 * since Spark may run the read without one.
 */
public final class LightcastScan implements SupportsReportStatistics, SupportsRuntimeV2Filtering {
  private static final Logger LOG = LoggerFactory.getLogger(LightcastScan.class);
  /** The per-row overhead Spark adds to a schema's default size when it estimates plan sizes itself. */
  private static final int ROW_OVERHEAD_BYTES = 8;

  private final ReadOptions options;
  private final ApiBinding binding;
  private PushedKeys keys;
  private final StructType readSchema;
  private final Filter[] pushedFilters;
  private final List<String> fields;
  private List<ApiRequest> requests;
  /** The planned requests the read's store answers, as the driver listed them at planning. */
  private Set<ApiRequest> answered;

  private PartitionPlan partitions;
  private LightcastBatch batch;
  /** The requests planned before a runtime filter narrowed them; empty until one has. */
  private OptionalInt beforeRuntimeFilter = OptionalInt.empty();

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
      String before = beforeRuntimeFilter.isPresent()
          ? " (" + beforeRuntimeFilter.getAsInt() + " before the runtime filter)"
          : "";
      String stored = options.cachePath().isPresent() ? ", FromStore: " + plan.answered() : "";
      return ", RequestKeys: " + planner().describeKeys(requests()) + settings
          + ", PlannedRequests: " + plan.requestCount() + before + stored + ", Partitions: "
          + plan.partitions().size() + ", AtLeast: "
          + RequestBudget.leastTime(plan.toSend(), options.rateLimit());
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
   *
   * <p>A read of every code or every region reports no size: Spark then never broadcasts it, so that in a join with
   * a small HR table the HR side is the one broadcast, which is what lets Spark hand this read the HR side's keys as
   * a runtime filter. Its true size (every code of the nation is about 250 KB) would often make it the smaller side.
   */
  @Override
  public Statistics estimateStatistics() {
    List<ApiRequest> planned = requests();
    OptionalLong rows =
        planner().readsEveryKey() ? OptionalLong.empty() : OptionalLong.of(RowEstimate.of(planned));
    OptionalLong bytes = rows.isPresent()
        ? OptionalLong.of(rows.getAsLong() * (ROW_OVERHEAD_BYTES + readSchema.defaultSize()))
        : OptionalLong.empty();
    return new Statistics() {
      @Override
      public OptionalLong sizeInBytes() {
        return bytes;
      }

      @Override
      public OptionalLong numRows() {
        return rows;
      }
    };
  }

  /** @return the request-key columns of the read schema: a runtime filter may only name a column the scan returns */
  @Override
  public NamedReference[] filterAttributes() {
    Set<String> read = Set.of(readSchema.fieldNames());
    return KeyColumns.pushable(options.dataset()).stream()
        .filter(read::contains)
        .map(Expressions::column)
        .toArray(NamedReference[]::new);
  }

  /**
   * Narrows the request keys to a join's runtime filters ({@code column IN (values)} of the other side's distinct
   * keys), checking the values as a pushed filter's are, and plans the requests again; Spark then asks the batch for
   * its partitions anew. A null among the values is dropped: it matches no row.
   *
   * @throws LightcastOptionException when a value is malformed, naming the column and the value
   */
  @Override
  public synchronized void filter(Predicate[] predicates) {
    PushedKeys narrowed = keys;
    List<String> applied = new ArrayList<>();
    for (Predicate predicate : predicates) {
      Optional<KeyFilter> key = KeyFilter.of(predicate)
          .filter(k -> KeyColumns.pushable(options.dataset()).contains(k.column()));
      if (key.isPresent()) {
        RequestPlanner.validateKeyValues(
            options.dataset(),
            key.get().column(),
            key.get().values(),
            "Runtime filter on column " + key.get().column());
        narrowed = narrowed.and(key.get().column(), key.get().values());
        int values = key.get().values().size();
        applied.add(key.get().column() + " (" + values + (values == 1 ? " value)" : " values)"));
      }
    }
    if (applied.isEmpty()) {
      return;
    }
    int before = requests().size();
    keys = narrowed;
    requests = null;
    partitions = null;
    if (batch != null) {
      batch.replan();
    }
    beforeRuntimeFilter = OptionalInt.of(before);
    LOG.info(
        "Lightcast {}: the join's runtime filter on {} leaves {} of the {} planned requests.",
        options.dataset().optionValue(),
        String.join(", ", applied),
        requests().size(),
        before);
  }

  /**
   * Plans the query's requests once per scan, on the driver; a read of every state or MSA lists them from the API's
   * region catalog (for the LMI, one request to its regions endpoint, kept by the driver). With a {@code cachePath}
   * store, the driver lists it once so that the budget, EXPLAIN and the least time count only the requests to send.
   */
  private synchronized List<ApiRequest> requests() {
    if (requests == null) {
      SparkHadoopSettings.apply();
      List<ApiRequest> planned = planner().plan();
      Set<ApiRequest> stored =
          answered == null ? binding.answered(options, fields, planned) : answered;
      RequestBudget.check(options, planned, stored);
      answered = stored;
      requests = planned;
    }
    return requests;
  }

  /**
   * @return the requests spread over partitions of about {@code partitionTime} each at each task's share of the
   *     rate limit, at least as many as the cluster runs at once; or {@code maxPartitions}
   */
  private synchronized PartitionPlan partitions() {
    if (partitions == null) {
      partitions = PartitionPlan.of(
          requests(),
          answered,
          new PartitionPlan.Sizing(
              SparkSession.active().sparkContext().defaultParallelism(),
              options.rateLimit() * PacingPlan.HEADROOM,
              options.partitionTime(),
              options.maxPartitions().orElse(0)));
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
