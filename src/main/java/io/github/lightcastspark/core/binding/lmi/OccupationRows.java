package io.github.lightcastspark.core.binding.lmi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lightcastspark.core.options.Dataset;
import io.github.lightcastspark.core.plan.ApiRequest;
import io.github.lightcastspark.core.plan.KeyColumns;
import io.github.lightcastspark.core.transport.ApiException;
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
 * know still appears, with null data and the API's warning about it, rather than silently vanishing; a code the
 * response says nothing of fails the request instead of becoming a row of nulls.
 */
public final class OccupationRows {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String WARNINGS = "warnings";

  private OccupationRows() {}

  /**
   * @param request the request that was answered
   * @param root the response body
   * @return the rows, or empty for a by-CIP response to several codes that does not say which code matched which
   *     occupation (the caller must then ask once per code)
   * @throws ApiException {@code MALFORMED_RESPONSE} when the body is not the contract's shape ({@code data} an
   *     object, {@code matchedOccupations} and {@code warnings} arrays of objects, each occupation with its
   *     {@code socCode}), or when it says nothing of a requested code: neither an occupation nor a warning naming it.
   *     A row of nulls for such a code would look like data the API has not got.
   */
  public static Optional<List<ObjectNode>> of(ApiRequest request, JsonNode root) {
    JsonNode data = root.path("data");
    if (!data.isObject()) {
      throw ApiException.malformed(request.toString(), "the response has no \"data\" object");
    }
    List<JsonNode> occupations = objects(request, data, "matchedOccupations");
    List<JsonNode> warnings = objects(request, data, WARNINGS);
    for (JsonNode occupation : occupations) {
      JsonNode soc = occupation.path("socCode");
      if (!soc.isTextual() || soc.asText().isBlank()) {
        throw ApiException.malformed(
            request.toString(),
            "an occupation of the response has no socCode: " + excerpt(occupation));
      }
    }
    return request.dataset() == Dataset.OCCUPATIONS
        ? Optional.of(bySoc(request, occupations, warnings))
        : byCip(request, occupations, warnings);
  }

  /** @return the objects of the array {@code field} of {@code data}; none when the field is absent or null */
  private static List<JsonNode> objects(ApiRequest request, JsonNode data, String field) {
    JsonNode array = data.path(field);
    List<JsonNode> out = new ArrayList<>();
    if (array.isMissingNode() || array.isNull()) {
      return out;
    }
    if (!array.isArray()) {
      throw ApiException.malformed(
          request.toString(),
          "\"data." + field + "\" is " + array.getNodeType() + ", not an array");
    }
    for (JsonNode element : array) {
      if (!element.isObject()) {
        throw ApiException.malformed(
            request.toString(),
            "\"data." + field + "\" holds " + element.getNodeType() + ", not an object");
      }
      out.add(element);
    }
    return out;
  }

  /**
   * @return the row of a requested code that no occupation answers: with null data and the API's warning about it
   * @throws ApiException when no warning names the code either
   */
  private static ObjectNode unanswered(
      ApiRequest request, String soc, String cip, List<JsonNode> warnings) {
    String key = cip == null ? "socCode" : "cipCode";
    String code = cip == null ? soc : cip;
    if (!namedByAWarning(warnings, key, code)) {
      throw ApiException.malformed(
          request.toString(),
          "the response says nothing of " + key + " " + code
              + ": no occupation and no warning names it");
    }
    return row(request, NODES.objectNode(), soc, cip, warnings);
  }

  private static boolean namedByAWarning(List<JsonNode> warnings, String key, String code) {
    for (JsonNode warning : warnings) {
      if (warning.path(key).asText("").equals(code)) {
        return true;
      }
    }
    return false;
  }

  private static String excerpt(JsonNode node) {
    String text = node.toString();
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }

  private static List<ObjectNode> bySoc(
      ApiRequest request, List<JsonNode> occupations, List<JsonNode> warnings) {
    List<ObjectNode> rows = new ArrayList<>();
    Set<String> answered = new LinkedHashSet<>();
    for (JsonNode occupation : occupations) {
      String soc = occupation.path("socCode").asText();
      // Only requested codes, each once: Spark does not check a pushed socCode filter again.
      if (request.codes().contains(soc) && answered.add(soc)) {
        rows.add(row(request, occupation, soc, null, warnings));
      }
    }
    for (String soc : request.codes()) {
      if (!answered.contains(soc)) {
        rows.add(unanswered(request, soc, null, warnings));
      }
    }
    return rows;
  }

  private static Optional<List<ObjectNode>> byCip(
      ApiRequest request, List<JsonNode> occupations, List<JsonNode> warnings) {
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
      String soc = occupation.path("socCode").asText();
      for (String cip : cips) {
        if (request.codes().contains(cip) && pairs.add(cip + ">" + soc)) {
          matchedCips.add(cip);
          rows.add(row(request, occupation, soc, cip, warnings));
        }
      }
    }
    for (String cip : request.codes()) {
      if (!matchedCips.contains(cip)) {
        rows.add(unanswered(request, null, cip, warnings));
      }
    }
    return Optional.of(rows);
  }

  private static ObjectNode row(
      ApiRequest request,
      JsonNode occupation,
      String soc,
      String cip,
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
