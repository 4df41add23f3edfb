package io.github.lightcastspark.core.pacing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The schedule's headroom, judged as the server does: by when requests arrive, on a clock the test moves. */
class HeadroomTest {
  /**
   * How long after its slot a request may arrive, unseen by the client: taken up to {@link SlotPacer#LATE_MILLIS}
   * late, then the network and the server's queue.
   */
  private static final long JITTER_MILLIS = 35;

  @Test
  void requestsArrivingUpTo35MsAfterTheirSlotsNeverPutMoreThanTheLimitIntoAnySecond() {
    int rateLimit = 5;
    int lanes = 2;
    PacingPlan plan = PacingPlan.of("headroom", rateLimit, lanes, 0);
    AtomicLong now = new AtomicLong(plan.originMillis());
    List<SlotPacer> jvms = new ArrayList<>();
    for (int lane = 0; lane < lanes; lane++) {
      jvms.add(new SlotPacer(plan.originMillis(), plan.slotMillis(), lane, lanes, now::get));
    }
    Random jitter = new Random(42);
    List<Long> arrivals = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      for (SlotPacer jvm : jvms) {
        long slot = jvm.reserve();
        now.set(Math.max(now.get(), slot));
        arrivals.add(slot + jitter.nextLong(JITTER_MILLIS + 1));
      }
    }
    arrivals.sort(null);
    for (int i = 0; i + rateLimit < arrivals.size(); i++) {
      long span = arrivals.get(i + rateLimit) - arrivals.get(i);
      assertTrue(
          span >= 1000,
          (rateLimit + 1) + " requests arrived within " + span + " ms, from " + arrivals.get(i)
              + " ms");
    }
  }
}
