package io.github.lightcastspark.core.pacing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The driver's request schedules: one per limit (the API and credentials) and executor count, shared by every read
 * of it, at the lowest {@code rateLimit} among the reads that may be sending now. Two reads of one credential with
 * different rates would otherwise each pace at their own, together over the lower one.
 *
 * <p>A read holds the schedule to its rate for a lease: from when it is planned, and again from when its tasks are
 * set up, for as long as its requests take at its rate, half again, and at least {@link #MIN_LEASE_MILLIS} (an
 * {@code EXPLAIN} plans a read that never runs). Spark does not tell the driver when a read has sent its last request
 * (an execution may end before a {@code toLocalIterator} is consumed, a plan may run again), so the lease is what
 * the read itself can take: a tighter read slows the others while it may be sending, and a notebook's next read at a
 * higher rate gets it back after that.
 */
public final class LimitSchedules {
  /** The shortest lease: long enough for a small read to start and finish. */
  static final long MIN_LEASE_MILLIS = 60_000;
  /** A lease covers this multiple of the time the read's requests take at its rate: room for retries and pauses. */
  static final double LEASE_MARGIN = 1.5;

  private final ConcurrentMap<List<Object>, Schedule> schedules = new ConcurrentHashMap<>();

  /** One limit's slots, and the rates asked of it by read, each until its lease ends; guarded by itself. */
  private static final class Schedule {
    private final String id = UUID.randomUUID().toString();
    private final long originMillis;
    private final Map<String, Ask> asks = new HashMap<>();

    private Schedule(long originMillis) {
      this.originMillis = originMillis;
    }
  }

  private record Ask(double rate, long untilMillis) {}

  /**
   * Asks the limit's schedule for {@code read}: at planning, and again when its tasks are set up.
   *
   * @param limit identifies the limit the requests count against: the API and the credentials
   * @param requests how many requests the read sends, for the length of its lease
   * @param read identifies the read asking
   * @param nowMillis now; a new schedule starts one slot later, so that a metadata request made while planning (the
   *     regions list) cannot share a slot with the first data request
   * @return the schedule of the limit over {@code lanes} executor JVMs, at the lowest rate now asked of it
   */
  public PacingPlan ask(
      List<Object> limit, double rateLimit, int lanes, int requests, String read, long nowMillis) {
    Schedule schedule = schedules.computeIfAbsent(
        List.of(limit, lanes),
        k -> new Schedule(PacingPlan.of("", rateLimit, lanes, nowMillis).originMillis()));
    long lease = Math.max(MIN_LEASE_MILLIS, (long) (LEASE_MARGIN * requests * 1000 / rateLimit));
    synchronized (schedule) {
      schedule.asks.values().removeIf(a -> a.untilMillis() < nowMillis);
      schedule.asks.merge(
          read,
          new Ask(rateLimit, nowMillis + lease),
          (held, renewed) -> renewed.untilMillis() > held.untilMillis() ? renewed : held);
      double tightest =
          schedule.asks.values().stream().mapToDouble(Ask::rate).min().orElse(rateLimit);
      return PacingPlan.of(schedule.id, tightest, lanes, nowMillis)
          .startingAt(schedule.originMillis);
    }
  }
}
