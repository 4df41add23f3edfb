package io.github.lightcastspark.spark;

import io.github.lightcastspark.core.binding.ApiBinding;
import io.github.lightcastspark.core.jvm.DriverState;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.pacing.PacingPlan;
import io.github.lightcastspark.core.plan.PartitionPlan;
import io.github.lightcastspark.core.plan.RequestBudget;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spreads the requests of one query run over partitions on the driver, and lays out the schedule that
 * keeps all executors together under the rate limit ({@link PacingPlan}).
 */
public final class LightcastBatch implements Batch {
  private static final Logger LOG = LoggerFactory.getLogger(LightcastBatch.class);

  private final ReadOptions options;
  private final ApiBinding binding;
  private final Supplier<PartitionPlan> partitions;
  private final StructType readSchema;
  private final List<String> fields;
  private PartitionPlan plan;
  private PacingPlan pacing;
  private Map<String, Integer> lanesById;
  /** Identifies this read to its tasks: what they ask once per read and JVM (the POG vintage) is keyed by it. */
  private final String readId = UUID.randomUUID().toString();

  LightcastBatch(
      ReadOptions options,
      ApiBinding binding,
      Supplier<PartitionPlan> partitions,
      StructType readSchema,
      List<String> fields) {
    this.options = options;
    this.binding = binding;
    this.partitions = partitions;
    this.readSchema = readSchema;
    this.fields = fields;
  }

  @Override
  public InputPartition[] planInputPartitions() {
    PartitionPlan p = plan();
    InputPartition[] partitions = new InputPartition[p.partitions().size()];
    for (int i = 0; i < partitions.length; i++) {
      partitions[i] =
          new LightcastInputPartition(i, partitions.length, p.partitions().get(i));
    }
    return partitions;
  }

  /**
   * Takes the limit's schedule as it is now, not as it was at planning: a read of the same credential planned since
   * with a tighter {@code rateLimit} (the other side of a union) has slowed it, and this read's tasks keep to that.
   */
  @Override
  public PartitionReaderFactory createReaderFactory() {
    plan();
    PacingPlan now = DriverState.get()
        .schedules()
        .ask(
            limit(),
            options.rateLimit(),
            pacing.lanes(),
            plan.toSend(),
            readId,
            System.currentTimeMillis());
    return new LightcastReaderFactory(options, fields, readSchema, now, readId, lanesById);
  }

  /**
   * Forgets the partitions planned so far: a runtime filter has narrowed the scan's requests, and Spark asks for the
   * partitions again. The reader factory made at planning stays valid: it carries no request.
   */
  synchronized void replan() {
    plan = null;
  }

  private List<Object> limit() {
    return List.of(options.baseUrl(), binding.credentialIdentity(options));
  }

  private synchronized PartitionPlan plan() {
    if (plan == null) {
      SparkContext context = SparkSession.active().sparkContext();
      RefusalListener.registerOn(context);
      plan = partitions.get();
      pacing = DriverState.get()
          .schedules()
          .ask(
              limit(),
              options.rateLimit(),
              ExecutorLanes.of(context),
              plan.toSend(),
              readId,
              System.currentTimeMillis());
      lanesById = DriverState.get().lanesOf(pacing, ExecutorLanes.registered(context));
      LOG.info(
          "Lightcast {}: {} requests{} in {} partitions; {} executor JVMs at {} requests/s each; at the limit"
              + " of {} requests/s this read takes at least {}.",
          options.dataset().optionValue(),
          plan.requestCount(),
          options.cachePath().isPresent()
              ? " (" + plan.answered() + " answered by the cachePath store, " + plan.toSend()
                  + " to send)"
              : "",
          plan.partitions().size(),
          pacing.lanes(),
          String.format("%.2f", pacing.perJvmRate()),
          String.format("%.1f", pacing.rateLimit()),
          RequestBudget.leastTime(plan.toSend(), pacing.rateLimit()));
      if (pacing.rateLimit() < options.rateLimit() * 0.999) {
        LOG.warn(
            "Lightcast {}: this read keeps to {} requests/s, not its rateLimit of {}: it shares its credential's"
                + " limit with the other reads of it that may be running, at the lowest rateLimit among them.",
            options.dataset().optionValue(),
            String.format("%.2f", pacing.rateLimit()),
            options.rateLimit());
      }
      if (context.getConf().getBoolean("spark.speculation", false)) {
        LOG.warn(
            "spark.speculation is on: a speculative copy of a slow task sends its requests again, spending"
                + " quota twice. Turn it off for reads from the Lightcast APIs (see docs/performance.md).");
      }
    }
    return plan;
  }
}
