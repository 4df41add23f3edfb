package io.github.lightcastspark.core.jvm;

import io.github.lightcastspark.core.pacing.LimitSchedules;
import io.github.lightcastspark.core.pacing.PacingPlan;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Everything the driver keeps across the reads it plans, in one place, each entry with its lifetime. The classes
 * that use an entry are handed it; none keeps state of its own.
 */
public final class DriverState {
  private static volatile DriverState current = new DriverState();
  /**
   * The Spark contexts the connector listens to (for refusals that no task retry can cure): for each context's life,
   * and kept across {@link #reset}, since a listener stays registered with its context.
   */
  private static final Set<Object> LISTENED =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  /** One request schedule per limit and executor count, with the rates asked of it by the reads' leases. */
  private final LimitSchedules schedules = new LimitSchedules();
  /** The lane of each live executor, per schedule: an executor keeps its lane for as long as it lives. */
  private final ConcurrentMap<String, Map<String, Integer>> lanes = new ConcurrentHashMap<>();
  /**
   * Every region of a type, per API root and credentials, from the API's regions list: for the JVM's life (never an
   * empty list, which is refused, not kept).
   */
  private final ConcurrentMap<List<Object>, List<String>> regionLists = new ConcurrentHashMap<>();

  private DriverState() {}

  /** @return the driver's state */
  public static DriverState get() {
    return current;
  }

  /** Starts the driver's state afresh, for tests: schedules, lanes and region lists are dropped. */
  public static void reset() {
    current = new DriverState();
  }

  /** @return the request schedules of every limit */
  public LimitSchedules schedules() {
    return schedules;
  }

  /**
   * @param plan the schedule
   * @param live the executors registered now, in a stable order
   * @return the lane of each live executor on the schedule ({@link PacingPlan#lanesOf})
   */
  public Map<String, Integer> lanesOf(PacingPlan plan, List<String> live) {
    return plan.lanesOf(lanes.computeIfAbsent(plan.scheduleId(), k -> new TreeMap<>()), live);
  }

  /** @return every region of a type, by API root, credentials and type */
  public ConcurrentMap<List<Object>, List<String>> regionLists() {
    return regionLists;
  }

  /** @return whether {@code context} was not yet listened to, and now is marked as listened to */
  public static boolean firstToListen(Object context) {
    return LISTENED.add(context);
  }
}
