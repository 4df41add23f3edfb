package io.github.lightcastspark.core.binding.lmi;

import io.github.lightcastspark.core.options.Dataset;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sparse fieldset sent to the LMI API: the top-level occupation fields the query's columns need, and always
 * {@code socCode}, which identifies each occupation (so that warnings find their rows, and so that a
 * {@code count(*)} still asks for one small field), plus {@code cipCodes} for by-CIP attribution.
 */
public final class FieldSelection {
  /** Top-level occupation fields of the API that are columns of the same name. */
  public static final Set<String> OCCUPATION_FIELDS =
      Set.of("name", "socCode", "laborMarketData", "skillRequirements");
  /** The by-CIP attribution field: which requested CIP codes matched an occupation. */
  public static final String CIP_ATTRIBUTION = "cipCodes";

  private FieldSelection() {}

  /**
   * @param dataset the dataset read
   * @param columns the top-level columns the query reads
   * @return the sorted field names to request
   */
  public static List<String> apiFields(Dataset dataset, Collection<String> columns) {
    TreeSet<String> fields = new TreeSet<>();
    fields.add("socCode");
    columns.stream().filter(OCCUPATION_FIELDS::contains).forEach(fields::add);
    if (dataset == Dataset.OCCUPATIONS_BY_CIP) {
      fields.add(CIP_ATTRIBUTION);
    }
    return List.copyOf(fields);
  }
}
