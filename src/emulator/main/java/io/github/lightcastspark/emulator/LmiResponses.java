package io.github.lightcastspark.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The bodies of successful LMI responses (contract A.5 to A.7): {@code {"data":{...}}} with the request echoed,
 * occupations in ascending SOC order, and warnings for unknown codes and state fallbacks.
 */
final class LmiResponses {
  private static final ObjectMapper JSON = Json.MAPPER;

  private final EmulatorData data;
  private final boolean cipAttribution;
  private final boolean unknownCipAs404;

  LmiResponses(EmulatorConfig config, EmulatorData data) {
    this.data = data;
    this.cipAttribution = config.cipAttribution();
    this.unknownCipAs404 = config.unknownCipAs404();
  }

  /** @return the by-SOC body: each known code once; unknown codes as {@code INVALID_SOC_CODE} warnings */
  ObjectNode bySoc(LmiQuery query) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode out = echo(root, "socCodes", query);
    ArrayNode occupations = out.putArray("matchedOccupations");
    ArrayNode warnings = out.putArray("warnings");
    for (String soc : new TreeSet<>(query.codes())) {
      if (data.occupation(soc).isEmpty()) {
        warnings.add(warning("INVALID_SOC_CODE", "SOC code " + soc + " not found", "socCode", soc));
      } else {
        occupations.add(occupation(soc, query, null, warnings));
      }
    }
    return root;
  }

  /**
   * @return the by-CIP body: each matched occupation once, with the requested codes that matched it when
   *     attribution is on; unknown codes as {@code INVALID_CIP_CODE} warnings
   * @throws LmiError 404 {@code CIP_NOT_FOUND} when every code is unknown and the configuration asks for it
   */
  ObjectNode byCip(LmiQuery query) {
    Map<String, Set<String>> cipsBySoc = new TreeMap<>();
    ArrayNode warnings = JSON.createArrayNode();
    for (String cip : new LinkedHashSet<>(query.codes())) {
      List<String> socs = data.socCodesForCip(cip);
      if (socs.isEmpty()) {
        warnings.add(warning("INVALID_CIP_CODE", "CIP code " + cip + " not found", "cipCode", cip));
      }
      socs.forEach(
          soc -> cipsBySoc.computeIfAbsent(soc, k -> new LinkedHashSet<>()).add(cip));
    }
    if (cipsBySoc.isEmpty() && unknownCipAs404) {
      throw new LmiError(
          404,
          "CIP_NOT_FOUND",
          "None of the CIP codes was found",
          "cipCodes",
          String.join(",", query.codes()));
    }
    ObjectNode root = JSON.createObjectNode();
    ObjectNode out = echo(root, "cipCodes", query);
    ArrayNode occupations = out.putArray("matchedOccupations");
    out.set("warnings", warnings);
    cipsBySoc.forEach((soc, cips) ->
        occupations.add(occupation(soc, query, cipAttribution ? cips : null, warnings)));
    return root;
  }

  /** @return the regions body: those of {@code type}, or all when null; none for {@code national}, which has no code */
  ObjectNode regions(String type) {
    if (type != null && !Set.of("state", "msa", "national").contains(type)) {
      throw new LmiError(
          400, "INVALID_INPUT", "type must be one of state, msa, national", "type", type);
    }
    ObjectNode root = JSON.createObjectNode();
    ArrayNode regions = root.putObject("data").putArray("regions");
    if (!"national".equals(type)) {
      data.regions(type).forEach(r -> regions.add(data.regionJson(r)));
    }
    return root;
  }

  /** Adds the occupation's own fallback warning to the top-level {@code warnings}, where the contract requires it. */
  private ObjectNode occupation(
      String soc, LmiQuery query, Set<String> matchedCips, ArrayNode warnings) {
    ObjectNode occupation = data.occupationJson(
        soc, query.regionType(), query.region(), query.includeSkills(), query.fallbackToState());
    occupation.path("warnings").forEach(warnings::add);
    if (matchedCips != null) {
      ArrayNode cips = occupation.putArray("cipCodes");
      matchedCips.forEach(cips::add);
    }
    if (query.fields() != null) {
      occupation.retain(query.fields());
    }
    return occupation;
  }

  private static ObjectNode echo(ObjectNode root, String codesField, LmiQuery query) {
    ObjectNode out = root.putObject("data");
    ArrayNode codes = out.putArray(codesField);
    query.codes().forEach(codes::add);
    out.put("regionType", query.regionType());
    if (query.region() != null) {
      out.put("region", query.region());
    }
    return out;
  }

  private static ObjectNode warning(String code, String message, String field, String value) {
    return JSON.createObjectNode().put("code", code).put("message", message).put(field, value);
  }
}
