package io.github.lightcastspark.core.binding.lmi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lightcastspark.core.options.RegionType;
import io.github.lightcastspark.core.plan.KeyColumns;
import java.util.ArrayList;
import java.util.List;

/** Turns a regions list into rows with canonical codes: {@code regionType}, {@code regionCode}, {@code name},
 * {@code stateCodes}. */
public final class RegionRows {
  private RegionRows() {}

  /**
   * @param root the regions response
   * @param requested the type asked for, or null for every type
   * @param description names the request, for errors
   * @return one row per region the API listed, of the type asked for (Spark does not check a pushed
   *     {@code regionType} filter again) and with a type at all (the column is not nullable)
   */
  public static List<ObjectNode> of(JsonNode root, RegionType requested, String description) {
    List<ObjectNode> rows = new ArrayList<>();
    for (RegionList.Entry region : RegionList.entries(root, description)) {
      if (region.typeName() == null || requested != null && !region.is(requested)) {
        continue;
      }
      ObjectNode row = JsonNodeFactory.instance.objectNode();
      row.put(KeyColumns.REGION_TYPE, region.typeName());
      row.put(KeyColumns.REGION_CODE, region.code());
      row.set("name", region.name());
      if (region.stateCodes() != null) {
        region.stateCodes().forEach(row.putArray("stateCodes")::add);
      }
      rows.add(row);
    }
    return rows;
  }
}
