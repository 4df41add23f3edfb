package io.github.lightcastspark.core.rows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lightcastspark.core.options.Dataset;
import io.github.lightcastspark.core.plan.ApiRequest;
import io.github.lightcastspark.core.plan.FieldSelection;
import io.github.lightcastspark.core.plan.KeyColumns;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one LMI response into the dataset's rows, as JSON objects whose keys are column names: the occupation's own
 * fields, the request keys ({@code socCode} or {@code cipCode}, {@code regionType}, {@code regionCode}), and the
 * {@code warnings} that concern the row. Every requested code yields at least one row, so a code the API did not
 * know still appears, with null data and the API's warning about it, rather than silently vanishing.
 */
public final class OccupationRows {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String WARNINGS = "warnings";

  private OccupationRows() {
  }

  /**
   * @param request the request that was answered
   * @param root the response body
   * @return the rows, or empty for a by-CIP response to several codes that does not say which code matched which
   *     occupation (the caller must then ask once per code)
   */
  public static Optional<List<ObjectNode>> of(ApiRequest request, JsonNode root) {
    JsonNode data = root.path("data");
    List<JsonNode> occupations = new ArrayList<>();
    data.path("matchedOccupations").forEach(occupations::add);
    List<JsonNode> warnings = new ArrayList<>();
    data.path(WARNINGS).forEach(warnings::add);
    return request.dataset() == Dataset.OCCUPATIONS
        ? Optional.of(bySoc(request, occupations, warnings))
        : byCip(request, occupations, warnings);
  }

  private static List<ObjectNode> bySoc(ApiRequest request, List<JsonNode> occupations, List<JsonNode> warnings) {
    List<ObjectNode> rows = new ArrayList<>();
    Set<String> answered = new LinkedHashSet<>();
    for (JsonNode occupation : occupations) {
      String soc = occupation.path("socCode").asText(null);
      // Only requested codes, each once: Spark does not check a pushed socCode filter again.
      if (request.codes().contains(soc) && answered.add(soc)) {
        rows.add(row(request, occupation, soc, null, warnings));
      }
    }
    for (String soc : request.codes()) {
      if (!answered.contains(soc)) {
        rows.add(row(request, NODES.objectNode(), soc, null, warnings));
      }
    }
    return rows;
  }

  private static Optional<List<ObjectNode>> byCip(ApiRequest request, List<JsonNode> occupations,
      List<JsonNode> warnings) {
    List<ObjectNode> rows = new ArrayList<>();
    Set<String> matchedCips = new LinkedHashSet<>();
    Set<String> pairs = new HashSet<>();
    for (JsonNode occupation : occupations) {
      List<String> cips = new ArrayList<>();
      JsonNode attribution = occupation.path(FieldSelection.CIP_ATTRIBUTION);
      if (attribution.isArray()) {
        attribution.forEach(c -> cips.add(c.asText()));
      } else if (request.codes().size() == 1) {
        cips.add(request.codes().get(0));
      } else {
        return Optional.empty();
      }
      String soc = occupation.path("socCode").asText(null);
      for (String cip : cips) {
        if (request.codes().contains(cip) && pairs.add(cip + ">" + soc)) {
          matchedCips.add(cip);
          rows.add(row(request, occupation, soc, cip, warnings));
        }
      }
    }
    for (String cip : request.codes()) {
      if (!matchedCips.contains(cip)) {
        rows.add(row(request, NODES.objectNode(), null, cip, warnings));
      }
    }
    return Optional.of(rows);
  }

  private static ObjectNode row(ApiRequest request, JsonNode occupation, String soc, String cip,
      List<JsonNode> responseWarnings) {
    ObjectNode row = occupation.deepCopy();
    row.remove(FieldSelection.CIP_ATTRIBUTION);
    row.put("socCode", soc);
    if (cip != null) {
      row.put("cipCode", cip);
    }
    row.put(KeyColumns.REGION_TYPE, request.region().type().apiName());
    row.put(KeyColumns.REGION_CODE, request.region().code());
    Set<JsonNode> concerning = new LinkedHashSet<>();
    occupation.path(WARNINGS).forEach(concerning::add);
    for (JsonNode warning : responseWarnings) {
      if (concerns(warning, "socCode", soc) && concerns(warning, "cipCode", cip)) {
        concerning.add(warning);
      }
    }
    ArrayNode array = row.putArray(WARNINGS);
    concerning.forEach(array::add);
    return row;
  }

  /** A warning concerns a row unless it names a code of that kind that is not the row's. */
  private static boolean concerns(JsonNode warning, String key, String rowValue) {
    JsonNode named = warning.path(key);
    return named.isMissingNode() || named.isNull() || named.asText().equals(rowValue);
  }
}
