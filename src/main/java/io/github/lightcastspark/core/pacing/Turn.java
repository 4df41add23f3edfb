package io.github.lightcastspark.core.pacing;

/**
 * One request's turn, as {@link Pacer#awaitTurn()} gave it: how long the request waited and the time it was let go.
 * The caller tells the turn when the request actually left ({@link #sent}); the turn carries its own slot, so the
 * pacer can judge that report whichever thread makes it and however many turns are out at once.
 */
public final class Turn {
  /** What the pacer that gave a turn makes of the time its request left. */
  @FunctionalInterface
  interface Departure {
    void sent(Turn turn, long sentMillis);
  }

  private final long waitedNanos;
  private final long slotMillis;
  private final Departure departure;

  /**
   * @param waitedNanos how long the request waited for its turn
   * @param slotMillis the wall-clock time the request was let go for: its slot, for a pacer with slots
   * @param departure told when the request left
   */
  Turn(long waitedNanos, long slotMillis, Departure departure) {
    this.waitedNanos = waitedNanos;
    this.slotMillis = slotMillis;
    this.departure = departure;
  }

  /** @return the nanoseconds the request waited for its turn */
  public long waitedNanos() {
    return waitedNanos;
  }

  /** @return the wall-clock milliseconds the request was let go for: its slot, for a pacer with slots */
  public long slotMillis() {
    return slotMillis;
  }

  /** Tells the pacer that gave this turn when its request actually left (its body written, or sent without one). */
  public void sent(long sentMillis) {
    departure.sent(this, sentMillis);
  }
}
