package io.github.lightcastspark.core.pacing;

import java.time.Duration;
import java.util.Map;

/** Decides when the next request of a task may go out. */
public interface Pacer {
  /**
   * Blocks until the next request may go out.
   *
   * @return the request's turn, to be told when the request actually left ({@link Turn#sent})
   */
  Turn awaitTurn();

  /**
   * Holds back every request through this pacer for {@code wait}, as a 429 asks.
   *
   * @return whether this starts a pause; false when it only extends one under way (other requests refused in the
   *     same window)
   */
  boolean pause(Duration wait);

  /** Tells that a request was answered with a 2xx, with these response headers (names lower-cased). */
  default void answered(Map<String, String> headers) {}

  /** Tells that the reader holding this pacer is done with it. */
  default void close() {}

  /**
   * @return a pacer for requests outside the API's schedule (the token endpoint, the planner's regions list): no
   *     slots, but a 429 still holds its requests back for the server's wait
   */
  static Pacer unscheduled() {
    return new HoldingPacer();
  }
}
