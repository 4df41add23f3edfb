package io.github.lightcastspark.core.binding.lmi;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lightcastspark.core.options.RegionCodes;
import io.github.lightcastspark.core.options.RegionType;
import io.github.lightcastspark.core.transport.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a regions list leniently (the contract allows {@code data.regions[]} or {@code data[]}) into regions with
 * canonical codes, for both the {@code regions} dataset and the planner's "every region of a type".
 */
public final class RegionList {
  private RegionList() {}

  /**
   * One listed region.
   *
   * @param typeName the type as the contract names it ({@code state}, {@code msa}), or as the API sent an unknown one
   * @param code the region's code, canonical for a known type ({@code "06"} for a state the API lists as {@code 6});
   *     null when the API gave none
   * @param name the name as the API sent it, possibly a missing node
   * @param stateCodes for an MSA, the canonical codes of its states; null when the API lists none
   */
  public record Entry(String typeName, String code, JsonNode name, List<String> stateCodes) {
    /** @return the type, when it is one the contract knows */
    public Optional<RegionType> type() {
      return typeName == null ? Optional.empty() : RegionType.fromApiName(typeName);
    }

    /** @return whether this region is of {@code wanted} */
    public boolean is(RegionType wanted) {
      return type().filter(wanted::equals).isPresent();
    }
  }

  /**
   * @param root the regions response
   * @param description names the request, for the error
   * @return the regions of a regions response, in the order listed
   * @throws ApiException {@code MALFORMED_RESPONSE} when the body holds no regions list ({@code data} an array, or
   *     an object with a {@code regions} array, of objects): an answer of another shape is not "no regions"
   */
  public static List<Entry> entries(JsonNode root, String description) {
    JsonNode data = root.path("data");
    JsonNode list = data.isArray() ? data : data.path("regions");
    if (!list.isArray()) {
      throw ApiException.malformed(
          description,
          "the response has no regions list (\"data\" or" + " \"data.regions\" as an array)");
    }
    List<Entry> entries = new ArrayList<>();
    for (JsonNode region : list) {
      if (!region.isObject()) {
        throw ApiException.malformed(
            description, "the regions list holds " + region.getNodeType() + ", not an object");
      }
      String rawType = text(region.path("type"));
      Optional<RegionType> type =
          rawType == null ? Optional.empty() : RegionType.fromApiName(rawType);
      String code = text(region.path("code"));
      List<String> stateCodes = null;
      if (region.path("stateCodes").isArray()) {
        stateCodes = new ArrayList<>();
        for (JsonNode state : region.path("stateCodes")) {
          stateCodes.add(RegionCodes.fromApi(state.asText(), RegionType.STATE));
        }
      }
      entries.add(new Entry(
          type.map(RegionType::apiName).orElse(rawType),
          code == null ? null : type.map(t -> RegionCodes.fromApi(code, t)).orElse(code),
          region.path("name"),
          stateCodes == null ? null : List.copyOf(stateCodes)));
    }
    return entries;
  }

  private static String text(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : node.asText();
  }
}
