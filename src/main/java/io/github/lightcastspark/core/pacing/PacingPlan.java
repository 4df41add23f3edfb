package io.github.lightcastspark.core.pacing;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * A request schedule, planned on the driver and shipped to the executors: its slot grid (origin and spacing) and how
 * many executor JVMs share it. Every read of one limit (the same API and credentials) shares one schedule
 * ({@link LimitSchedules}), so two reads in one query (a union, a self-join) or two queries at once stay under the
 * limit together. Each JVM holds one {@link SlotPacer} per schedule, shared by all its tasks.
 *
 * @param scheduleId identifies the schedule's pacer in each JVM
 * @param originMillis wall-clock time of slot 0
 * @param slotMillis time between slots: a little more than {@code 1 / rateLimit}
 * @param lanes executor JVMs that may run the query's tasks
 */
public record PacingPlan(String scheduleId, long originMillis, double slotMillis, int lanes)
    implements Serializable {
  /**
   * The schedule runs 4 % below the limit, so that jitter between a request leaving and arriving (and clock skew
   * between hosts) cannot squeeze one request too many into a server's one-second window. Larger delays are
   * measured and paid back by the pacer (the time a request left, told to its {@link Turn}).
   */
  public static final double HEADROOM = 0.96;

  /** @return this schedule with its slot 0 at {@code millis}: a schedule keeps its origin when its rate changes */
  PacingPlan startingAt(long millis) {
    return new PacingPlan(scheduleId, millis, slotMillis, lanes);
  }

  /** @return the requests per second of the whole schedule, all executor JVMs together */
  public double rateLimit() {
    return 1000.0 / slotMillis / HEADROOM;
  }

  /**
   * @param plannedMillis when the query was planned; the schedule starts one slot later, so that a metadata request
   *     made while planning (the regions list) cannot share a slot with the first data request
   * @return the schedule for a query of {@code rateLimit} requests per second over {@code lanes} executor JVMs
   */
  public static PacingPlan of(String scheduleId, double rateLimit, int lanes, long plannedMillis) {
    double slotMillis = 1000.0 / (rateLimit * HEADROOM);
    return new PacingPlan(
        scheduleId, plannedMillis + (long) Math.ceil(slotMillis), slotMillis, Math.max(1, lanes));
  }

  /** @return the requests per second each executor JVM may send */
  public double perJvmRate() {
    return 1000.0 / (slotMillis * lanes);
  }

  /**
   * Gives the live executors their lanes, on the driver when a read is planned. An executor keeps its lane for as long
   * as it lives, so every read of the schedule agrees on it. A new one takes its id's remainder, the lane it would
   * pick itself ({@link #laneOf}), when no live executor holds it, else the lowest lane no live executor holds: so an
   * executor that replaces a lost one takes its lane, whatever its id.
   *
   * @param held the lanes given so far, by executor: updated to the live executors' lanes
   * @param live the executors registered now, in a stable order
   * @return the lane of each live executor that could have one (all of them, unless more live than there are lanes)
   */
  public Map<String, Integer> lanesOf(Map<String, Integer> held, List<String> live) {
    synchronized (held) {
      held.keySet().retainAll(live);
      TreeSet<Integer> free = new TreeSet<>();
      for (int lane = 0; lane < lanes; lane++) {
        free.add(lane);
      }
      free.removeAll(held.values());
      for (String id : live) {
        if (!held.containsKey(id) && !free.isEmpty()) {
          int own = remainder(id);
          held.put(id, free.remove(own) ? own : free.pollFirst());
        }
      }
      return Map.copyOf(held);
    }
  }

  /**
   * @param executorId this JVM's Spark executor id
   * @param lanesById the lanes given when the read was planned ({@link #lanesOf}); an executor not among them (it came
   *     later) takes its id's remainder if no one held that lane, else one of the lanes no one held (by the same
   *     remainder), else its remainder anyway
   * @return the lane of this JVM's pacer for the schedule
   */
  public int laneOf(String executorId, Map<String, Integer> lanesById) {
    Integer given = lanesById.get(executorId);
    if (given != null) {
      return given;
    }
    int own = remainder(executorId);
    List<Integer> unheld = IntStream.range(0, lanes)
        .filter(l -> !lanesById.containsValue(l))
        .boxed()
        .toList();
    if (unheld.isEmpty() || unheld.contains(own)) {
      return own;
    }
    Long id = numericId(executorId);
    return unheld.get((int) Math.floorMod(id == null ? 0 : id, (long) unheld.size()));
  }

  /** @return the lane an executor picks by itself: its numeric id modulo the lanes, lane 0 for the driver */
  private int remainder(String executorId) {
    Long id = numericId(executorId);
    return id == null ? 0 : (int) Math.floorMod(id, (long) lanes);
  }

  /** @return the number of a numeric Spark executor id, else null (the driver) */
  public static Long numericId(String executorId) {
    return executorId.matches("\\d{1,18}") ? Long.valueOf(executorId) : null;
  }
}
