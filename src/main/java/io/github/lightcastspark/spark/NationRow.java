package io.github.lightcastspark.spark;

import io.github.lightcastspark.core.plan.KeyColumns;
import io.github.lightcastspark.core.options.RegionType;
import java.util.Arrays;
import java.util.Objects;
import org.apache.spark.sql.sources.And;
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
import org.apache.spark.sql.sources.Not;
import org.apache.spark.sql.sources.Or;
import org.apache.spark.sql.sources.StringContains;
import org.apache.spark.sql.sources.StringEndsWith;
import org.apache.spark.sql.sources.StringStartsWith;

/**
 * Whether a filter on the region columns keeps the nation's row ({@code regionType} {@code 'national'},
 * {@code regionCode} null), in SQL's three-valued logic: the row a read asks for when no regions are named.
 */
final class NationRow {
  /** SQL's truth values, and {@code UNKNOWN} for a filter this class cannot evaluate. */
  enum Truth {
    TRUE, FALSE, NULL, UNKNOWN;

    static Truth of(boolean value) {
      return value ? TRUE : FALSE;
    }
  }

  private NationRow() {
  }

  /** @return whether Spark would surely drop the nation's row under {@code filter}: its value is false or null */
  static boolean dropsIt(Filter filter) {
    Truth truth = evaluate(filter);
    return truth == Truth.FALSE || truth == Truth.NULL;
  }

  static Truth evaluate(Filter filter) {
    if (filter instanceof And and) {
      return and(evaluate(and.left()), evaluate(and.right()));
    }
    if (filter instanceof Or or) {
      return not(and(not(evaluate(or.left())), not(evaluate(or.right()))));
    }
    if (filter instanceof Not not) {
      return not(evaluate(not.child()));
    }
    String[] columns = filter.references();
    if (columns.length != 1 || !KeyColumns.REGION_COLUMNS.contains(columns[0])) {
      return Truth.UNKNOWN;
    }
    String value = columns[0].equals(KeyColumns.REGION_TYPE) ? RegionType.NATIONAL.apiName() : null;
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
      return filter instanceof EqualTo || filter instanceof In || compared(filter) != null || matched(filter) != null
          ? Truth.NULL : Truth.UNKNOWN;
    }
    if (filter instanceof EqualTo eq) {
      return eq.value() == null ? Truth.NULL : Truth.of(value.equals(eq.value()));
    }
    if (filter instanceof In in) {
      if (Arrays.asList(in.values()).contains(value)) {
        return Truth.TRUE;
      }
      return Arrays.stream(in.values()).anyMatch(Objects::isNull) ? Truth.NULL : Truth.FALSE;
    }
    Object bound = compared(filter);
    if (bound instanceof String other) {
      int order = value.compareTo(other);
      return Truth.of(filter instanceof GreaterThan ? order > 0 : filter instanceof GreaterThanOrEqual ? order >= 0
          : filter instanceof LessThan ? order < 0 : order <= 0);
    }
    String pattern = matched(filter);
    if (pattern != null) {
      return Truth.of(filter instanceof StringStartsWith ? value.startsWith(pattern)
          : filter instanceof StringEndsWith ? value.endsWith(pattern) : value.contains(pattern));
    }
    return Truth.UNKNOWN;
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

  private static Truth and(Truth a, Truth b) {
    if (a == Truth.FALSE || b == Truth.FALSE) {
      return Truth.FALSE;
    }
    if (a == Truth.UNKNOWN || b == Truth.UNKNOWN) {
      return Truth.UNKNOWN;
    }
    return a == Truth.NULL || b == Truth.NULL ? Truth.NULL : Truth.TRUE;
  }

  private static Truth not(Truth a) {
    return switch (a) {
      case TRUE -> Truth.FALSE;
      case FALSE -> Truth.TRUE;
      default -> a;
    };
  }
}
