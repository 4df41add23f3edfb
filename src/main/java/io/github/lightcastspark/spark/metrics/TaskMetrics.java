package io.github.lightcastspark.spark.metrics;

import io.github.lightcastspark.core.transport.RequestCounters;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;

/** The connector's metrics: the driver-side declarations and one task's current values. */
public final class TaskMetrics {
  private TaskMetrics() {}

  /** @return the metrics a scan declares */
  public static CustomMetric[] supported() {
    return new CustomMetric[] {
      new RequestsMetric(),
      new RetriesMetric(),
      new RateLimitedMetric(),
      new ThrottleWaitMetric(),
      new CacheHitsMetric(),
      new StoreHitsMetric(),
      new StoreMissesMetric(),
      new StoreWritesMetric(),
      new StoreCorruptMetric()
    };
  }

  /** @return the task's values of the metrics {@link #supported()} declares */
  public static CustomTaskMetric[] values(RequestCounters counters) {
    return new CustomTaskMetric[] {
      value(RequestsMetric.NAME, counters.requests()),
      value(RetriesMetric.NAME, counters.retries()),
      value(RateLimitedMetric.NAME, counters.rateLimited()),
      value(ThrottleWaitMetric.NAME, counters.throttleWaitMillis()),
      value(CacheHitsMetric.NAME, counters.cacheHits()),
      value(StoreHitsMetric.NAME, counters.storeHits()),
      value(StoreMissesMetric.NAME, counters.storeMisses()),
      value(StoreWritesMetric.NAME, counters.storeWrites()),
      value(StoreCorruptMetric.NAME, counters.storeCorrupt())
    };
  }

  private static CustomTaskMetric value(String name, long value) {
    return new CustomTaskMetric() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public long value() {
        return value;
      }
    };
  }
}
