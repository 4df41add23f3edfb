package io.github.lightcastspark.core.http;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The driver's request schedules: one per limit (the API and credentials) and executor count, shared by every read
 * of it, at the lowest {@code rateLimit} among the reads that may be sending now. Two reads of one credential with
 * different rates would otherwise each pace at their own, together over the lower one. A read asks its rate when it
 * is planned, for {@link #UNPLANNED_MILLIS} (an {@code EXPLAIN} plans a read that never runs); when it runs, for as
 * long as its SQL execution lasts ({@link #ended}). So a tighter read slows the others while it may run, and no
 * longer: a notebook's next read at a higher rate gets it.
 */
public final class LimitSchedules {
  /** How long a planned read that has not started running holds the schedule to its rate. */
  static final long UNPLANNED_MILLIS = 60_000;

  private static final ConcurrentMap<List<Object>, Schedule> SCHEDULES = new ConcurrentHashMap<>();

  private LimitSchedules() {
  }

  /** One limit's slots, and the reads asking a rate of it; guarded by itself. */
  private static final class Schedule {
    private final String id = UUID.randomUUID().toString();
    private final long originMillis;
    private final Map<String, Ask> asks = new HashMap<>();

    private Schedule(long originMillis) {
      this.originMillis = originMillis;
    }
  }

  /** A read's rate; until {@code untilMillis}, or until its execution ends when that is known. */
  private record Ask(double rate, String execution, long untilMillis) {
  }

  /**
   * @param limit identifies the limit the requests count against: the API and the credentials
   * @param read identifies the read asking
   * @param nowMillis when the read was planned; a new schedule starts one slot later, so that a metadata request
   *     made while planning (the regions list) cannot share a slot with the first data request
   * @return the schedule of the limit over {@code lanes} executor JVMs, at the lowest rate now asked of it
   */
  public static PacingPlan planned(List<Object> limit, double rateLimit, int lanes, String read, long nowMillis) {
    return ask(limit, lanes, read, new Ask(rateLimit, null, nowMillis + UNPLANNED_MILLIS), nowMillis);
  }

  /**
   * @param execution the SQL execution the read runs in, whose end withdraws its rate; null when there is none (the
   *     rate then holds for the driver's life)
   * @return the schedule the read's tasks keep to, at the lowest rate now asked of it
   */
  public static PacingPlan running(List<Object> limit, double rateLimit, int lanes, String read, String execution,
      long nowMillis) {
    return ask(limit, lanes, read, new Ask(rateLimit, execution, Long.MAX_VALUE), nowMillis);
  }

  /** Withdraws the rates of the reads that ran in {@code execution}. */
  public static void ended(String execution) {
    for (Schedule schedule : SCHEDULES.values()) {
      synchronized (schedule) {
        schedule.asks.values().removeIf(a -> execution.equals(a.execution()));
      }
    }
  }

  private static PacingPlan ask(List<Object> limit, int lanes, String read, Ask ask, long nowMillis) {
    PacingPlan first = PacingPlan.of("", ask.rate(), lanes, nowMillis);
    Schedule schedule = SCHEDULES.computeIfAbsent(List.of(limit, lanes), k -> new Schedule(first.originMillis()));
    synchronized (schedule) {
      schedule.asks.values().removeIf(a -> a.untilMillis() < nowMillis);
      schedule.asks.put(read, ask);
      double tightest = schedule.asks.values().stream().mapToDouble(Ask::rate).min().orElse(ask.rate());
      return PacingPlan.of(schedule.id, tightest, lanes, nowMillis).startingAt(schedule.originMillis);
    }
  }
}
