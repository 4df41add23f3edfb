package io.github.lightcastspark.core.http;

import java.time.Duration;

/** Decides when the next request of a task may go out. */
public interface Pacer {
  /** Blocks until the next request may go out. @return the nanoseconds waited */
  long awaitTurn();

  /** Holds back every request through this pacer for {@code wait}, as a 429 asks. */
  void pause(Duration wait);

  /** Tells when the calling thread's request, let through by its last {@link #awaitTurn()}, actually went out. */
  default void sent(long sentMillis) {
  }

  /** @return a pacer that never waits, for endpoints outside the API's limit (the token endpoint) */
  static Pacer unlimited() {
    return new Pacer() {
      @Override
      public long awaitTurn() {
        return 0;
      }

      @Override
      public void pause(Duration wait) {
        // Nothing is paced, so nothing is held back.
      }
    };
  }
}
