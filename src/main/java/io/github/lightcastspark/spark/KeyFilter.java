package io.github.lightcastspark.spark;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.internal.connector.PredicateUtils;
import org.apache.spark.sql.sources.EqualNullSafe;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.Or;

/**
 * The exact string values a predicate allows on one top-level column: {@code =}, {@code <=>}, {@code IN}, and
 * {@code OR}s of these on one column. One reading of a predicate serves the filters pushed at planning and the
 * runtime filters Spark hands a scan when a join executes.
 *
 * @param column the column the predicate constrains
 * @param values the values it allows, possibly none
 */
record KeyFilter(String column, Set<String> values) {
  /** @return the column and values {@code predicate} allows, empty when it is not of that form */
  static Optional<KeyFilter> of(Predicate predicate) {
    scala.Option<Filter> filter = PredicateUtils.toV1(predicate);
    return filter.isDefined() ? of(filter.get()) : Optional.empty();
  }

  private static Optional<KeyFilter> of(Filter filter) {
    // For a value that is not null, <=> is =.
    if (filter instanceof EqualTo eq && eq.value() instanceof String v) {
      return Optional.of(new KeyFilter(eq.attribute(), Set.of(v)));
    }
    if (filter instanceof EqualNullSafe eq) {
      return of(new EqualTo(eq.attribute(), eq.value()));
    }
    // A null in an IN list matches no row, so it is dropped rather than keeping the filter from the
    // API.
    if (filter instanceof In in
        && Arrays.stream(in.values()).allMatch(v -> v == null || v instanceof String)) {
      return Optional.of(new KeyFilter(
          in.attribute(),
          Arrays.stream(in.values())
              .filter(String.class::isInstance)
              .map(String.class::cast)
              .collect(Collectors.toUnmodifiableSet())));
    }
    if (filter instanceof Or or) {
      Optional<KeyFilter> left = of(or.left());
      Optional<KeyFilter> right = of(or.right());
      if (left.isPresent()
          && right.isPresent()
          && left.get().column().equals(right.get().column())) {
        Set<String> union = new TreeSet<>(left.get().values());
        union.addAll(right.get().values());
        return Optional.of(new KeyFilter(left.get().column(), Set.copyOf(union)));
      }
    }
    return Optional.empty();
  }
}
