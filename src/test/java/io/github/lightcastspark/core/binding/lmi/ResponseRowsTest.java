package io.github.lightcastspark.core.binding.lmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lightcastspark.core.options.Dataset;
import io.github.lightcastspark.core.options.RegionType;
import io.github.lightcastspark.core.plan.ApiRequest;
import io.github.lightcastspark.core.plan.Region;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pairing of LMI responses with rows, without HTTP. */
class ResponseRowsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  @Test
  void warningsFindTheirRowsAndUnknownCodesKeepARow() throws Exception {
    ApiRequest request = new ApiRequest(
        Dataset.OCCUPATIONS, List.of("15-1252", "29-1141", "99-9999"), Region.of("41860"));
    JsonNode response = json("{'data':{'matchedOccupations':["
        + "{'socCode':'15-1252','name':'Software Developers','warnings':["
        + "{'code':'MSA_TO_STATE_PROJECTION_FALLBACK',"
        + "'message':'m','socCode':'15-1252'}]},{'socCode':'29-1141','name':'Registered Nurses'}],"
        + "'warnings':[{'code':'MSA_TO_STATE_PROJECTION_FALLBACK','message':'m','socCode':'15-1252'},"
        + "{'code':'INVALID_SOC_CODE','message':'unknown','socCode':'99-9999'},"
        + "{'code':'NOTICE','message':'all'}]}}");
    List<ObjectNode> rows = OccupationRows.of(request, response).orElseThrow();
    assertEquals(3, rows.size());
    assertEquals(
        json("{'socCode':'15-1252','name':'Software Developers','warnings':["
            + "{'code':'MSA_TO_STATE_PROJECTION_FALLBACK','message':'m','socCode':'15-1252'},"
            + "{'code':'NOTICE','message':'all'}],'regionType':'msa','regionCode':'41860'}"),
        rows.get(0));
    assertEquals(List.of("NOTICE"), rows.get(1).path("warnings").findValuesAsText("code"));
    assertEquals("99-9999", rows.get(2).path("socCode").asText());
    assertTrue(rows.get(2).path("name").isMissingNode());
    assertEquals(
        List.of("INVALID_SOC_CODE", "NOTICE"),
        rows.get(2).path("warnings").findValuesAsText("code"));
  }

  @Test
  void onlyWhatWasAskedForBecomesARowAndNothingTwice() throws Exception {
    ApiRequest request = new ApiRequest(Dataset.OCCUPATIONS, List.of("15-1252"), Region.NATIONAL);
    JsonNode response = json(
        "{'data':{'matchedOccupations':[{'socCode':'15-1132','name':'Other'},"
            + "{'socCode':'15-1252','name':'Software Developers'},{'socCode':'15-1252','name':'Again'}]}}");
    assertEquals(
        List.of("15-1252:Software Developers"),
        OccupationRows.of(request, response).orElseThrow().stream()
            .map(r -> r.path("socCode").asText() + ":" + r.path("name").asText())
            .toList());

    ApiRequest cip =
        new ApiRequest(Dataset.OCCUPATIONS_BY_CIP, List.of("11.0701", "11.0101"), Region.NATIONAL);
    JsonNode twice = json(
        "{'data':{'matchedOccupations':[{'socCode':'15-1252','cipCodes':['11.0701','11.0701']},"
            + "{'socCode':'15-1252','cipCodes':['11.0701']}],"
            + "'warnings':[{'code':'INVALID_CIP_CODE','message':'unknown','cipCode':'11.0101'}]}}");
    assertEquals(
        List.of("11.0701>15-1252", "11.0101>"),
        OccupationRows.of(cip, twice).orElseThrow().stream()
            .map(r -> r.path("cipCode").asText() + ">" + r.path("socCode").asText(""))
            .toList());

    JsonNode regions = json("{'data':[{'type':'state','code':'6','name':'California'},"
        + "{'type':'msa','code':'41860','name':'San Francisco'},{'code':'99','name':'No type'}]}");
    assertEquals(
        List.of("state:06"),
        RegionRows.of(regions, RegionType.STATE, "regions").stream()
            .map(r -> r.path("regionType").asText() + ":" + r.path("regionCode").asText())
            .toList());
    assertEquals(
        List.of("state:06", "msa:41860"),
        RegionRows.of(regions, null, "regions").stream()
            .map(r -> r.path("regionType").asText() + ":" + r.path("regionCode").asText())
            .toList());
  }

  @Test
  void cipPairsComeFromAttributionOrFromASingleCodeNeverFromAGuess() throws Exception {
    JsonNode attributed =
        json("{'data':{'matchedOccupations':[{'socCode':'15-1252','cipCodes':['11.0701']},"
            + "{'socCode':'15-1211','cipCodes':['11.0101','11.0701']}],"
            + "'warnings':[{'code':'INVALID_CIP_CODE','message':'x','cipCode':'99.9999'}]}}");
    ApiRequest three = new ApiRequest(
        Dataset.OCCUPATIONS_BY_CIP, List.of("11.0101", "11.0701", "99.9999"), Region.NATIONAL);
    List<String> pairs = OccupationRows.of(three, attributed).orElseThrow().stream()
        .map(r -> r.path("cipCode").asText() + ">" + r.path("socCode").asText()
            + r.path("warnings").findValuesAsText("code"))
        .toList();
    assertEquals(
        List.of(
            "11.0701>15-1252[]",
            "11.0101>15-1211[]",
            "11.0701>15-1211[]",
            "99.9999>null[INVALID_CIP_CODE]"),
        pairs);
    assertTrue(
        OccupationRows.of(three, attributed).orElseThrow().stream()
            .noneMatch(r -> r.has("cipCodes")),
        "the attribution field is not a column");

    JsonNode plain = json("{'data':{'matchedOccupations':[{'socCode':'15-1252'}]}}");
    assertEquals(Optional.empty(), OccupationRows.of(three, plain));
    ApiRequest one =
        new ApiRequest(Dataset.OCCUPATIONS_BY_CIP, List.of("11.0701"), Region.NATIONAL);
    assertEquals(
        "11.0701",
        OccupationRows.of(one, plain).orElseThrow().get(0).path("cipCode").asText());
  }
}
