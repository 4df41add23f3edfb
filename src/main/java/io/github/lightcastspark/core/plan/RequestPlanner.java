package io.github.lightcastspark.core.plan;

import io.github.lightcastspark.core.options.CodeKind;
import io.github.lightcastspark.core.options.CodeList;
import io.github.lightcastspark.core.options.Dataset;
import io.github.lightcastspark.core.options.LightcastOptionException;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.options.RegionCodes;
import io.github.lightcastspark.core.options.RegionType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns options and pushed filters into the API requests a query needs: codes × regions, as many codes as the
 * endpoint takes (25 for the LMI, one for POG) and one region per request, in a deterministic order (regions, then
 * code batches). Codes and regions given both by option and by filter are intersected; an empty intersection plans no
 * request at all. A read that names no codes asks for every code of the official list ({@link CodeList}).
 */
public final class RequestPlanner {
  private final ReadOptions options;
  private final PushedKeys keys;
  private final RegionCatalog catalog;

  /**
   * @param options the read's options
   * @param keys the filters pushed to the API, already validated by {@link #validateFilterValues}
   * @param catalog lists every region of a type, consulted only when a type is given without codes
   */
  public RequestPlanner(ReadOptions options, PushedKeys keys, RegionCatalog catalog) {
    this.options = options;
    this.keys = keys;
    this.catalog = catalog;
  }

  /**
   * Checks filter values on a request-key column with the same rules as the options, so that a malformed value is a
   * clear error rather than an empty result.
   *
   * @throws LightcastOptionException naming the column, the value and what is valid
   */
  public static void validateFilterValues(Dataset dataset, String column, Set<String> values) {
    validateKeyValues(dataset, column, values, "Filter on column " + column);
  }

  /**
   * Checks request-key values, from a filter or a key table, with the same rules as the options.
   *
   * @param source names where the values come from, as the error message's subject
   * @throws LightcastOptionException naming the source, the value and what is valid
   */
  public static void validateKeyValues(
      Dataset dataset, String column, Set<String> values, String source) {
    for (String value : values) {
      if (column.equals(KeyColumns.REGION_TYPE)) {
        RegionType type = RegionType.fromApiName(value)
            .filter(t -> t.apiName().equals(value))
            .orElseThrow(() -> new LightcastOptionException(source + " has invalid value '" + value
                + "': valid values are " + RegionType.validValues() + "."));
        requireSupported(dataset, type, source, value);
      } else if (column.equals(KeyColumns.REGION_CODE)) {
        requireSupported(
            dataset, RegionCodes.typeOf(RegionCodes.canonical(value, source)), source, value);
      } else {
        CodeKind kind =
            dataset.codeKind().filter(k -> k.column().equals(column)).orElseThrow();
        if (!kind.isValid(value)) {
          throw new LightcastOptionException(
              source + " has invalid value '" + value + "': codes are " + kind.format() + ".");
        }
      }
    }
  }

  private static void requireSupported(
      Dataset dataset, RegionType type, String source, String value) {
    if (!dataset.answers(type)) {
      throw new LightcastOptionException(source + " has invalid value '" + value + "': "
          + RegionCodes.onlyNationAndStates(dataset) + ".");
    }
  }

  /** @return whether the options or the pushed filters say which regions to ask for (else: the nation) */
  public static boolean regionsGiven(ReadOptions options, PushedKeys keys) {
    return constrainedTypes(options, keys).isPresent()
        || regionCodes(options, keys).isPresent();
  }

  /** @return the requests, in a deterministic order; empty when the filters contradict each other or the options */
  public List<ApiRequest> plan() {
    if (!options.dataset().keyedByRegionCode()) {
      return planRegionList();
    }
    List<String> codes = codes();
    int perRequest = options.dataset().maxCodesPerRequest();
    List<ApiRequest> requests = new ArrayList<>();
    for (Region region : regions()) {
      for (int from = 0; from < codes.size(); from += perRequest) {
        List<String> batch = codes.subList(from, Math.min(codes.size(), from + perRequest));
        requests.add(new ApiRequest(options.dataset(), batch, region));
      }
    }
    return requests;
  }

  /**
   * @param planned the requests {@link #plan()} returned
   * @return the codes and regions they ask for, however they were given (options, filters, a key table, or none:
   *     every code), for EXPLAIN: {@code socCode=[11-1021, 15-1252] (2), regions=[state 06] (1)}; long lists are
   *     cut after ten
   */
  public String describeKeys(List<ApiRequest> planned) {
    TreeSet<Region> regions = new TreeSet<>();
    TreeSet<String> codes = new TreeSet<>();
    for (ApiRequest request : planned) {
      codes.addAll(request.codes());
      if (request.region() != null) {
        regions.add(request.region());
      }
    }
    String regionText = "regions=" + shortList(regions);
    Optional<CodeKind> kind = options.dataset().codeKind();
    if (kind.isEmpty()) {
      return regionText;
    }
    String codeText =
        namesNoCodes(kind.get()) ? CodeList.describe(kind.get()).orElseThrow() : shortList(codes);
    return kind.get().column() + "=" + codeText + ", " + regionText;
  }

