package io.github.lightcastspark.spark.metrics;

/** Metric {@value #NAME}: responses written to the cachePath store. */
public final class StoreWritesMetric extends NamedSumMetric {
  /** The metric's name, shared by the driver-side metric and the task-side value. */
  public static final String NAME = "apiStoreWrites";

  /** Called by Spark through reflection. */
  public StoreWritesMetric() {
    super(NAME, "responses written to the cachePath store");
  }
}
