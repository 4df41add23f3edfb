package io.github.lightcastspark.core.binding.pog;

import io.github.lightcastspark.core.options.RegionCodes;
import io.github.lightcastspark.core.options.RegionType;
import io.github.lightcastspark.core.plan.RegionCatalog;
import java.util.List;
import java.util.TreeSet;

/**
 * Every state, for the POG API, which has no regions list: the 50 states, DC and Puerto Rico by FIPS code. An MSA
 * list is never asked for, since POG has no MSAs.
 */
public final class BuiltInStates implements RegionCatalog {
  @Override
  public List<String> codes(RegionType type) {
    if (type != RegionType.STATE) {
      throw new IllegalArgumentException("No built-in list of " + type.apiName() + " regions");
    }
    return List.copyOf(new TreeSet<>(RegionCodes.STATE_FIPS));
  }
}
