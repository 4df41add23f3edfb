package io.github.lightcastspark.spark;

import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.plan.KeyColumns;
import io.github.lightcastspark.core.plan.PushedKeys;
import io.github.lightcastspark.core.plan.RequestPlanner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownFilters;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.IsNotNull;
import org.apache.spark.sql.types.StructType;

/**
 * Pushes {@code =}, {@code IN} and {@code IS NOT NULL} filters on request-key columns into the requests, where the
 * API answers them exactly, so Spark does not check them again; every other filter is left to Spark. Prunes columns into the API's
 * sparse fieldset.
 */
public final class LightcastScanBuilder implements ScanBuilder, SupportsPushDownFilters,
    SupportsPushDownRequiredColumns {
  private final ReadOptions options;
  private final Set<String> pushable;
  private StructType readSchema;
  private PushedKeys keys = PushedKeys.NONE;
  private final List<Filter> pushed = new ArrayList<>();

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

  @Override
  public Scan build() {
    return new LightcastScan(options, keys, readSchema, pushedFilters());
  }

  /** An {@code =} or {@code IN} filter with string values on a top-level column. */
  private record KeyFilter(String column, Set<String> values) {
    static Optional<KeyFilter> of(Filter filter) {
      if (filter instanceof EqualTo eq && eq.value() instanceof String v) {
        return Optional.of(new KeyFilter(eq.attribute(), Set.of(v)));
      }
      if (filter instanceof In in && Arrays.stream(in.values()).allMatch(String.class::isInstance)) {
        return Optional.of(new KeyFilter(in.attribute(), Set.copyOf(Arrays.stream(in.values())
            .map(String.class::cast).toList())));
      }
      return Optional.empty();
    }
  }
}
