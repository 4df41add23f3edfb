package io.github.lightcastspark.spark;

import io.github.lightcastspark.core.options.RegionType;
import io.github.lightcastspark.core.plan.KeyColumns;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BinaryOperator;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.internal.connector.PredicateUtils;
import org.apache.spark.sql.sources.EqualNullSafe;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.GreaterThan;
import org.apache.spark.sql.sources.GreaterThanOrEqual;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.IsNotNull;
import org.apache.spark.sql.sources.IsNull;
import org.apache.spark.sql.sources.LessThan;
import org.apache.spark.sql.sources.LessThanOrEqual;
import org.apache.spark.sql.sources.StringContains;
import org.apache.spark.sql.sources.StringEndsWith;
import org.apache.spark.sql.sources.StringStartsWith;

/**
 * What a filter on the region columns does to the rows of a read that names no regions, in SQL's three-valued logic.
 * Such a read asks for the nation only ({@code regionType} {@code 'national'}, {@code regionCode} null), so a region
 * filter is answered by it only when it surely keeps the nation's row and can never keep a row of another region
 * (a state or MSA: {@code regionType} {@code 'state'} or {@code 'msa'}, {@code regionCode} some code): anything else
 * would make the nation's row an empty or a partial answer. A part this class cannot evaluate (a function of a
 * column, another column, a code it does not know) may take any value.
 */
final class NationRow {
  /** SQL's truth values. */
  enum Truth {
    TRUE,
    FALSE,
    NULL;

    static Set<Truth> of(boolean value) {
      return EnumSet.of(value ? TRUE : FALSE);
    }
  }

  /** The rows a region filter is evaluated on: the nation's, and those of the regions such a read does not ask for. */
  enum Row {
    /** The nation's row: the one a read that names no regions asks for. */
    NATION(RegionType.NATIONAL),
    /** A state's row, with some code. */
    STATE(RegionType.STATE),
    /** An MSA's row, with some code. */
    MSA(RegionType.MSA);

    private final RegionType type;

    Row(RegionType type) {
      this.type = type;
    }
  }

  /** What a filter this class cannot evaluate may be. */
  static final Set<Truth> ANY = Collections.unmodifiableSet(EnumSet.allOf(Truth.class));

  private NationRow() {}

