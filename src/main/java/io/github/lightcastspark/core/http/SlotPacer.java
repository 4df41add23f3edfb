package io.github.lightcastspark.core.http;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One executor JVM's share of a query's request schedule. The driver lays a grid of slots over the wall clock, one
 * every {@code 1 / (rateLimit × headroom)} seconds from an origin; executor JVM {@code lane} of {@code lanes} owns
 * every {@code lanes}-th slot, and its tasks take its slots in turn, one request per slot. However many tasks,
 * partitions, retries or executors there are, at most one request goes out per slot, so no window of one second
 * ever holds more than the limit, and the JVMs need no coordination beyond their clocks. A 429 pauses the whole JVM
 * (every task in it) for the server's wait; the schedule then resumes at its usual pace.
 */
public final class SlotPacer implements Pacer {
  /** How late a request may still take its slot. */
  static final long LATE_MILLIS = 10;

  private final long originMillis;
  private final double slotMillis;
  private final int lane;
  private final int lanes;
  private final LongSupplier clock;
  private long nextIndex;
  private long holdUntilMillis;
  private final ThreadLocal<Long> lastSlot = new ThreadLocal<>();

  /**
   * @param originMillis wall-clock time of slot 0
   * @param slotMillis time between two consecutive slots of the whole query
   * @param lane the slots this JVM owns: {@code lane}, {@code lane + lanes}, …
   * @param lanes the number of executor JVMs sharing the schedule
   * @param clock wall-clock milliseconds
   */
  public SlotPacer(long originMillis, double slotMillis, int lane, int lanes, LongSupplier clock) {
    this.originMillis = originMillis;
    this.slotMillis = slotMillis;
    this.lane = lane;
    this.lanes = lanes;
    this.clock = clock;
  }

  /**
   * Waits for this JVM's next slot. A thread that wakes too late for its slot (a pause of the JVM, a busy machine)
   * gives it up and waits for the next one: a request sent late into a slot would bunch up with the ones after it.
   * So does a thread whose slot falls in a 429's pause that began while it slept.
   */
  @Override
  public long awaitTurn() {
    long start = System.nanoTime();
    while (true) {
      long slot = reserve();
      Sleep.millis(slot - clock.getAsLong());
      if (clock.getAsLong() - slot <= LATE_MILLIS && !held(slot)) {
        lastSlot.set(slot);
        return System.nanoTime() - start;
      }
    }
  }

  private synchronized boolean held(long slot) {
    return slot < holdUntilMillis;
  }

  /**
   * A request that left late (a connection to open, a pause of the JVM) stands later in the server's window than its
   * slot: the JVM gives up as many of its next slots as the delay covers, so that the requests after it keep their
   * distance.
   */
  @Override
  public synchronized void sent(long sentMillis) {
    Long slot = lastSlot.get();
    long late = slot == null ? 0 : sentMillis - slot;
    if (late > LATE_MILLIS) {
      nextIndex += (long) Math.ceil(late / (slotMillis * lanes));
    }
  }

  @Override
  public synchronized void pause(Duration wait) {
    holdUntilMillis = Math.max(holdUntilMillis, clock.getAsLong() + wait.toMillis());
  }

  /** @return the wall-clock time of the next free slot of this JVM, now taken */
  synchronized long reserve() {
    long earliest = Math.max(clock.getAsLong(), holdUntilMillis);
    double laneSpacing = slotMillis * lanes;
    long firstFitting = (long) Math.ceil((earliest - originMillis - lane * slotMillis) / laneSpacing);
    long index = Math.max(nextIndex, firstFitting);
    nextIndex = index + 1;
    return originMillis + (long) Math.ceil((lane + index * lanes) * slotMillis);
  }
}
