package io.github.lightcastspark.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One limit, one schedule, at the lowest rate of the reads that may be sending now, and no longer. */
class LimitSchedulesTest {
  private static final double EPSILON = 1e-9;

  @Test
  void aTighterReadSlowsTheOthersWhileItMayRunAndNoLonger() {
    List<Object> limit = List.of("limit-a");
    PacingPlan eager = LimitSchedules.planned(limit, 10, 1, "eager", 0);
    assertEquals(10, eager.rateLimit(), EPSILON);
    assertEquals(5, LimitSchedules.planned(limit, 5, 1, "careful", 1_000).rateLimit(), EPSILON);
    PacingPlan running = LimitSchedules.running(limit, 10, 1, "eager", "7", 2_000);
    assertEquals(5, running.rateLimit(), EPSILON, "the careful read is planned: it may start at any moment");
    assertEquals(eager.scheduleId(), running.scheduleId());
    assertEquals(eager.originMillis(), running.originMillis(), "a schedule keeps its slots when its rate changes");

    LimitSchedules.running(limit, 5, 1, "careful", "8", 3_000);
    assertEquals(5, LimitSchedules.planned(limit, 10, 1, "later", 3_000 + LimitSchedules.UNPLANNED_MILLIS + 1)
        .rateLimit(), EPSILON, "running, the careful read holds the rate for as long as its execution lasts");
    LimitSchedules.ended("8");
    assertEquals(10, LimitSchedules.planned(limit, 10, 1, "after", 70_000).rateLimit(), EPSILON,
        "once it has ended, a read at 10 gets 10");
  }

  @Test
  void aPlannedReadThatNeverRunsHoldsTheRateForAMinute() {
    List<Object> limit = List.of("limit-b");
    LimitSchedules.planned(limit, 2, 1, "explained", 0);
    assertEquals(2, LimitSchedules.planned(limit, 10, 1, "next", 1_000).rateLimit(), EPSILON);
    assertEquals(10, LimitSchedules.planned(limit, 10, 1, "next", LimitSchedules.UNPLANNED_MILLIS + 1).rateLimit(),
        EPSILON, "an EXPLAIN's read does not slow the session for good");
  }
}
