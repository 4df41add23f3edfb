package io.github.lightcastspark.core.rows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lightcastspark.core.http.RegionList;
import io.github.lightcastspark.core.options.RegionCodes;
import io.github.lightcastspark.core.options.RegionType;
import io.github.lightcastspark.core.plan.KeyColumns;
import java.util.ArrayList;
import java.util.List;

/** Turns a regions list into rows with canonical codes: {@code regionType}, {@code regionCode}, {@code name},
 * {@code stateCodes}. */
public final class RegionRows {
  private RegionRows() {
  }

  /** @return one row per region the API listed */
  public static List<ObjectNode> of(JsonNode root) {
    List<ObjectNode> rows = new ArrayList<>();
    for (JsonNode region : RegionList.entries(root)) {
      RegionType type = RegionType.fromApiName(region.path("type").asText("")).orElse(null);
      ObjectNode row = JsonNodeFactory.instance.objectNode();
      row.put(KeyColumns.REGION_TYPE, type == null ? region.path("type").asText(null) : type.apiName());
      String code = region.path("code").isMissingNode() || region.path("code").isNull()
          ? null : region.path("code").asText();
      row.put(KeyColumns.REGION_CODE, code == null || type == null ? code : RegionCodes.fromApi(code, type));
      row.set("name", region.path("name"));
      if (region.path("stateCodes").isArray()) {
        ArrayNode states = row.putArray("stateCodes");
        region.path("stateCodes").forEach(s -> states.add(RegionCodes.fromApi(s.asText(), RegionType.STATE)));
      }
      rows.add(row);
    }
    return rows;
  }
}
