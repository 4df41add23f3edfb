package io.github.lightcastspark.core.plan;

import io.github.lightcastspark.core.options.RegionType;
import java.util.List;

/** Lists every region of a type, so that a query naming a region type but no codes can cover them all. */
@FunctionalInterface
public interface RegionCatalog {
  /** @return the canonical codes of every region of {@code type} (state or msa), sorted */
  List<String> codes(RegionType type);
}
