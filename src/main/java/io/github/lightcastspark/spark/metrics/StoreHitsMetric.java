package io.github.lightcastspark.spark.metrics;

/** Metric {@value #NAME}: requests answered from the cachePath store, which spent no quota. */
public final class StoreHitsMetric extends NamedSumMetric {
  /** The metric's name, shared by the driver-side metric and the task-side value. */
  public static final String NAME = "apiStoreHits";

  /** Called by Spark through reflection. */
  public StoreHitsMetric() {
    super(NAME, "API requests answered from the cachePath store");
  }
}
