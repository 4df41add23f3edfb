package io.github.lightcastspark.spark.metrics;

/** Metric {@value #NAME}: requests answered from the executor's response cache, which spent no quota. */
public final class CacheHitsMetric extends NamedSumMetric {
  /** The metric's name, shared by the driver-side metric and the task-side value. */
  public static final String NAME = "apiCacheHits";

  /** Called by Spark through reflection. */
  public CacheHitsMetric() {
    super(NAME, "API requests answered from the response cache");
  }
}
