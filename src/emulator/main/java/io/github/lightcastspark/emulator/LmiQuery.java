package io.github.lightcastspark.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated by-SOC or by-CIP request body, checked as the contract's emulator table (A.5) says; anything else is
 * an {@link LmiError}.
 *
 * @param codes the requested codes, as sent
 * @param regionType national, state or msa
 * @param region the region code as sent (null for national)
 * @param fields the sparse fieldset, or null for every field
 * @param includeSkills whether to add skill requirements
 * @param fallbackToState whether MSA requests may use state projections
 */
record LmiQuery(
    List<String> codes,
    String regionType,
    String region,
    Set<String> fields,
    boolean includeSkills,
    boolean fallbackToState) {
  static final int MAX_CODES = 25;
  static final Set<String> FIELDS =
      Set.of("name", "socCode", "laborMarketData", "skillRequirements", "cipCodes");
  private static final Set<String> REGION_TYPES = Set.of("national", "state", "msa");
  /** The fallback flag's name is not documented (contract A.5), so every plausible spelling is accepted. */
  private static final List<String> FALLBACK_NAMES =
      List.of("fallbackToState", "allowStateFallback", "stateFallback", "msaStateFallback");

  private static final ObjectMapper JSON = Json.MAPPER;

  /**
   * @param body the request body
   * @param codesField {@code socCodes} or {@code cipCodes}
   * @param format the codes' format
   * @param data tells which regions exist
   * @return the query
   * @throws LmiError 400 with the contract's code when the body is invalid
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
    List<String> codes = codes(root.path(codesField), codesField, format);
    String regionType = regionType(root.path("regionType"));
    String region = regionType.equals("national") ? null : region(root, regionType, data);
    boolean fallback = false;
    for (String name : FALLBACK_NAMES) {
      fallback |= flag(root, name);
    }
    return new LmiQuery(
        codes,
        regionType,
        region,
        fields(root.path("fields")),
        flag(root, "includeSkills"),
        fallback);
  }

  /** A boolean field, absent meaning false; {@code "true"} or {@code 1} is refused, as a typed API would. */
  private static boolean flag(JsonNode root, String field) {
    JsonNode node = root.path(field);
    if (node.isMissingNode() || node.isNull()) {
      return false;
    }
    if (!node.isBoolean()) {
      throw new LmiError(
          400, "INVALID_INPUT", field + " must be a boolean", field, node.toString());
    }
    return node.booleanValue();
  }

  private static List<String> codes(JsonNode node, String field, Pattern format) {
    if (node.isMissingNode() || node.isNull() || (node.isArray() && node.isEmpty())) {
      throw new LmiError(
          400, "MISSING_REQUIRED_FIELD", field + " is required and must not be empty", field, null);
    }
    if (!node.isArray()) {
      throw new LmiError(
          400, "INVALID_INPUT", field + " must be an array of strings", field, node.toString());
    }
    if (node.size() > MAX_CODES) {
      throw new LmiError(
          400,
          "INVALID_INPUT",
          "Maximum " + MAX_CODES + " codes per request",
          field,
          String.valueOf(node.size()));
    }
    List<String> codes = new ArrayList<>();
    for (JsonNode code : node) {
      if (!code.isTextual() || !format.matcher(code.asText()).matches()) {
        throw new LmiError(
            400,
            "INVALID_FORMAT",
            "Invalid code format: " + code,
            field,
            code.isTextual() ? code.asText() : code.toString());
      }
      codes.add(code.asText());
    }
    return codes;
  }

  private static String regionType(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return "national";
    }
    if (!node.isTextual() || !REGION_TYPES.contains(node.asText())) {
      throw new LmiError(
          400,
          "INVALID_INPUT",
          "regionType must be one of national, state, msa",
          "regionType",
          node.isTextual() ? node.asText() : node.toString());
    }
    return node.asText();
  }

  /** The documented name is {@code region}; the doc's label "Region code" makes {@code regionCode} plausible too. */
  private static String region(JsonNode root, String regionType, EmulatorData data) {
    String field = root.has("region") ? "region" : "regionCode";
    JsonNode node = root.path(field);
    if (node.isMissingNode()
        || node.isNull()
        || (node.isTextual() && node.asText().isBlank())) {
      throw new LmiError(
          400,
          "MISSING_REQUIRED_FIELD",
          "region is required when regionType is " + regionType,
          "region",
          null);
    }
    if (!node.isTextual() && !node.isIntegralNumber()) {
      throw new LmiError(
          400, "INVALID_INPUT", "region must be a string or an integer", field, node.toString());
    }
    String region = node.asText();
    if (data.region(regionType, region).isEmpty()) {
      throw new LmiError(
          400,
          "INVALID_INPUT",
          "Region code does not match a known region for regionType " + regionType,
          field,
          region);
    }
    return region;
  }

  private static Set<String> fields(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      throw new LmiError(
          400,
          "INVALID_INPUT",
          "fields must be an array of field names",
          "fields",
          node.toString());
    }
    Set<String> fields = new LinkedHashSet<>();
    for (JsonNode field : node) {
      String name = field.isTextual() ? field.asText() : field.toString();
      if (!FIELDS.contains(name)) {
        throw new LmiError(
            400,
            "INVALID_INPUT",
            "Unknown field in fields: " + name
                + "; valid: name, socCode, laborMarketData, skillRequirements, cipCodes",
            "fields",
            name);
      }
      fields.add(name);
    }
    return fields;
  }
}
