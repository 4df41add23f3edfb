package io.github.lightcastspark.core.pacing;

import java.time.Duration;

/**
 * A pacer for requests outside the API's schedule (the planner's regions list, the token endpoint): it lets every
 * request through at once, except while a 429 holds it back for the server's wait.
 */
final class HoldingPacer implements Pacer {
  private long holdUntilMillis;

  @Override
  public long awaitTurn() {
    long start = System.nanoTime();
    long holdUntil;
    synchronized (this) {
      holdUntil = holdUntilMillis;
    }
    Sleep.millis(holdUntil - System.currentTimeMillis());
    return System.nanoTime() - start;
  }

  @Override
  public synchronized void pause(Duration wait) {
    holdUntilMillis = Math.max(holdUntilMillis, System.currentTimeMillis() + wait.toMillis());
  }
}
