package io.github.lightcastspark.core.plan;

import io.github.lightcastspark.core.options.RegionCodes;
import io.github.lightcastspark.core.options.RegionType;
import java.io.Serializable;
import java.util.Comparator;

/**
 * A region a request is made for and its rows carry.
 *
 * @param type the region type
 * @param code the canonical code ("06", "41860"), null for the nation
 */
public record Region(RegionType type, String code) implements Serializable, Comparable<Region> {
  /** The United States as a whole. */
  public static final Region NATIONAL = new Region(RegionType.NATIONAL, null);

  private static final Comparator<Region> ORDER = Comparator.comparing(Region::type)
      .thenComparing(Region::code, Comparator.nullsFirst(Comparator.naturalOrder()));

  /** @return the region of a canonical state or MSA code */
  public static Region of(String canonicalCode) {
    return new Region(RegionCodes.typeOf(canonicalCode), canonicalCode);
  }

  /** @return the code as the API is sent it, or null for the nation */
  public String apiCode() {
    return code == null ? null : RegionCodes.apiForm(code);
  }

  @Override
  public int compareTo(Region other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return code == null ? type.apiName() : type.apiName() + " " + code;
  }
}