  private static String shortList(Set<?> values) {
    List<String> shown = values.stream().limit(10).map(String::valueOf).toList();
    return "[" + String.join(", ", shown) + (values.size() > 10 ? ", …" : "") + "] ("
        + values.size() + ")";
  }

  private List<ApiRequest> planRegionList() {
    Optional<Set<RegionType>> types = constrainedTypes(options, keys);
    if (types.isEmpty()) {
      return List.of(new ApiRequest(options.dataset(), List.of(), null));
    }
    return types.get().stream()
        .map(t -> new ApiRequest(options.dataset(), List.of(), new Region(t, null)))
        .toList();
  }

  private List<String> codes() {
    CodeKind kind = options.dataset().codeKind().orElseThrow();
    Optional<Set<String>> byFilter = keys.allowed(kind.column());
    if (namesNoCodes(kind)) {
      return CodeList.every(kind)
          .orElseThrow(() -> new LightcastOptionException(
              "Dataset " + options.dataset().optionValue() + " needs " + kind.column()
                  + " codes (they have no public list to read them all from): set option "
                  + kind.optionName() + " (comma-separated, " + kind.format() + "), filter with "
                  + kind.column() + " = '...' or " + kind.column()
                  + " IN (...), or name a table of them with option keyTable."));
    }
    TreeSet<String> codes =
        new TreeSet<>(byFilter.orElseGet(() -> new TreeSet<>(options.codes().orElseThrow())));
    options.codes().ifPresent(codes::retainAll);
    return new ArrayList<>(codes);
  }

  /**
   * @return whether the plan reads every code of the official list or every region of a type: a read that nothing
   *     the user named bounds, which a join's runtime filter may still narrow to the keys it needs
   */
  public boolean readsEveryKey() {
    boolean everyCode = options.dataset().codeKind().map(this::namesNoCodes).orElse(false);
    boolean everyRegion = options.dataset().keyedByRegionCode()
        && regionCodes(options, keys).isEmpty()
        && constrainedTypes(options, keys)
            .map(types -> types.stream().anyMatch(t -> t != RegionType.NATIONAL))
            .orElse(false);
    return everyCode || everyRegion;
  }

  /** @return whether neither the options nor the keys (filters, a key table) name codes of {@code kind} */
  private boolean namesNoCodes(CodeKind kind) {
    return options.codes().isEmpty() && keys.allowed(kind.column()).isEmpty();
  }

  private List<Region> regions() {
    Optional<Set<String>> codeConstraint = regionCodes(options, keys);
    Set<RegionType> types = constrainedTypes(options, keys)
        .orElseGet(() -> codeConstraint
            .map(codes -> codes.stream()
                .map(RegionCodes::typeOf)
                .collect(() -> EnumSet.noneOf(RegionType.class), Set::add, Set::addAll))
            .orElse(EnumSet.of(RegionType.NATIONAL)));
    types.removeIf(t -> !options.dataset().answers(t));
    TreeSet<Region> regions = new TreeSet<>();
    for (RegionType type : types) {
      if (type == RegionType.NATIONAL) {
        if (codeConstraint.isEmpty() && !keys.requiresNotNull(KeyColumns.REGION_CODE)) {
          regions.add(Region.NATIONAL);
        }
      } else if (codeConstraint.isPresent()) {
        codeConstraint.get().stream()
            .filter(c -> RegionCodes.typeOf(c) == type)
            .map(Region::of)
            .forEach(regions::add);
      } else {
        catalog.codes(type).stream().map(Region::of).forEach(regions::add);
      }
    }
    return new ArrayList<>(regions);
  }

  /** @return the region types the options and pushed filters allow, empty when neither names one */
  private static Optional<Set<RegionType>> constrainedTypes(ReadOptions options, PushedKeys keys) {
    Optional<Set<String>> byFilter = keys.allowed(KeyColumns.REGION_TYPE);
    if (options.regionType().isEmpty() && byFilter.isEmpty()) {
      return Optional.empty();
    }
    Set<RegionType> types = EnumSet.allOf(RegionType.class);
    options.regionType().ifPresent(t -> types.retainAll(EnumSet.of(t)));
    byFilter.ifPresent(names -> types.removeIf(t -> !names.contains(t.apiName())));
    return Optional.of(types);
  }

  /** @return the region codes the options and pushed filters allow, empty when neither names one */
  private static Optional<Set<String>> regionCodes(ReadOptions options, PushedKeys keys) {
    Optional<Set<String>> byFilter = keys.allowed(KeyColumns.REGION_CODE);
    if (options.regionCodes().isEmpty() && byFilter.isEmpty()) {
      return Optional.empty();
    }
    TreeSet<String> codes = new TreeSet<>(
        byFilter.orElseGet(() -> new TreeSet<>(options.regionCodes().orElseThrow())));
    options.regionCodes().ifPresent(codes::retainAll);
    return Optional.of(codes);
  }
}
