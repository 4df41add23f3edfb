package io.github.lightcastspark.spark.metrics;

/** Metric {@value #NAME}: API requests retried after a 429, 5xx or I/O error. */
public final class RetriesMetric extends NamedSumMetric {
  /** The metric's name, shared by the driver-side metric and the task-side value. */
  public static final String NAME = "apiRetries";

  /** Called by Spark through reflection. */
  public RetriesMetric() {
    super(NAME, "API requests retried after a 429, 5xx or I/O error");
  }
}
