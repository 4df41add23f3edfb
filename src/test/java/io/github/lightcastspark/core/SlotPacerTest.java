package io.github.lightcastspark.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lightcastspark.core.http.PacingPlan;
import io.github.lightcastspark.core.http.SlotPacer;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The slot schedule, on a clock the test moves. */
class SlotPacerTest {
  private static long reserve(SlotPacer pacer) throws Exception {
    Method reserve = SlotPacer.class.getDeclaredMethod("reserve");
    reserve.setAccessible(true);
    return (long) reserve.invoke(pacer);
  }

  @Test
  void twoJvmsInterleaveAndNoSecondEverHoldsMoreThanTheLimit() throws Exception {
    PacingPlan plan = PacingPlan.of("q", 5, 2, 0);
    AtomicLong now = new AtomicLong();
    SlotPacer a = new SlotPacer(0, plan.slotMillis(), 0, 2, now::get);
    SlotPacer b = new SlotPacer(0, plan.slotMillis(), 1, 2, now::get);
    List<Long> sent = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      sent.add(reserve(a));
      sent.add(reserve(b));
      sent.add(reserve(a));
    }
    sent.sort(null);
    for (int i = 0; i + 5 < sent.size(); i++) {
      assertTrue(sent.get(i + 5) - sent.get(i) >= 1000, "six requests within a second at " + sent.get(i));
    }
    assertEquals(1000.0 / (5 * PacingPlan.HEADROOM), plan.slotMillis(), 1e-9);
    assertEquals(5 * PacingPlan.HEADROOM / 2, plan.perJvmRate(), 1e-9);
  }

  @Test
  void slotsMissedWhileBusyAreNotMadeUpAndA429PausesTheJvm() throws Exception {
    AtomicLong now = new AtomicLong(1_000);
    SlotPacer pacer = new SlotPacer(0, 200, 0, 1, now::get);
    assertEquals(1_000, reserve(pacer));
    now.set(1_650);
    assertEquals(1_800, reserve(pacer), "the next slot after now, not the missed ones");
    assertEquals(2_000, reserve(pacer));
    pacer.pause(Duration.ofMillis(1_000));
    assertEquals(2_800, reserve(pacer), "held back until 1.65 s + 1 s");
  }

  @Test
  void aRequestThatLeftLateGivesUpTheSlotsItsDelayCovers() throws Exception {
    AtomicLong now = new AtomicLong(0);
    SlotPacer pacer = new SlotPacer(0, 100, 0, 1, now::get);
    pacer.awaitTurn();
    pacer.sent(0);
    assertEquals(100, reserve(pacer));
    pacer.awaitTurn();
    pacer.sent(350);
    assertEquals(500, reserve(pacer), "slots 300 and 400 given up for the request of slot 200, 150 ms late");
  }

  @Test
  void numericExecutorIdsPickTheirLane() {
    PacingPlan plan = PacingPlan.of("lanes", 5, 2, 0);
    assertTrue(plan.pacerFor("0") != plan.pacerFor("1"));
    assertTrue(plan.pacerFor("2") == plan.pacerFor("0"));
    assertTrue(plan.pacerFor("driver") == plan.pacerFor("0"));
  }
}
