package io.github.lightcastspark.core.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How a query's requests are spread over Spark partitions.
 *
 * @param partitions the requests of each partition, in order
 * @param answered how many of them the read's store answers, sending nothing
 */
public record PartitionPlan(List<List<ApiRequest>> partitions, int answered) {
  /**
   * About how long a task takes to read one stored answer from the store: a guess at an object store's latency
   * (a local disk is far faster), so that a read answered from its store is still split into tasks that show
   * progress.
   */
  static final double STORE_READ_SECONDS = 0.02;

  /** Copies the lists so that the record is immutable. */
  public PartitionPlan {
    partitions = partitions.stream().map(List::copyOf).toList();
  }

  /**
   * How to size partitions.
   *
   * @param parallelism how many tasks the cluster runs at once: the fewest partitions of a read with that many
   *     requests, so that every core works
   * @param rate the requests per second all the read's tasks send together, at most
   * @param partitionTime about how long one partition's requests should take at its task's share of {@code rate}
   * @param partitions the number of partitions the user asks for ({@code maxPartitions}), or 0 to size them by time
   */
  public record Sizing(int parallelism, double rate, Duration partitionTime, int partitions) {}

  /**
   * Splits {@code requests} into partitions that each take about {@code partitionTime} at their task's share of the
   * rate (the rate over the tasks that run at once), and no fewer than the cluster runs at once; or into as many as
   * the user asks for. Each partition gets a balanced, contiguous share of the requests to send and of those the
   * store answers, which cost next to nothing, so that no partition holds all the slow ones.
   *
   * @param requests the planned requests, in order
   * @param answered those of them the store answers
   * @param sizing how to size the partitions
   */
  public static PartitionPlan of(
      List<ApiRequest> requests, Set<ApiRequest> answered, Sizing sizing) {
    int stored = (int) requests.stream().filter(answered::contains).count();
    int toSend = requests.size() - stored;
    int count = Math.min(
        requests.size(),
        sizing.partitions() > 0
            ? sizing.partitions()
            : Math.max(sizing.parallelism(), byTime(toSend, stored, sizing)));
    List<List<ApiRequest>> partitions = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      partitions.add(new ArrayList<>());
    }
    int sentSoFar = 0;
    int storedSoFar = 0;
    for (ApiRequest request : requests) {
      boolean isStored = answered.contains(request);
      int position = isStored ? storedSoFar++ : sentSoFar++;
      int ofKind = isStored ? stored : toSend;
      partitions.get((int) ((long) position * count / ofKind)).add(request);
    }
    // Two kinds split over one count may leave a partition of neither.
    partitions.removeIf(List::isEmpty);
    return new PartitionPlan(partitions, stored);
  }

  /** @return how many partitions of {@code partitionTime} the requests take at each task's share of the rate */
  private static int byTime(int toSend, int stored, Sizing sizing) {
    double taskRate = sizing.rate() / Math.max(1, sizing.parallelism());
    double seconds = toSend / taskRate + stored * STORE_READ_SECONDS;
    double partitionSeconds = sizing.partitionTime().toMillis() / 1000.0;
    return (int) Math.min(Integer.MAX_VALUE, Math.ceil(seconds / partitionSeconds));
  }

  /** @return the number of requests over all partitions */
  public int requestCount() {
    return partitions.stream().mapToInt(List::size).sum();
  }

  /** @return the number of requests the read sends: those its store does not answer */
  public int toSend() {
    return requestCount() - answered;
  }
}
