package io.github.lightcastspark.spark;

import io.github.lightcastspark.core.http.ApiCaller;
import io.github.lightcastspark.core.http.LmiClient;
import io.github.lightcastspark.core.http.LmiRegionCatalog;
import io.github.lightcastspark.core.http.Pacer;
import io.github.lightcastspark.core.http.PacingPlan;
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
import java.util.UUID;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans the requests of one query run on the driver, spreads them over partitions, and lays out the schedule that
 * keeps all executors together under the rate limit ({@link PacingPlan}).
 */
public final class LightcastBatch implements Batch {
  private static final Logger LOG = LoggerFactory.getLogger(LightcastBatch.class);

  private final ReadOptions options;
  private final PushedKeys keys;
  private final StructType readSchema;
  private final List<String> fields;
  private PartitionPlan plan;
  private PacingPlan pacing;

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
    plan();
    return new LightcastReaderFactory(options, fields, readSchema, pacing);
  }

  private synchronized PartitionPlan plan() {
    if (plan == null) {
      RegionCatalog catalog = options.dataset().api() == Dataset.Api.LMI
          ? new LmiRegionCatalog(options, new LmiClient(options, ApiCaller.of(options, Pacer.unlimited(),
              new RequestCounters())))
          : new BuiltInStates();
      List<ApiRequest> requests = new RequestPlanner(options, keys, catalog).plan();
      SparkContext context = SparkSession.active().sparkContext();
      plan = PartitionPlan.of(requests, context.defaultParallelism(), options.partitionCap().orElse(0));
      pacing = PacingPlan.of(UUID.randomUUID().toString(), options.rateLimit(), ExecutorLanes.of(context),
          System.currentTimeMillis());
      LOG.info("Lightcast {}: {} requests in {} partitions; {} executor JVMs at {} requests/s each; at the limit of"
          + " {} requests/s this read takes at least {} s.", options.dataset().optionValue(), plan.requestCount(),
          plan.partitions().size(), pacing.lanes(), String.format("%.2f", pacing.perJvmRate()),
          options.rateLimit(), String.format("%.1f", plan.requestCount() / options.rateLimit()));
      if (context.getConf().getBoolean("spark.speculation", false)) {
        LOG.warn("spark.speculation is on: a speculative copy of a slow task sends its requests again, spending"
            + " quota twice. Turn it off for reads from the Lightcast APIs (see docs/performance.md).");
      }
    }
    return plan;
  }
}
