package io.github.lightcastspark.core.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * How a query's requests are spread over Spark partitions, and the request rate each running task may use so that
 * all tasks running at once stay within the query's limit.
 *
 * @param partitions the requests of each partition, in order
 * @param concurrency how many partitions can run at once
 * @param perTaskRate requests per second one task may send
 */
public record PartitionPlan(List<List<ApiRequest>> partitions, int concurrency, double perTaskRate) {

  /** Copies the lists so that the record is immutable. */
  public PartitionPlan {
    partitions = partitions.stream().map(List::copyOf).toList();
  }

  /**
   * Splits {@code requests} into contiguous, balanced partitions: as many as the cluster can run at once (capped by
   * {@code maxPartitions} when set), never more than there are requests, because with a request-rate limit more
   * partitions than slots only add task overhead.
   *
   * @param requests the planned requests, in order
   * @param parallelism how many tasks the cluster runs at once
   * @param maxPartitions the user's cap, or 0 for none
   * @param rateLimit the query's requests per second
   */
  public static PartitionPlan of(List<ApiRequest> requests, int parallelism, int maxPartitions, double rateLimit) {
    int wanted = Math.max(1, parallelism);
    if (maxPartitions > 0) {
      wanted = Math.min(wanted, maxPartitions);
    }
    int count = Math.min(wanted, requests.size());
    List<List<ApiRequest>> partitions = new ArrayList<>(count);
    int from = 0;
    for (int i = 0; i < count; i++) {
      int size = requests.size() / count + (i < requests.size() % count ? 1 : 0);
      partitions.add(requests.subList(from, from + size));
      from += size;
    }
    int concurrency = Math.max(1, Math.min(count, Math.max(1, parallelism)));
    return new PartitionPlan(partitions, concurrency, rateLimit / concurrency);
  }

  /** @return the number of requests over all partitions */
  public int requestCount() {
    return partitions.stream().mapToInt(List::size).sum();
  }
}
