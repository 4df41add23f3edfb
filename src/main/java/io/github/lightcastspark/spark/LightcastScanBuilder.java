package io.github.lightcastspark.spark;

import io.github.lightcastspark.core.options.LightcastOptionException;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.plan.KeyColumns;
import io.github.lightcastspark.core.plan.PushedKeys;
import io.github.lightcastspark.core.plan.RequestPlanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.connector.read.SupportsPushDownV2Filters;
import org.apache.spark.sql.internal.connector.PredicateUtils;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.IsNotNull;
import org.apache.spark.sql.types.StructType;

/**
 * Pushes filters that name exact values of a request-key column ({@code =}, {@code <=>}, {@code IN}, and {@code OR}s
 * of these on one column) and {@code IS NOT NULL} into the requests, where the API answers them exactly, so Spark does
 * not check them again; every other filter is left to Spark. Prunes columns into the API's sparse fieldset.
 *
 * <p>Filters arrive as Spark's V2 predicates, which also carry functions of a column ({@code UPPER(regionType)},
 * {@code CAST(regionCode AS INT)}): a read that names no regions asks for the nation, and any filter on a region
 * column that is not surely true on the nation's row, or that may be true on another region's, would make that read
 * empty or partial, so it is refused before any request, naming the filter and how to name the regions instead.
 */
public final class LightcastScanBuilder
    implements ScanBuilder, SupportsPushDownV2Filters, SupportsPushDownRequiredColumns {
  private final ReadOptions options;
  private final Set<String> pushable;
  private StructType readSchema;
  private PushedKeys keys;
  private final List<Predicate> pushed = new ArrayList<>();
  private final List<Predicate> regionFilters = new ArrayList<>();

  /**
   * @param options the read's validated options
   * @param schema the dataset's full schema
   */
  public LightcastScanBuilder(ReadOptions options, StructType schema) {
    this.options = options;
    this.readSchema = schema;
    this.pushable = KeyColumns.pushable(options.dataset());
    this.keys = KeyTable.keys(options);
  }

  @Override
  public Predicate[] pushPredicates(Predicate[] predicates) {
    List<Predicate> residual = new ArrayList<>();
    for (Predicate predicate : predicates) {
      if (options.dataset().codeKind().isPresent() && NationRow.concernsRegions(predicate)) {
        regionFilters.add(predicate);
      }
      scala.Option<Filter> asFilter = PredicateUtils.toV1(predicate);
      Filter filter = asFilter.isDefined() ? asFilter.get() : null;
      if (filter instanceof IsNotNull notNull && pushable.contains(notNull.attribute())) {
        keys = keys.andNotNull(notNull.attribute());
        pushed.add(predicate);
        continue;
      }
      Optional<KeyFilter> key = KeyFilter.of(predicate).filter(k -> pushable.contains(k.column()));
      if (key.isPresent()) {
        RequestPlanner.validateFilterValues(
            options.dataset(), key.get().column(), key.get().values());
        keys = keys.and(key.get().column(), key.get().values());
        pushed.add(predicate);
      } else {
        residual.add(predicate);
      }
    }
    return residual.toArray(new Predicate[0]);
  }

  @Override
  public Predicate[] pushedPredicates() {
    return pushed.toArray(new Predicate[0]);
  }

  @Override
  public void pruneColumns(StructType requiredSchema) {
    this.readSchema = requiredSchema;
  }

  /**
   * @throws LightcastOptionException when no regions are named (the read would ask for the nation) and a filter on
   *     a region column is not surely true on the nation's row ({@code regionCode IS NOT NULL}, which Spark adds for
   *     a join on {@code regionCode}; {@code LIKE}; a function of the column), or may be true on another region's
   *     ({@code regionType <> 'state'}, {@code regionCode IS NULL OR regionCode = '06'}, an {@code OR} with another
   *     column). The nation alone would give an empty or partial result no one asked for.
   */
  @Override
  public Scan build() {
    if (!RequestPlanner.regionsGiven(options, keys)) {
      NationRow.firstNotSelectingTheNationOnly(regionFilters).ifPresent(p -> {
        throw new LightcastOptionException(unanswerable(p));
      });
    }
    // EXPLAIN lists them as source filters, the form every pushed one has.
    Filter[] asFilters =
        pushed.stream().map(p -> PredicateUtils.toV1(p).get()).toArray(Filter[]::new);
    return new LightcastScan(options, keys, readSchema, asFilters);
  }

  private static String unanswerable(Predicate predicate) {
    String notNull = predicate.name().equals("IS_NOT_NULL")
        ? " (Spark adds it for a join on the region columns, or for a function of them)"
        : "";
    return "Filter " + predicate + notNull
        + " cannot become the regions of the requests: no regions are named, so"
        + " the read would ask for the nation only (regionType 'national', regionCode null), and this filter would"
        + " leave an empty or partial result (for the nation and some regions, read each and union them). Name the"
        + " regions: where(\"regionType = 'state'\") for every state (or"
        + " 'msa'), where(\"regionCode IN ('06', '36')\") for some, or the options regionType and regionCodes.";
  }
}
