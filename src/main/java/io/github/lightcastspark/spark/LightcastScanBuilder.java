package io.github.lightcastspark.spark;

import io.github.lightcastspark.core.options.LightcastOptionException;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.plan.KeyColumns;
import io.github.lightcastspark.core.plan.PushedKeys;
import io.github.lightcastspark.core.plan.RequestPlanner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownFilters;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.sources.EqualNullSafe;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.IsNotNull;
import org.apache.spark.sql.sources.Or;
import org.apache.spark.sql.types.StructType;

/**
 * Pushes filters that name exact values of a request-key column ({@code =}, {@code <=>}, {@code IN}, and {@code OR}s
 * of these on one column) and {@code IS NOT NULL} into the requests, where the API answers them exactly, so Spark does
 * not check them again; every other filter is left to Spark. Prunes columns into the API's sparse fieldset.
 */
public final class LightcastScanBuilder implements ScanBuilder, SupportsPushDownFilters,
    SupportsPushDownRequiredColumns {
  private final ReadOptions options;
  private final Set<String> pushable;
  private StructType readSchema;
  private PushedKeys keys = PushedKeys.NONE;
  private final List<Filter> pushed = new ArrayList<>();
  private final List<Filter> regionResiduals = new ArrayList<>();

  /**
   * @param options the read's validated options
   * @param schema the dataset's full schema
   */
  public LightcastScanBuilder(ReadOptions options, StructType schema) {
    this.options = options;
    this.readSchema = schema;
    this.pushable = KeyColumns.pushable(options.dataset());
  }

  @Override
  public Filter[] pushFilters(Filter[] filters) {
    List<Filter> residual = new ArrayList<>();
    for (Filter filter : filters) {
      if (filter instanceof IsNotNull notNull && pushable.contains(notNull.attribute())) {
        keys = keys.andNotNull(notNull.attribute());
        pushed.add(filter);
        continue;
      }
      Optional<KeyFilter> key = KeyFilter.of(filter).filter(k -> pushable.contains(k.column()));
      if (key.isPresent()) {
        RequestPlanner.validateFilterValues(options.dataset(), key.get().column(), key.get().values());
        keys = keys.and(key.get().column(), key.get().values());
        pushed.add(filter);
      } else {
        residual.add(filter);
        if (options.dataset().codeKind().isPresent() && NationRow.dropsIt(filter)) {
          regionResiduals.add(filter);
        }
      }
    }
    return residual.toArray(new Filter[0]);
  }

  @Override
  public Filter[] pushedFilters() {
    return pushed.toArray(new Filter[0]);
  }

  @Override
  public void pruneColumns(StructType requiredSchema) {
    this.readSchema = requiredSchema;
  }

  /**
   * @throws LightcastOptionException when a region filter the API cannot answer ({@code LIKE}, {@code NOT IN}, a
   *     comparison) is the only word on regions and surely drops the nation's row: the planner would ask for its
   *     default, the nation, and return an empty result no one asked for
   */
  @Override
  public Scan build() {
    if (!regionResiduals.isEmpty() && !RequestPlanner.regionsGiven(options, keys)) {
      throw new LightcastOptionException("Filter " + regionResiduals.get(0) + " cannot become the regions of the"
          + " requests: name them with regionType/regionCode = '...' or IN (...), or the options regionType and"
          + " regionCodes.");
    }
    return new LightcastScan(options, keys, readSchema, pushedFilters());
  }

  /** The exact string values a filter allows on one top-level column. */
  private record KeyFilter(String column, Set<String> values) {
    static Optional<KeyFilter> of(Filter filter) {
      // For a value that is not null, <=> is =.
      if (filter instanceof EqualTo eq && eq.value() instanceof String v) {
        return Optional.of(new KeyFilter(eq.attribute(), Set.of(v)));
      }
      if (filter instanceof EqualNullSafe eq) {
        return of(new EqualTo(eq.attribute(), eq.value()));
      }
      // A null in an IN list matches no row, so it is dropped rather than keeping the filter from the API.
      if (filter instanceof In in && Arrays.stream(in.values()).allMatch(v -> v == null || v instanceof String)) {
        return Optional.of(new KeyFilter(in.attribute(), Arrays.stream(in.values()).filter(String.class::isInstance)
            .map(String.class::cast).collect(Collectors.toUnmodifiableSet())));
      }
      if (filter instanceof Or or) {
        Optional<KeyFilter> left = of(or.left());
        Optional<KeyFilter> right = of(or.right());
        if (left.isPresent() && right.isPresent() && left.get().column().equals(right.get().column())) {
          Set<String> union = new TreeSet<>(left.get().values());
          union.addAll(right.get().values());
          return Optional.of(new KeyFilter(left.get().column(), Set.copyOf(union)));
        }
      }
      return Optional.empty();
    }
  }
}
