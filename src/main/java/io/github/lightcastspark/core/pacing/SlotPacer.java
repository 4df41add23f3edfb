package io.github.lightcastspark.core.pacing;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One executor JVM's share of a query's request schedule. The driver lays a grid of slots over the wall clock, one
 * every {@code 1 / (rateLimit × headroom)} seconds from an origin; executor JVM {@code lane} of {@code lanes} owns
 * every {@code lanes}-th slot, and its tasks take its slots in turn, one request per slot. However many tasks,
 * partitions, retries or executors there are, at most one request goes out per slot, so no window of one second
 * ever holds more than the limit, and the JVMs need no coordination beyond their clocks.
 *
 * <p>The JVM may use fewer of its slots than it owns, when the server says its limit is lower:
 * <ul>
 *   <li>A 429 pauses the whole JVM (every task in it) for the server's wait, and halves the share of its slots it
 *       uses; each answer without one gives a little of it back ({@link #RECOVERY} of the lane), up to all of it.
 *       Two applications on one credential, each pacing itself to the full limit, so settle on shares of it.</li>
 *   <li>An answer whose {@code X-RateLimit-*} headers show a lower limit than the schedule's caps the share at that
 *       limit's part for this JVM, said once at WARN.</li>
 *   <li>A read with a tighter {@code rateLimit} for the same credential spaces the grid out to it while any of its
 *       readers runs in the JVM ({@link #heldAt}).</li>
 * </ul>
 */
public final class SlotPacer implements Pacer {
  /** How late a request may still take its slot. */
  static final long LATE_MILLIS = 10;
  /** The share of its slots a JVM takes back with each answer after a 429 halved it. */
  static final double RECOVERY = 0.02;
  /** The least share a run of 429s leaves: one slot in 64 of the lane. */
  static final double MIN_SHARE = 1.0 / 64;

  private static final Logger LOG = LoggerFactory.getLogger(SlotPacer.class);

  private final long originMillis;
  private final int lane;
  private final int lanes;
  private final LongSupplier clock;
  private double slotMillis;
  /** The grid index (of this lane's slots) before which no slot may be taken; fractional when sharing. */
  private double nextIndex;

  private long lastReservedMillis;
  /** The slot spacings the live readers were given, with how many hold each. */
  private final TreeMap<Double, Integer> holds = new TreeMap<>();

  private long holdUntilMillis;
  private double share = 1;
  private double ceiling = 1;
  private boolean warned;

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
  public Turn awaitTurn() {
    long start = System.nanoTime();
    while (true) {
      long slot = reserve();
      Sleep.millis(slot - clock.getAsLong(), Sleep.RATE_LIMIT_WAIT);
      if (clock.getAsLong() - slot <= LATE_MILLIS && !held(slot)) {
        return new Turn(System.nanoTime() - start, slot, this::sent);
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
  private synchronized void sent(Turn turn, long sentMillis) {
    long late = sentMillis - turn.slotMillis();
    if (late > LATE_MILLIS) {
      nextIndex += Math.ceil(late / laneSpacing());
    }
  }

  /** One halving per pause: the other requests that were refused in the same window tell nothing more. */
  @Override
  public synchronized boolean pause(Duration wait) {
    long now = clock.getAsLong();
    boolean starts = holdUntilMillis <= now;
    if (starts) {
      share = Math.max(MIN_SHARE, share / 2);
    }
    holdUntilMillis = Math.max(holdUntilMillis, now + wait.toMillis());
    return starts;
  }

  @Override
  public synchronized void answered(Map<String, String> headers) {
    double serverRate = ServerLimit.rate(headers, clock.getAsLong());
    if (serverRate >= 0) {
      double scheduleRate = 1000.0 / slotMillis;
      ceiling = Math.max(MIN_SHARE, Math.min(1, serverRate * PacingPlan.HEADROOM / scheduleRate));
      if (ceiling < 1 && !warned) {
        warned = true;
        LOG.warn(
            "The server allows about {} requests/s on this credential (its X-RateLimit headers), less than the"
                + " read's rateLimit of {}/s: this executor JVM slows to its share, {} requests/s, instead of being"
                + " refused.",
            String.format("%.2f", serverRate),
            String.format("%.2f", scheduleRate / PacingPlan.HEADROOM),
            String.format("%.2f", ceiling * scheduleRate / lanes));
      }
    }
    share = Math.min(ceiling, share + RECOVERY);
  }

  /**
   * @param slotMillis the slot spacing of the schedule a reader was given
   * @return a pacer for that reader: this JVM's, spaced for as long as the reader holds it at the widest spacing any
   *     live reader of this limit was given, so that a read planned with a tighter {@code rateLimit} on the same
   *     credential slows the JVM's tasks of every read while it runs, and no longer
   */
  public Held heldAt(double slotMillis) {
    hold(slotMillis, 1);
    return new Held(slotMillis);
  }

  /** One reader's hold of its JVM's pacer. */
  public final class Held implements Pacer {
    private final double slotMillis;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Held(double slotMillis) {
      this.slotMillis = slotMillis;
    }

    /** @return the JVM's pacer this hold is of */
    public SlotPacer pacer() {
      return SlotPacer.this;
    }

    /** @return a turn of the JVM's pacer, which the turn tells when its request left */
    @Override
    public Turn awaitTurn() {
      return SlotPacer.this.awaitTurn();
    }

    @Override
    public boolean pause(Duration wait) {
      return SlotPacer.this.pause(wait);
    }

    @Override
    public void answered(Map<String, String> headers) {
      SlotPacer.this.answered(headers);
    }

    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        hold(slotMillis, -1);
      }
    }
  }

  private synchronized void hold(double spacing, int delta) {
    holds.merge(spacing, delta, (a, b) -> a + b == 0 ? null : a + b);
    if (!holds.isEmpty()) {
      regrid(holds.lastKey());
    }
  }

  /** The next slot keeps its time (a pause, a share, slots given up) on the new grid, after the last one taken. */
  private void regrid(double newSlotMillis) {
    if (newSlotMillis != slotMillis) {
      double nextMillis = originMillis + (lane + nextIndex * lanes) * slotMillis;
      slotMillis = newSlotMillis;
      double onNewGrid = (nextMillis - originMillis - lane * slotMillis) / laneSpacing();
      nextIndex = Math.max(onNewGrid, indexAtOrAfter(lastReservedMillis) + 1);
    }
  }

  /** @return the share of its slots this JVM now uses */
  synchronized double share() {
    return share;
  }

  private double laneSpacing() {
    return slotMillis * lanes;
  }

  /**
   * @return the wall-clock time of the next free slot of this JVM, now taken: the first of its lane at or after now
   *     and the end of a pause, and at least the spacing its share allows after the last one taken
   */
  synchronized long reserve() {
    long earliest = Math.max(clock.getAsLong(), holdUntilMillis);
    long index = Math.max((long) Math.ceil(nextIndex - 1e-9), indexAtOrAfter(earliest));
    nextIndex = index + 1 / share;
    lastReservedMillis = originMillis + (long) Math.ceil((lane + index * lanes) * slotMillis);
    return lastReservedMillis;
  }

  private long indexAtOrAfter(long millis) {
    return (long) Math.ceil((millis - originMillis - lane * slotMillis) / laneSpacing());
  }
}
