package io.github.lightcastspark.spark;

import io.github.lightcastspark.core.options.Dataset;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.plan.FieldSelection;
import io.github.lightcastspark.core.plan.PushedKeys;
import io.github.lightcastspark.spark.metrics.TaskMetrics;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructType;

/**
 * A planned read: what EXPLAIN shows (dataset, pushed keys, requested fields; never a credential) and the batch that
 * plans the requests when the query runs.
 */
public final class LightcastScan implements Scan {
  private final ReadOptions options;
  private final PushedKeys keys;
  private final StructType readSchema;
  private final Filter[] pushedFilters;
  private final List<String> fields;
  private LightcastBatch batch;

  /**
   * @param options the read's options
   * @param keys the pushed request-key constraints
   * @param readSchema the pruned schema
   * @param pushedFilters the filters the API answers, for EXPLAIN
   */
  public LightcastScan(ReadOptions options, PushedKeys keys, StructType readSchema, Filter[] pushedFilters) {
    this.options = options;
    this.keys = keys;
    this.readSchema = readSchema;
    this.pushedFilters = pushedFilters.clone();
    this.fields = FieldSelection.apiFields(options.dataset(), Arrays.asList(readSchema.fieldNames()));
  }

  @Override
  public StructType readSchema() {
    return readSchema;
  }

  @Override
  public String description() {
    return "Lightcast " + options.dataset().optionValue()
        + " PushedFilters: " + Arrays.toString(pushedFilters)
        + ", RequestKeys: " + keys
        + (options.dataset().api() == Dataset.Api.LMI && options.dataset().codeKind().isPresent()
            ? ", Fields: " + fields : "")
        + (options.pog() == null ? "" : ", Dimension: " + options.pog().dimension() + ", LotVersion: "
            + options.pog().lotVersion())
        + ", RateLimit: " + options.rateLimit() + "/s";
  }

  /** One batch per scan, so that however often Spark asks, a query's requests are planned (and logged) once. */
  @Override
  public synchronized Batch toBatch() {
    if (batch == null) {
      batch = new LightcastBatch(options, keys, readSchema, fields);
    }
    return batch;
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
