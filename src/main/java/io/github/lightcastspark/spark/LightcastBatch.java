package io.github.lightcastspark.spark;

import io.github.lightcastspark.core.http.ApiCaller;
import io.github.lightcastspark.core.http.LmiClient;
import io.github.lightcastspark.core.http.LmiRegionCatalog;
import io.github.lightcastspark.core.http.RequestCounters;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.options.Dataset;
import io.github.lightcastspark.core.plan.ApiRequest;
import io.github.lightcastspark.core.plan.BuiltInStates;
import io.github.lightcastspark.core.plan.RegionCatalog;
import io.github.lightcastspark.core.plan.PartitionPlan;
import io.github.lightcastspark.core.plan.PushedKeys;
import io.github.lightcastspark.core.plan.RequestPlanner;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans the requests of one query run on the driver and spreads them over partitions, giving each task its share of
 * the rate limit computed from how many tasks can run at once.
 */
public final class LightcastBatch implements Batch {
  private static final Logger LOG = LoggerFactory.getLogger(LightcastBatch.class);

  private final ReadOptions options;
  private final PushedKeys keys;
  private final StructType readSchema;
  private final List<String> fields;
  private PartitionPlan plan;

  LightcastBatch(ReadOptions options, PushedKeys keys, StructType readSchema, List<String> fields) {
    this.options = options;
    this.keys = keys;
    this.readSchema = readSchema;
    this.fields = fields;
  }

  @Override
  public InputPartition[] planInputPartitions() {
    PartitionPlan p = plan();
    InputPartition[] partitions = new InputPartition[p.partitions().size()];
    for (int i = 0; i < partitions.length; i++) {
      partitions[i] = new LightcastInputPartition(i, partitions.length, p.partitions().get(i));
    }
    return partitions;
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    return new LightcastReaderFactory(options, fields, readSchema, plan().perTaskRate());
  }

  private ApiCaller driverCaller() {
    return ApiCaller.of(options, options.rateLimit(), new RequestCounters());
  }

  private synchronized PartitionPlan plan() {
    if (plan == null) {
      RegionCatalog catalog = options.dataset().api() == Dataset.Api.LMI
          ? new LmiRegionCatalog(options, new LmiClient(options, driverCaller())) : new BuiltInStates();
      List<ApiRequest> requests = new RequestPlanner(options, keys, catalog).plan();
      int parallelism = SparkSession.active().sparkContext().defaultParallelism();
      plan = PartitionPlan.of(requests, parallelism, options.partitionCap().orElse(0), options.rateLimit());
      LOG.info("Lightcast {}: {} requests in {} partitions, {} running at once at {} requests/s each; at the limit of"
          + " {} requests/s this read takes at least {} s.", options.dataset().optionValue(), plan.requestCount(),
          plan.partitions().size(), plan.concurrency(), String.format("%.2f", plan.perTaskRate()),
          options.rateLimit(), String.format("%.1f", plan.requestCount() / options.rateLimit()));
    }
    return plan;
  }
}
