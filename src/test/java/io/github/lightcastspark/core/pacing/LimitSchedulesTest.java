package io.github.lightcastspark.core.pacing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One limit, one schedule, at the lowest rate of the reads that may be sending now, and no longer. */
class LimitSchedulesTest {
  private static final double EPSILON = 1e-9;

  @Test
  void aTighterReadSlowsTheOthersForAsLongAsItsRequestsTakeAndNoLonger() {
    LimitSchedules schedules = new LimitSchedules();
    List<Object> limit = List.of("limit-a");
    PacingPlan eager = schedules.ask(limit, 10, 1, 100, "eager", 0);
    assertEquals(10, eager.rateLimit(), EPSILON);
    // 300 requests at 2/s: 150 s, half again: a lease of 225 s from when its tasks are set up.
    assertEquals(2, schedules.ask(limit, 2, 1, 300, "careful", 1_000).rateLimit(), EPSILON);
    PacingPlan running = schedules.ask(limit, 10, 1, 100, "eager", 2_000);
    assertEquals(
        2, running.rateLimit(), EPSILON, "the careful read is planned: it may start at any moment");
    assertEquals(eager.scheduleId(), running.scheduleId());
    assertEquals(
        eager.originMillis(),
        running.originMillis(),
        "a schedule keeps its slots when its rate changes");
    schedules.ask(limit, 2, 1, 300, "careful", 10_000);
    assertEquals(
        2, schedules.ask(limit, 10, 1, 10, "later", 10_000 + 225_000).rateLimit(), EPSILON);
    assertEquals(
        10,
        schedules.ask(limit, 10, 1, 10, "after", 10_000 + 225_001).rateLimit(),
        EPSILON,
        "once its requests had time to go out, half again, a read at 10 gets 10");
  }

  @Test
  void aPlannedReadThatNeverRunsHoldsTheRateForAMinute() {
    LimitSchedules schedules = new LimitSchedules();
    List<Object> limit = List.of("limit-b");
    schedules.ask(limit, 2, 1, 3, "explained", 0);
    assertEquals(2, schedules.ask(limit, 10, 1, 3, "next", 1_000).rateLimit(), EPSILON);
    assertEquals(
        10,
        schedules
            .ask(limit, 10, 1, 3, "next", LimitSchedules.MIN_LEASE_MILLIS + 1)
            .rateLimit(),
        EPSILON,
        "an EXPLAIN's read does not slow the session for good");
  }
}
