package io.github.lightcastspark.spark.metrics;

/** Metric {@value #NAME}: API responses with status 429. */
public final class RateLimitedMetric extends NamedSumMetric {
  /** The metric's name, shared by the driver-side metric and the task-side value. */
  public static final String NAME = "apiRateLimited";

  /** Called by Spark through reflection. */
  public RateLimitedMetric() {
    super(NAME, "API responses with status 429");
  }
}
