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
  public static final PushedKeys NONE = new PushedKeys(Map.of(), Set.of());

  private final Map<String, Set<String>> allowed;
  private final Set<String> notNull;

  private PushedKeys(Map<String, Set<String>> allowed, Set<String> notNull) {
    this.allowed = allowed;
    this.notNull = notNull;
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
    return new PushedKeys(Collections.unmodifiableMap(next), notNull);
  }

  /** @return these keys, further restricted to rows where {@code column} is not null */
  public PushedKeys andNotNull(String column) {
    TreeSet<String> next = new TreeSet<>(notNull);
    next.add(column);
    return new PushedKeys(allowed, Collections.unmodifiableSet(next));
  }

  /** @return whether a filter requires {@code column} to be non-null */
  public boolean requiresNotNull(String column) {
    return notNull.contains(column);
  }

  /** @return the values allowed on {@code column}, empty when no filter constrains it */
  public Optional<Set<String>> allowed(String column) {
    return Optional.ofNullable(allowed.get(column));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PushedKeys p && p.allowed.equals(allowed) && p.notNull.equals(notNull);
  }

  @Override
  public int hashCode() {
    return allowed.hashCode() * 31 + notNull.hashCode();
  }

  /** @return the constraints as {@code {column=[values]} NOT NULL [columns]}, for EXPLAIN */
  @Override
  public String toString() {
    return allowed + (notNull.isEmpty() ? "" : " NOT NULL " + notNull);
  }
}
