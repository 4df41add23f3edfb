package io.github.lightcastspark.core.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * How a query's requests are spread over Spark partitions.
 *
 * @param partitions the requests of each partition, in order
 */
public record PartitionPlan(List<List<ApiRequest>> partitions) {

  /** Copies the lists so that the record is immutable. */
  public PartitionPlan {
    partitions = partitions.stream().map(List::copyOf).toList();
  }

  /**
   * Splits {@code requests} into contiguous, balanced partitions: as many as the cluster runs at once, or as many as
   * the user asks for with {@code maxPartitions}, never more than there are requests. The request rate does not
   * depend on the partition count (the executors pace themselves), so more partitions only make a failed task
   * cheaper to re-run.
   *
   * @param requests the planned requests, in order
   * @param parallelism how many tasks the cluster runs at once
   * @param maxPartitions the user's choice, or 0 for none
   */
  public static PartitionPlan of(List<ApiRequest> requests, int parallelism, int maxPartitions) {
    int count =
        Math.min(maxPartitions > 0 ? maxPartitions : Math.max(1, parallelism), requests.size());
    List<List<ApiRequest>> partitions = new ArrayList<>(count);
    int from = 0;
    for (int i = 0; i < count; i++) {
      int size = requests.size() / count + (i < requests.size() % count ? 1 : 0);
      partitions.add(requests.subList(from, from + size));
      from += size;
    }
    return new PartitionPlan(partitions);
  }

  /** @return the number of requests over all partitions */
  public int requestCount() {
    return partitions.stream().mapToInt(List::size).sum();
  }
}
