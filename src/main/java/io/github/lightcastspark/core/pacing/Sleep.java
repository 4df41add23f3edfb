package io.github.lightcastspark.core.pacing;

import java.util.function.Function;

/**
 * Sleeping for the connector, one policy for every wait (a pacer's slot or hold, a retry's backoff): an interrupt
 * ends the wait and the task, with the thread's interrupt flag set again so that whoever runs the task still sees it.
 */
public final class Sleep {
  /** The failure of a pacer's wait for a turn cut short by an interrupt. */
  static final Function<InterruptedException, RuntimeException> RATE_LIMIT_WAIT =
      e -> new IllegalStateException("Interrupted while waiting for the rate limit", e);

  private Sleep() {}

  /**
   * Sleeps {@code millis} if positive.
   *
   * @param interrupted makes the failure thrown when an interrupt ends the sleep, saying what was waited for
   */
  public static void millis(
      long millis, Function<InterruptedException, ? extends RuntimeException> interrupted) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted.apply(e);
    }
  }
}