  /** @return whether {@code predicate} names a region column at all */
  static boolean concernsRegions(Predicate predicate) {
    for (NamedReference reference : predicate.references()) {
      if (KeyColumns.REGION_COLUMNS.contains(reference.fieldNames()[0])) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param conjuncts the region filters of a read, all of which a row must pass (Spark splits a filter's
   *     {@code AND}s, and its De Morgan rewrites make more of them: {@code NOT (a OR b)} arrives as {@code NOT a},
   *     {@code NOT b})
   * @return the first filter by which the nation's row is not exactly what they keep of the regions: one not surely
   *     true on the nation's row, else one that, with the others, may be true on a state's or an MSA's; empty when
   *     the nation is all they select, whatever the rows' other columns hold
   */
  static Optional<Predicate> firstNotSelectingTheNationOnly(List<Predicate> conjuncts) {
    if (conjuncts.isEmpty()) {
      // No word on regions: the nation is the read's default, and all it asks for.
      return Optional.empty();
    }
    List<Predicate> stated = conjuncts.stream()
        // The filter the user wrote says more than the IS NOT NULL that Spark derives from it.
        .sorted(Comparator.comparing(p -> p.name().equals("IS_NOT_NULL")))
        .toList();
    for (Predicate p : stated) {
      if (!evaluate(p, Row.NATION).equals(EnumSet.of(Truth.TRUE))) {
        return Optional.of(p);
      }
    }
    for (Row other : List.of(Row.STATE, Row.MSA)) {
      Set<Truth> all = Truth.of(true);
      for (Predicate p : stated) {
        all = combine(all, evaluate(p, other), NationRow::and);
      }
      if (all.contains(Truth.TRUE)) {
        // Each of them may then be true on that row: the first stands for them.
        return Optional.of(stated.get(0));
      }
    }
    return Optional.empty();
  }

  /** @return the values {@code predicate} may take on {@code row} */
  static Set<Truth> evaluate(Predicate predicate, Row row) {
    switch (predicate.name()) {
      case "AND":
        return combine(
            evaluate((Predicate) predicate.children()[0], row),
            evaluate((Predicate) predicate.children()[1], row),
            NationRow::and);
      case "OR":
        return not(combine(
            not(evaluate((Predicate) predicate.children()[0], row)),
            not(evaluate((Predicate) predicate.children()[1], row)),
            NationRow::and));
      case "NOT":
        return not(evaluate((Predicate) predicate.children()[0], row));
      default:
        // A leaf Spark can state as a source filter (a column against literals) is evaluated; any
        // other is unknown.
        scala.Option<Filter> leaf = PredicateUtils.toV1(predicate);
        return leaf.isDefined() ? leaf(leaf.get(), row) : ANY;
    }
  }

  private static Set<Truth> leaf(Filter filter, Row row) {
    String[] columns = filter.references();
    if (columns.length != 1 || !KeyColumns.REGION_COLUMNS.contains(columns[0])) {
      return ANY;
    }
    if (columns[0].equals(KeyColumns.REGION_TYPE)) {
      return known(filter, row.type.apiName());
    }
    return row == Row.NATION ? known(filter, null) : someCode(filter);
  }

  /** @return the values {@code filter} takes on a region code that is not null and not known */
  private static Set<Truth> someCode(Filter filter) {
    if (filter instanceof IsNull || filter instanceof EqualNullSafe eq && eq.value() == null) {
      return Truth.of(false);
    }
    return filter instanceof IsNotNull ? Truth.of(true) : ANY;
  }

  /** @return the values {@code filter} takes on its column holding {@code value} (null: SQL's NULL) */
  private static Set<Truth> known(Filter filter, String value) {
    if (filter instanceof IsNull) {
      return Truth.of(value == null);
    }
    if (filter instanceof IsNotNull) {
      return Truth.of(value != null);
    }
    if (filter instanceof EqualNullSafe eq) {
      return Truth.of(Objects.equals(value, eq.value()));
    }
    if (value == null) {
      // Any other comparison with a NULL is NULL.
      return filter instanceof EqualTo
              || filter instanceof In
              || compared(filter) != null
              || matched(filter) != null
          ? EnumSet.of(Truth.NULL)
          : ANY;
    }
    if (filter instanceof EqualTo eq) {
      return eq.value() == null ? EnumSet.of(Truth.NULL) : Truth.of(value.equals(eq.value()));
    }
    if (filter instanceof In in) {
      if (Arrays.asList(in.values()).contains(value)) {
        return Truth.of(true);
      }
      return Arrays.stream(in.values()).anyMatch(Objects::isNull)
          ? EnumSet.of(Truth.NULL)
          : Truth.of(false);
    }
    Object bound = compared(filter);
    if (bound instanceof String other) {
      int order = value.compareTo(other);
      return Truth.of(
          filter instanceof GreaterThan
              ? order > 0
              : filter instanceof GreaterThanOrEqual
                  ? order >= 0
                  : filter instanceof LessThan ? order < 0 : order <= 0);
    }
    String pattern = matched(filter);
    if (pattern != null) {
      return Truth.of(
          filter instanceof StringStartsWith
              ? value.startsWith(pattern)
              : filter instanceof StringEndsWith
                  ? value.endsWith(pattern)
                  : value.contains(pattern));
    }
    return ANY;
  }

  private static Object compared(Filter filter) {
    if (filter instanceof GreaterThan f) {
      return f.value();
    }
    if (filter instanceof GreaterThanOrEqual f) {
      return f.value();
    }
    if (filter instanceof LessThan f) {
      return f.value();
    }
    return filter instanceof LessThanOrEqual f ? f.value() : null;
  }

  private static String matched(Filter filter) {
    if (filter instanceof StringStartsWith f) {
      return f.value();
    }
    if (filter instanceof StringEndsWith f) {
      return f.value();
    }
    return filter instanceof StringContains f ? f.value() : null;
  }

  private static Set<Truth> combine(Set<Truth> left, Set<Truth> right, BinaryOperator<Truth> op) {
    Set<Truth> out = EnumSet.noneOf(Truth.class);
    for (Truth a : left) {
      for (Truth b : right) {
        out.add(op.apply(a, b));
      }
    }
    return out;
  }

  private static Truth and(Truth a, Truth b) {
    if (a == Truth.FALSE || b == Truth.FALSE) {
      return Truth.FALSE;
    }
    return a == Truth.NULL || b == Truth.NULL ? Truth.NULL : Truth.TRUE;
  }

  private static Set<Truth> not(Set<Truth> values) {
    Set<Truth> out = EnumSet.noneOf(Truth.class);
    for (Truth t : values) {
      out.add(t == Truth.TRUE ? Truth.FALSE : t == Truth.FALSE ? Truth.TRUE : Truth.NULL);
    }
    return out;
  }
}
