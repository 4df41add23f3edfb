package io.github.lightcastspark.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated by-SOC or by-CIP request body, checked exactly as the contract's emulator table says; anything else is
 * an {@link LmiError}.
 *
 * @param codes the requested codes, as sent
 * @param regionType national, state or msa
 * @param region the region code as sent (null for national)
 * @param fields the sparse fieldset, or null for every field
 * @param includeSkills whether to add skill requirements
 * @param fallbackToState whether MSA requests may use state projections
 */
record LmiQuery(List<String> codes, String regionType, String region, Set<String> fields, boolean includeSkills,
    boolean fallbackToState) {
  static final int MAX_CODES = 25;
  static final Set<String> FIELDS = Set.of("name", "socCode", "laborMarketData", "skillRequirements", "cipCodes");
  private static final Set<String> REGION_TYPES = Set.of("national", "state", "msa");
  private static final List<String> FALLBACK_NAMES = List.of("fallbackToState", "allowStateFallback",
      "stateFallback", "msaStateFallback");
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param body the request body
   * @param codesField {@code socCodes} or {@code cipCodes}
   * @param format the codes' format
   * @param data tells which regions exist
   */
  static LmiQuery parse(String body, String codesField, Pattern format, EmulatorData data) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new LmiError(400, "INVALID_INPUT", "Request body is not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw new LmiError(400, "INVALID_INPUT", "Request body must be a JSON object");
    }
    JsonNode codesNode = root.path(codesField);
    if (!codesNode.isArray() || codesNode.isEmpty()) {
      throw new LmiError(400, "MISSING_REQUIRED_FIELD", codesField + " is required and must not be empty",
          codesField, codesNode.isMissingNode() ? null : codesNode.toString());
    }
    if (codesNode.size() > MAX_CODES) {
      throw new LmiError(400, "INVALID_INPUT", "Maximum " + MAX_CODES + " codes per request", codesField,
          String.valueOf(codesNode.size()));
    }
    List<String> codes = new ArrayList<>();
    for (JsonNode code : codesNode) {
      if (!code.isTextual() || !format.matcher(code.asText()).matches()) {
        throw new LmiError(400, "INVALID_FORMAT", "Invalid code format: " + code, codesField, code.asText());
      }
      codes.add(code.asText());
    }
    String regionType = root.path("regionType").asText("national");
    if (!REGION_TYPES.contains(regionType)) {
      throw new LmiError(400, "INVALID_INPUT", "regionType must be one of national, state, msa", "regionType",
          regionType);
    }
    String region = null;
    if (!regionType.equals("national")) {
      JsonNode regionNode = root.has("region") ? root.path("region") : root.path("regionCode");
      if (regionNode.isMissingNode() || regionNode.isNull() || regionNode.asText().isBlank()) {
        throw new LmiError(400, "MISSING_REQUIRED_FIELD", "region is required when regionType is " + regionType,
            "region", null);
      }
      region = regionNode.asText();
      if (data.region(regionType, region).isEmpty()) {
        throw new LmiError(400, "INVALID_INPUT", "Region code does not match a known region for regionType "
            + regionType, "region", region);
      }
    }
    return new LmiQuery(codes, regionType, region, fields(root.path("fields")),
        root.path("includeSkills").asBoolean(false), fallback(root));
  }

  private static Set<String> fields(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    Set<String> fields = new java.util.LinkedHashSet<>();
    for (JsonNode field : node) {
      if (!FIELDS.contains(field.asText())) {
        throw new LmiError(400, "INVALID_INPUT", "Unknown field in fields: " + field.asText(), "fields",
            field.asText());
      }
      fields.add(field.asText());
    }
    return fields;
  }

  private static boolean fallback(JsonNode root) {
    return FALLBACK_NAMES.stream().anyMatch(name -> root.path(name).asBoolean(false));
  }
}
