package io.github.lightcastspark.spark.metrics;

/** Metric {@value #NAME}: corrupt entries of the cachePath store, ignored and fetched again. */
public final class StoreCorruptMetric extends NamedSumMetric {
  /** The metric's name, shared by the driver-side metric and the task-side value. */
  public static final String NAME = "apiStoreCorrupt";

  /** Called by Spark through reflection. */
  public StoreCorruptMetric() {
    super(NAME, "corrupt cachePath store entries");
  }
}
