package io.github.lightcastspark.spark.metrics;

/** Metric {@value #NAME}: API requests sent, retries included. */
public final class RequestsMetric extends NamedSumMetric {
  /** The metric's name, shared by the driver-side metric and the task-side value. */
  public static final String NAME = "apiRequests";

  /** Called by Spark through reflection. */
  public RequestsMetric() {
    super(NAME, "API requests sent, retries included");
  }
}
