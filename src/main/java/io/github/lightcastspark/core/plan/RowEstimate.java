package io.github.lightcastspark.core.plan;

import io.github.lightcastspark.core.options.RegionCodes;
import io.github.lightcastspark.core.options.RegionType;
import java.util.List;

/**
 * How many rows planned requests will return, estimated before any is sent, so that Spark can plan joins around a
 * read (a small Lightcast result is broadcast instead of shuffling the user's large HR table).
 */
public final class RowEstimate {
  /**
   * Occupations matched per CIP code: the NCES CIP 2020–SOC 2018 crosswalk maps 2,143 CIP codes to 6,097 occupations,
   * 2.85 on average.
   */
  static final int OCCUPATIONS_PER_CIP = 3;

  /** Metropolitan statistical areas in the Census Bureau's 2020 CBSA delineation, Puerto Rico's included. */
  static final int MSAS = 392;

  private RowEstimate() {}

  /** @return the rows {@code requests} are expected to return */
  public static long of(List<ApiRequest> requests) {
    return requests.stream().mapToLong(RowEstimate::of).sum();
  }

  private static long of(ApiRequest request) {
    return switch (request.dataset()) {
      case OCCUPATIONS, OCCUPATION_GROWTH -> request.codes().size();
      case OCCUPATIONS_BY_CIP -> (long) request.codes().size() * OCCUPATIONS_PER_CIP;
      case REGIONS -> regions(request.region() == null ? null : request.region().type());
    };
  }

  private static long regions(RegionType type) {
    if (type == null) {
      return regions(RegionType.STATE) + regions(RegionType.MSA);
    }
    return switch (type) {
      case NATIONAL -> 0; // the nation has no code, so the list has no entry for it
      case STATE -> RegionCodes.STATE_FIPS.size();
      case MSA -> MSAS;
    };
  }
}
