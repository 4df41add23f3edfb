package io.github.lightcastspark.core.store;

import java.util.Optional;

/**
 * What the store holds for one request.
 *
 * @param outcome whether an entry answered, and why not
 * @param body the stored body, for a hit
 */
public record Lookup(Outcome outcome, Optional<byte[]> body) {
  /** Why an entry answered or did not. */
  public enum Outcome {
    /** A valid entry within the TTL. */
    HIT,
    /** No entry. */
    MISS,
    /** An entry older than the TTL. */
    EXPIRED,
    /** A file that is no valid entry of this request: truncated, altered, unreadable. */
    CORRUPT
  }

  static Lookup hit(byte[] body) {
    return new Lookup(Outcome.HIT, Optional.of(body));
  }

  static Lookup miss() {
    return new Lookup(Outcome.MISS, Optional.empty());
  }

  static Lookup expired() {
    return new Lookup(Outcome.EXPIRED, Optional.empty());
  }

  static Lookup corrupt() {
    return new Lookup(Outcome.CORRUPT, Optional.empty());
  }
}
