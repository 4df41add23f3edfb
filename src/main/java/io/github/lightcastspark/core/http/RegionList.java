package io.github.lightcastspark.core.http;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the regions list leniently: the contract allows {@code data.regions[]} or {@code data[]}. */
public final class RegionList {
  private RegionList() {
  }

  /** @return the region objects of a regions response */
  public static Iterable<JsonNode> entries(JsonNode root) {
    JsonNode data = root.path("data");
    return data.isArray() ? data : data.path("regions");
  }
}
