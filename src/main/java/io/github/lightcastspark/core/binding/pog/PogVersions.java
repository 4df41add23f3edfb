package io.github.lightcastspark.core.binding.pog;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;

/**
 * The vintage of the growth figures, as {@code /meta} reports it, carried on every row.
 *
 * @param modelVersion {@code modelVersions.projectedOccupationGrowth}
 * @param lotVersion {@code taxonomyVersions.lot}
 * @param areaVersion {@code taxonomyVersions.area}
 */
public record PogVersions(String modelVersion, String lotVersion, String areaVersion)
    implements Serializable {

  /** @return the versions in a {@code /meta} response; missing ones are null */
  public static PogVersions of(JsonNode meta) {
    JsonNode data = meta.path("data");
    return new PogVersions(
        data.path("modelVersions").path("projectedOccupationGrowth").asText(null),
        data.path("taxonomyVersions").path("lot").asText(null),
        data.path("taxonomyVersions").path("area").asText(null));
  }
}
