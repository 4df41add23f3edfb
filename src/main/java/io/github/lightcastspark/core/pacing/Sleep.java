package io.github.lightcastspark.core.pacing;

/** Sleeping for a pacer: an interrupt ends the wait and the task, with the interrupt flag kept. */
final class Sleep {
  private Sleep() {
  }

  /** Sleeps {@code millis} if positive. */
  static void millis(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the rate limit", e);
    }
  }
}
