package io.github.lightcastspark.core.http;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.io.Serializable;
import java.util.concurrent.ExecutionException;

/**
 * A query's request schedule, planned on the driver and shipped to the executors: its slot grid (origin and spacing)
 * and how many executor JVMs share it. Each JVM holds one {@link SlotPacer} per query, shared by all its tasks.
 *
 * @param queryId identifies the query's pacer in each JVM
 * @param originMillis wall-clock time of slot 0
 * @param slotMillis time between slots: a little more than {@code 1 / rateLimit}
 * @param lanes executor JVMs that may run the query's tasks
 */
public record PacingPlan(String queryId, long originMillis, double slotMillis, int lanes) implements Serializable {
  /**
   * The schedule runs 4 % below the limit, so that jitter between a request leaving and arriving (and clock skew
   * between hosts) cannot squeeze one request too many into a server's one-second window. Larger delays are
   * measured and paid back by the pacer ({@link SlotPacer#sent}).
   */
  public static final double HEADROOM = 0.96;

  /** Kept while any task of the JVM holds its pacer, however long the read: an expiry would split a lane in two. */
  private static final Cache<String, SlotPacer> PACERS = CacheBuilder.newBuilder().weakValues().build();

  /**
   * @param plannedMillis when the query was planned; the schedule starts one slot later, so that a metadata request
   *     made while planning (the regions list) cannot share a slot with the first data request
   * @return the schedule for a query of {@code rateLimit} requests per second over {@code lanes} executor JVMs
   */
  public static PacingPlan of(String queryId, double rateLimit, int lanes, long plannedMillis) {
    double slotMillis = 1000.0 / (rateLimit * HEADROOM);
    return new PacingPlan(queryId, plannedMillis + (long) Math.ceil(slotMillis), slotMillis, Math.max(1, lanes));
  }

  /** @return the requests per second each executor JVM may send */
  public double perJvmRate() {
    return 1000.0 / (slotMillis * lanes);
  }

  /**
   * @param executorId this JVM's Spark executor id; numeric ids pick their lane by remainder, others lane 0
   * @return this JVM's pacer for the query, shared by all its tasks
   */
  public Pacer pacerFor(String executorId) {
    int lane = laneOf(executorId);
    try {
      return PACERS.get(queryId + "/" + lane, () -> new SlotPacer(originMillis, slotMillis, lane, lanes,
          System::currentTimeMillis));
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  int laneOf(String executorId) {
    try {
      return (int) Math.floorMod(Long.parseLong(executorId), (long) lanes);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
