package io.github.lightcastspark.spark.metrics;

/** Metric {@value #NAME}: requests the cachePath store could not answer: no entry, an expired or a corrupt one. */
public final class StoreMissesMetric extends NamedSumMetric {
  /** The metric's name, shared by the driver-side metric and the task-side value. */
  public static final String NAME = "apiStoreMisses";

  /** Called by Spark through reflection. */
  public StoreMissesMetric() {
    super(NAME, "cachePath store misses");
  }
}
