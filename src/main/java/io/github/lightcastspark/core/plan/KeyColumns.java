package io.github.lightcastspark.core.plan;

import io.github.lightcastspark.core.options.Dataset;
import java.util.LinkedHashSet;
import java.util.Set;

/** Names of the columns that are request keys, and which of them each dataset can push to the API. */
public final class KeyColumns {
  /** The region type column: national, state or msa. */
  public static final String REGION_TYPE = "regionType";
  /** The region code column: a 2-digit state FIPS code, a 5-digit MSA code, or null for the nation. */
  public static final String REGION_CODE = "regionCode";
  /** Both region columns. */
  public static final Set<String> REGION_COLUMNS = Set.of(REGION_TYPE, REGION_CODE);

  private KeyColumns() {}

  /** @return the columns whose {@code =} and {@code IN} filters the API answers exactly for {@code dataset} */
  public static Set<String> pushable(Dataset dataset) {
    Set<String> columns = new LinkedHashSet<>();
    dataset.codeKind().ifPresent(kind -> columns.add(kind.column()));
    columns.add(REGION_TYPE);
    if (dataset.keyedByRegionCode()) {
      columns.add(REGION_CODE);
    }
    return columns;
  }
}
