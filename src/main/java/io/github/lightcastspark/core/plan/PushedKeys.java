package io.github.lightcastspark.core.plan;

import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The values that pushed {@code =} and {@code IN} filters allow per request-key column, already intersected: two
 * filters on one column leave only the values both allow, possibly none. Immutable.
 */
public final class PushedKeys implements Serializable {
  private static final long serialVersionUID = 1L;

  /** No pushed filters. */
  public static final PushedKeys NONE = new PushedKeys(Map.of());

  private final Map<String, Set<String>> allowed;

  private PushedKeys(Map<String, Set<String>> allowed) {
    this.allowed = allowed;
  }

  /** @return these keys, further restricted to {@code values} on {@code column} */
  public PushedKeys and(String column, Collection<String> values) {
    TreeMap<String, Set<String>> next = new TreeMap<>(allowed);
    TreeSet<String> merged = new TreeSet<>(values);
    Set<String> previous = allowed.get(column);
    if (previous != null) {
      merged.retainAll(previous);
    }
    next.put(column, Collections.unmodifiableSet(merged));
    return new PushedKeys(Collections.unmodifiableMap(next));
  }

  /** @return the values allowed on {@code column}, empty when no filter constrains it */
  public Optional<Set<String>> allowed(String column) {
    return Optional.ofNullable(allowed.get(column));
  }

  /** @return whether no filter was pushed */
  public boolean isEmpty() {
    return allowed.isEmpty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PushedKeys p && p.allowed.equals(allowed);
  }

  @Override
  public int hashCode() {
    return allowed.hashCode();
  }

  /** @return the constraints as {@code column IN (values)}, for EXPLAIN */
  @Override
  public String toString() {
    return allowed.toString();
  }
}
