package io.github.lightcastspark.core.options;

import java.util.Locale;

/** How a read uses its {@code cachePath} store (option {@code cacheMode}). */
public enum CacheMode {
  /** Answer from the store and fill it. */
  USE,
  /** Ask the API again and replace what the store holds. */
  REFRESH,
  /** Never ask the API; a request the store does not hold fails. */
  OFFLINE;

  static CacheMode of(String optionValue) {
    return valueOf(optionValue.toUpperCase(Locale.ROOT));
  }
}
