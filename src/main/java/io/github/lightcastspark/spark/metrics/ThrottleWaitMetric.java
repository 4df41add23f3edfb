package io.github.lightcastspark.spark.metrics;

/** Metric {@value #NAME}: time waiting for the rate limit (ms). */
public final class ThrottleWaitMetric extends NamedSumMetric {
  /** The metric's name, shared by the driver-side metric and the task-side value. */
  public static final String NAME = "apiThrottleWaitMs";

  /** Called by Spark through reflection. */
  public ThrottleWaitMetric() {
    super(NAME, "time waiting for the rate limit (ms)");
  }
}
