package io.github.lightcastspark.core.pacing;

import java.time.Duration;

/**
 * A pacer for requests outside the API's schedule (the planner's regions list, the token endpoint): it lets every
 * request through at once, except while a 429 holds it back for the server's wait.
 */
final class HoldingPacer implements Pacer {
  private long holdUntilMillis;

  @Override
  public Turn awaitTurn() {
    long start = System.nanoTime();
    long holdUntil;
    synchronized (this) {
      holdUntil = holdUntilMillis;
    }
    Sleep.millis(holdUntil - System.currentTimeMillis(), Sleep.RATE_LIMIT_WAIT);
    // No slots, so none to give up for a request that leaves late.
    return new Turn(
        System.nanoTime() - start, System.currentTimeMillis(), (turn, sentMillis) -> {});
  }

  @Override
  public synchronized boolean pause(Duration wait) {
    long now = System.currentTimeMillis();
    boolean starts = holdUntilMillis <= now;
    holdUntilMillis = Math.max(holdUntilMillis, now + wait.toMillis());
    return starts;
  }
}
