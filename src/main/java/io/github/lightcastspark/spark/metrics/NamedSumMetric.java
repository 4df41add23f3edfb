package io.github.lightcastspark.spark.metrics;

import org.apache.spark.sql.connector.metric.CustomSumMetric;

/** A metric summed over tasks and shown on the scan node of the SQL tab. Subclasses exist only because Spark
 * instantiates each metric class by reflection with no arguments. */
public abstract class NamedSumMetric extends CustomSumMetric {
  private final String name;
  private final String description;

  NamedSumMetric(String name, String description) {
    this.name = name;
    this.description = description;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return description;
  }
}
