package io.github.lightcastspark.core.pacing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lightcastspark.core.jvm.DriverState;
import io.github.lightcastspark.core.jvm.ExecutorState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The slot schedule, on a clock the test moves. */
class SlotPacerTest {
  @Test
  void twoJvmsInterleaveAndNoSecondEverHoldsMoreThanTheLimit() {
    PacingPlan plan = PacingPlan.of("q", 5, 2, 0);
    AtomicLong now = new AtomicLong();
    SlotPacer a = new SlotPacer(0, plan.slotMillis(), 0, 2, now::get);
    SlotPacer b = new SlotPacer(0, plan.slotMillis(), 1, 2, now::get);
    List<Long> sent = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      sent.add(a.reserve());
      sent.add(b.reserve());
      sent.add(a.reserve());
    }
    sent.sort(null);
    for (int i = 0; i + 5 < sent.size(); i++) {
      assertTrue(
          sent.get(i + 5) - sent.get(i) >= 1000, "six requests within a second at " + sent.get(i));
    }
    assertEquals(1000.0 / (5 * PacingPlan.HEADROOM), plan.slotMillis(), 1e-9);
    assertEquals(5 * PacingPlan.HEADROOM / 2, plan.perJvmRate(), 1e-9);
  }

  @Test
  void slotsMissedWhileBusyAreNotMadeUpAndA429PausesTheJvm() {
    AtomicLong now = new AtomicLong(1_000);
    SlotPacer pacer = new SlotPacer(0, 200, 0, 1, now::get);
    assertEquals(1_000, pacer.reserve());
    now.set(1_650);
    assertEquals(1_800, pacer.reserve(), "the next slot after now, not the missed ones");
    assertEquals(2_000, pacer.reserve());
    pacer.pause(Duration.ofMillis(1_000));
    assertEquals(2_800, pacer.reserve(), "held back until 1.65 s + 1 s");
  }

  @Test
  void aPauseThatBeginsWhileATaskWaitsForItsSlotHoldsThatTaskToo() throws Exception {
    SlotPacer pacer =
        new SlotPacer(System.currentTimeMillis(), 300, 0, 1, System::currentTimeMillis);
    pacer.awaitTurn();
    AtomicLong sentAt = new AtomicLong();
    Thread waiting = new Thread(() -> {
      pacer.awaitTurn();
      sentAt.set(System.currentTimeMillis());
    });
    waiting.start();
    Thread.sleep(100);
    long pausedAt = System.currentTimeMillis();
    pacer.pause(Duration.ofMillis(1000));
    waiting.join();
    assertTrue(
        sentAt.get() >= pausedAt + 1000,
        "sent " + (sentAt.get() - pausedAt) + " ms into a 1000 ms pause");
  }

  @Test
  void aRequestThatLeftLateGivesUpTheSlotsItsDelayCovers() {
    AtomicLong now = new AtomicLong(0);
    SlotPacer pacer = new SlotPacer(0, 100, 0, 1, now::get);
    pacer.awaitTurn().sent(0);
    assertEquals(100, pacer.reserve());
    pacer.awaitTurn().sent(350);
    assertEquals(
        500,
        pacer.reserve(),
        "slots 300 and 400 given up for the request of slot 200, 150 ms late");
  }

  /** Another application on the credential: 429s halve the share of slots used, answers give it back slowly. */
  @Test
  void a429HalvesTheShareOfSlotsAndAnswersGiveItBackGradually() {
    AtomicLong now = new AtomicLong(0);
    SlotPacer pacer = new SlotPacer(0, 100, 0, 1, now::get);
    assertEquals(0, pacer.reserve());
    assertEquals(100, pacer.reserve());
    assertTrue(pacer.pause(Duration.ofMillis(50)), "the first 429 starts a pause");
    assertFalse(pacer.pause(Duration.ofMillis(50)), "the next one of the same window extends it");
    assertEquals(0.5, pacer.share(), "the 429s of one pause halve it once");
    now.set(50);
    assertEquals(200, pacer.reserve());
    assertEquals(400, pacer.reserve(), "every other slot at half the share");
    pacer.pause(Duration.ZERO);
    assertEquals(600, pacer.reserve());
    assertEquals(1000, pacer.reserve(), "one slot in four at a quarter");
    for (int i = 0; i < 10; i++) {
      pacer.answered(Map.of());
    }
    assertEquals(0.45, pacer.share(), 1e-9, "a fiftieth of the lane back per answer");
    for (int i = 0; i < 100; i++) {
      pacer.answered(Map.of());
    }
    assertEquals(1.0, pacer.share(), "never more than the whole lane");
  }

  /** The emulator's LMI default, 60 a minute, under a read asking 5/s: its headers slow the JVM to 1/s. */
  @Test
  void aServerLimitBelowTheScheduleCapsTheShare() {
    AtomicLong now = new AtomicLong(1_000_000);
    SlotPacer pacer = new SlotPacer(0, 200, 0, 1, now::get);
    pacer.answered(Map.of(
        "x-ratelimit-limit",
        "60",
        "x-ratelimit-remaining",
        "10",
        "x-ratelimit-reset",
        String.valueOf(1_000 + 10)));
    assertEquals(
        0.96 * 1.0 / 5,
        pacer.share(),
        1e-9,
        "10 left for 10 s: 1 request/s of a 5/s schedule, with its" + " headroom");
    long first = pacer.reserve();
    assertEquals(first + 1200, pacer.reserve(), "one every 1.04 s, on the next slot of the grid");
    pacer.answered(Map.of(
        "x-ratelimit-limit",
        "60",
        "x-ratelimit-remaining",
        "50",
        "x-ratelimit-reset",
        String.valueOf(1_000 + 1)));
    assertEquals(
        0.96 * 1.0 / 5,
        pacer.share(),
        1e-9,
        "a reset a second away is too coarse to tell a rate by");
  }

  @Test
  void aTighterReadSpacesTheGridOutWhileItHoldsThePacerAndNoLonger() {
    AtomicLong now = new AtomicLong(0);
    SlotPacer pacer = new SlotPacer(0, 100, 0, 1, now::get);
    Pacer eager = pacer.heldAt(100);
    assertEquals(0, pacer.reserve());
    Pacer careful = pacer.heldAt(200);
    assertEquals(200, pacer.reserve());
    Pacer another = pacer.heldAt(100);
    assertEquals(400, pacer.reserve(), "a looser one changes nothing while the tighter one holds");
    careful.close();
    careful.close();
    assertEquals(600, pacer.reserve(), "the slot already due keeps its time");
    assertEquals(700, pacer.reserve(), "the tighter read done, its spacing goes with it");
    another.close();
    eager.close();
    assertEquals(800, pacer.reserve());
  }

  @Test
  void aTighterScheduleKeepsTheBackOffOfEarlier429s() {
    AtomicLong now = new AtomicLong(0);
    SlotPacer pacer = new SlotPacer(0, 100, 0, 1, now::get);
    pacer.heldAt(100);
    assertEquals(0, pacer.reserve());
    for (int i = 0; i < 3; i++) {
      pacer.pause(Duration.ZERO);
    }
    assertEquals(0.125, pacer.share());
    assertEquals(
        100,
        pacer.reserve(),
        "the next request waits for its slot; the one after it eight slots more");
    pacer.heldAt(200);
    assertEquals(
        1000,
        pacer.reserve(),
        "the first slot of the wider grid at or after 900, not the next one, 400");
  }

  @Test
  void aReplacementTakesTheLaneOfTheExecutorItReplacedInsteadOfSharingItsRemainder() {
    DriverState lanes = DriverState.get();
    PacingPlan plan = PacingPlan.of("lanes-replaced", 5, 2, 0);
    assertEquals(
        Map.of("1", 1, "2", 0),
        lanes.lanesOf(plan, List.of("1", "2")),
        "each its id's remainder while free");
    Map<String, Integer> afterLoss = lanes.lanesOf(plan, List.of("1", "3"));
    assertEquals(
        Map.of("1", 1, "3", 0),
        afterLoss,
        "3 replaced 2; by its remainder it would share lane 1 with 1");
    assertTrue(ExecutorState.get().pacerFor(plan, "1", afterLoss).pacer()
        != ExecutorState.get().pacerFor(plan, "3", afterLoss).pacer());
  }

  @Test
  void executorsThatComeLaterAgreeWithTheDriverWhereTheirRemainderIsFree() {
    DriverState lanes = DriverState.get();
    PacingPlan plan = PacingPlan.of("lanes-late", 5, 4, 0);
    Map<String, Integer> early = lanes.lanesOf(plan, List.of("1", "2"));
    assertEquals(Map.of("1", 1, "2", 2), early);
    assertEquals(3, plan.laneOf("3", early), "3 came after this read was planned");
    assertEquals(0, plan.laneOf("4", early));
    assertEquals(
        Map.of("1", 1, "2", 2, "3", 3, "4", 0),
        lanes.lanesOf(plan, List.of("1", "2", "3", "4")),
        "a read planned after they came gives them the same lanes");
    assertEquals(
        Map.of("2", 2, "3", 3, "4", 0, "9", 1),
        lanes.lanesOf(plan, List.of("2", "3", "4", "9")),
        "9 replaces 1 and takes its lane, its remainder being free");
    PacingPlan starting = PacingPlan.of("lanes-starting", 5, 2, 0);
    assertEquals(
        List.of(1, 0),
        List.of(starting.laneOf("1", Map.of()), starting.laneOf("2", Map.of())),
        "planned before any executor registered");
    assertEquals(Map.of("1", 1, "2", 0), lanes.lanesOf(starting, List.of("1", "2")));
    PacingPlan local = PacingPlan.of("lanes-local", 5, 1, 0);
    assertEquals(Map.of(), lanes.lanesOf(local, List.of()));
    assertTrue(ExecutorState.get().pacerFor(local, "driver", Map.of()).pacer()
        == ExecutorState.get().pacerFor(local, "driver", Map.of()).pacer());
  }
}
