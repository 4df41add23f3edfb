package io.github.lightcastspark.emulator;

import static io.github.lightcastspark.emulator.EmulatorHttp.KEY;
import static io.github.lightcastspark.emulator.EmulatorHttp.names;
import static io.github.lightcastspark.emulator.EmulatorHttp.post;
import static io.github.lightcastspark.emulator.EmulatorHttp.reparsed;
import static io.github.lightcastspark.emulator.EmulatorHttp.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lightcastspark.emulator.EmulatorHttp.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The by-SOC and by-CIP responses (A.5, A.6): figures, echo, order, fields, skills, fallback and warnings. */
class OccupationsTest extends SharedEmulatorTest {
  private static final Set<String> DEMAND_FACTORS =
      Set.of("high_growth", "high_openings", "high_wage");

  private static JsonNode data(String endpoint, String body) {
    Reply reply = post(emulator, endpoint, body);
    assertEquals(200, reply.status(), reply.raw().body());
    return reply.data();
  }

  private static JsonNode first(String endpoint, String body) {
    return data(endpoint, body).path("matchedOccupations").get(0);
  }

  @Test
  void nationalFiguresAreTheRealOnesInTheContractsShape() {
    JsonNode data = data("by-soc", "{'socCodes':['15-1252']}");
    assertEquals(List.of("socCodes", "regionType", "matchedOccupations", "warnings"), names(data));
    assertEquals("national", data.path("regionType").asText());
    JsonNode developer = data.path("matchedOccupations").get(0);
    assertEquals(List.of("name", "socCode", "laborMarketData"), names(developer));
    assertEquals("Software Developers", developer.path("name").asText());
    JsonNode lmd = developer.path("laborMarketData");
    assertEquals(133080.0, lmd.path("medianAnnualSalary").asDouble(), "OEWS May 2024 a_median");
    assertEquals(1654440, lmd.path("totalEmployment").asLong(), "OEWS May 2024 tot_emp");
    assertTrue(lmd.path("totalEmployment").isIntegralNumber());
    assertEquals(
        0.158, lmd.path("forecastedEmploymentGrowth").asDouble(), 1e-9, "EP 2024-34: 15.8 %");
    assertEquals(
        0.068, lmd.path("averageAnnualOpenings").asDouble(), 1e-9, "115.2 / 1693.8 thousand");
    assertEquals("Bachelor's degree", lmd.path("typicalDegreeLevel").asText());
    assertEquals(2, lmd.path("demand").path("score").asInt());
    assertEquals(List.of("high_growth", "high_wage"), texts(lmd.path("demand").path("factors")));
    assertEquals(0, data.path("warnings").size());
  }

  @Test
  void everyOccupationHasADemandScoreFromTheFixedVocabulary() {
    JsonNode occupations = data(
            "by-soc",
            "{'socCodes':['43-4051','29-1141','53-3032','47-2061','15-1252',"
                + "'41-2031','25-2021','13-2011','11-1021','15-2051']}")
        .path("matchedOccupations");
    assertEquals(10, occupations.size());
    for (JsonNode occupation : occupations) {
      JsonNode demand = occupation.path("laborMarketData").path("demand");
      int score = demand.path("score").asInt(-1);
      assertTrue(demand.path("score").isInt() && score >= 0 && score <= 2, demand.toString());
      assertEquals(Math.min(2, demand.path("factors").size()), score);
      assertTrue(DEMAND_FACTORS.containsAll(texts(demand.path("factors"))), demand.toString());
    }
  }

  @Test
  void occupationsComeOnceInAscendingSocOrderAndTheRequestIsEchoed() {
    JsonNode data = data(
        "by-soc",
        "{'socCodes':['29-1141','15-1252','29-1141','11-1021'],'regionType':'state',"
            + "'region':6}");
    List<String> socs = new ArrayList<>();
    data.path("matchedOccupations").forEach(o -> socs.add(o.path("socCode").asText()));
    assertEquals(List.of("11-1021", "15-1252", "29-1141"), socs);
    assertEquals(List.of("29-1141", "15-1252", "29-1141", "11-1021"), texts(data.path("socCodes")));
    assertEquals("state", data.path("regionType").asText());
    assertEquals("6", data.path("region").asText());
  }

  @Test
  void stateFiguresAreRealWhereOewsHasThemAndWhatTheDataSays() {
    for (String region : List.of("'6'", "'06'", "6")) {
      JsonNode occupation =
          first("by-soc", "{'socCodes':['15-1242'],'regionType':'state','region':" + region + "}");
      assertEquals(
          reparsed(emulator.data().occupationJson("15-1242", "state", "6", false, false)),
          occupation,
          region);
      assertEquals(
          8070,
          occupation.path("laborMarketData").path("totalEmployment").asLong(),
          "OEWS May 2023, CA");
      assertEquals(
          112170.0,
          occupation.path("laborMarketData").path("medianAnnualSalary").asDouble());
    }
    assertEquals(
        reparsed(emulator.data().occupationJson("29-1141", "state", "72", true, false)),
        first(
            "by-soc",
            "{'socCodes':['29-1141'],'regionType':'state','region':'72','includeSkills':true}"));
    assertEquals(
        reparsed(emulator.data().occupationJson("15-1252", "msa", "31080", false, false)),
        first("by-soc", "{'socCodes':['15-1252'],'regionType':'msa','regionCode':'31080'}"));
  }

  @Test
  void fieldsKeepOnlyTheListedKeys() {
    assertEquals(
        List.of("name"), names(first("by-soc", "{'socCodes':['15-1252'],'fields':['name']}")));
    assertEquals(
        List.of("socCode", "laborMarketData"),
        names(first(
            "by-soc",
            "{'socCodes':['15-1252'],'fields':['laborMarketData','socCode','cipCodes']}")));
    assertEquals(
        List.of("socCode", "cipCodes"),
        names(first("by-cip", "{'cipCodes':['52.0301'],'fields':['socCode','cipCodes']}")));
    JsonNode fellBack = data(
        "by-soc",
        "{'socCodes':['15-1252'],'regionType':'msa','region':'12060',"
            + "'fallbackToState':true,'fields':['socCode']}");
    assertEquals(List.of("socCode"), names(fellBack.path("matchedOccupations").get(0)));
    assertEquals(
        "MSA_TO_STATE_PROJECTION_FALLBACK",
        fellBack.path("warnings").get(0).path("code").asText(),
        "the top-level warning stays");
  }

  @Test
  void skillsOnlyWhenAskedWithMslNamesAndLevelsOneToFive() {
    assertTrue(
        first("by-soc", "{'socCodes':['15-1252']}").path("skillRequirements").isMissingNode());
    assertTrue(
        first("by-soc", "{'socCodes':['15-1252'],'fields':['skillRequirements']}")
            .path("skillRequirements")
            .isMissingNode(),
        "fields select, includeSkills adds");
    JsonNode skills = first("by-soc", "{'socCodes':['15-1252'],'includeSkills':true}")
        .path("skillRequirements")
        .path("coreSkills");
    assertEquals(5, skills.size());
    assertEquals(
        "Programming", skills.get(0).path("mslSkillName").asText(), "O*NET's most important first");
    assertEquals("msl_programming", skills.get(0).path("mslSkillId").asText());
    for (JsonNode skill : skills) {
      assertTrue(skill.path("level").isInt()
          && skill.path("level").asInt() >= 1
          && skill.path("level").asInt() <= 5);
    }
  }

  @Test
  void anMsaWithoutProjectionsFallsBackToItsStateOnlyWhenAskedUnderAnyFlagName() {
    JsonNode stateGrowth = emulator
        .data()
        .occupationJson("15-1252", "state", "13", false, false)
        .path("laborMarketData")
        .path("forecastedEmploymentGrowth");
    for (String flag :
        List.of("fallbackToState", "allowStateFallback", "stateFallback", "msaStateFallback")) {
      JsonNode data = data(
          "by-soc",
          "{'socCodes':['15-1252','99-0001'],'regionType':'msa','region':'12060','" + flag
              + "':true}");
      JsonNode occupation = data.path("matchedOccupations").get(0);
      assertEquals(
          stateGrowth, occupation.path("laborMarketData").path("forecastedEmploymentGrowth"), flag);
      JsonNode warning = occupation.path("warnings").get(0);
      assertEquals("MSA_TO_STATE_PROJECTION_FALLBACK", warning.path("code").asText(), flag);
      assertEquals("15-1252", warning.path("socCode").asText());
      assertEquals(warning, data.path("warnings").get(0), "repeated at the top");
      assertEquals("INVALID_SOC_CODE", data.path("warnings").get(1).path("code").asText());
    }
    JsonNode without =
        data("by-soc", "{'socCodes':['15-1252'],'regionType':'msa','region':'12060'}");
    assertTrue(without
        .path("matchedOccupations")
        .get(0)
        .path("laborMarketData")
        .path("forecastedEmploymentGrowth")
        .isNull());
    assertFalse(without.path("matchedOccupations").get(0).has("warnings"));
    assertEquals(0, without.path("warnings").size());
    assertEquals(
        0,
        data(
                "by-soc",
                "{'socCodes':['15-1252'],'regionType':'msa','region':'41860',"
                    + "'fallbackToState':true}")
            .path("warnings")
            .size(),
        "41860 has MSA projections");
    assertEquals(
        0,
        data(
                "by-soc",
                "{'socCodes':['15-1252'],'regionType':'state','region':'13',"
                    + "'fallbackToState':true}")
            .path("warnings")
            .size(),
        "no effect outside MSAs");
  }

  @Test
  void unknownSocCodesAreWarningsAndWellFormedOnesOfRealGroupsAreSynthetic() {
    JsonNode data = data("by-soc", "{'socCodes':['99-9999','15-9999','15-1252']}");
    JsonNode warning = data.path("warnings").get(0);
    assertEquals("INVALID_SOC_CODE", warning.path("code").asText());
    assertEquals("99-9999", warning.path("socCode").asText());
    assertEquals(1, data.path("warnings").size());
    JsonNode synthetic = data.path("matchedOccupations").get(1);
    assertEquals("Synthetic occupation 15-9999", synthetic.path("name").asText());
    assertEquals(synthetic, first("by-soc", "{'socCodes':['15-9999']}"), "stable");
    assertEquals(
        0, data("by-soc", "{'socCodes':['00-0000']}").path("matchedOccupations").size());
  }

  @Test
  void byCipListsEachMatchedOccupationOnceWithTheCodesThatMatchedIt() {
    JsonNode data = data(
        "by-cip",
        "{'cipCodes':['11.0701','11.0101','99.9999'],'regionType':'state'," + "'region':'06'}");
    assertEquals(
        List.of("cipCodes", "regionType", "region", "matchedOccupations", "warnings"), names(data));
    assertEquals(List.of("11.0701", "11.0101", "99.9999"), texts(data.path("cipCodes")));
    Set<String> expected = new TreeSet<>(emulator.data().socCodesForCip("11.0701"));
    expected.addAll(emulator.data().socCodesForCip("11.0101"));
    List<String> socs = new ArrayList<>();
    for (JsonNode occupation : data.path("matchedOccupations")) {
      String soc = occupation.path("socCode").asText();
      socs.add(soc);
      List<String> matched = new ArrayList<>();
      for (String cip : List.of("11.0701", "11.0101")) {
        if (emulator.data().socCodesForCip(cip).contains(soc)) {
          matched.add(cip);
        }
      }
      assertEquals(matched, texts(occupation.path("cipCodes")), soc);
      ObjectNode expectedOccupation =
          emulator.data().occupationJson(soc, "state", "06", false, false);
      expectedOccupation.putArray("cipCodes").addAll((ArrayNode) occupation.path("cipCodes"));
      assertEquals(reparsed(expectedOccupation), occupation);
    }
    assertEquals(List.copyOf(expected), socs, "once each, ascending");
    assertEquals(
        List.of("11.0701", "11.0101"),
        texts(data.path("matchedOccupations").get(socs.indexOf("15-1243")).path("cipCodes")));
    JsonNode warning = data.path("warnings").get(0);
    assertEquals("INVALID_CIP_CODE", warning.path("code").asText());
    assertEquals("99.9999", warning.path("cipCode").asText());
  }

  @Test
  void wellFormedCipCodesOfRealFamiliesMapToSyntheticButStableOccupations() {
    List<String> mapped = emulator.data().socCodesForCip("11.9876");
    assertTrue(mapped.size() >= 1 && mapped.size() <= 3, mapped.toString());
    List<String> socs = new ArrayList<>();
    data("by-cip", "{'cipCodes':['11.9876']}")
        .path("matchedOccupations")
        .forEach(o -> socs.add(o.path("socCode").asText()));
    assertEquals(mapped, socs);
    assertEquals(
        "INVALID_CIP_CODE",
        data("by-cip", "{'cipCodes':['99.0101']}")
            .path("warnings")
            .get(0)
            .path("code")
            .asText());
  }

  @Test
  void withoutAttributionNothingSaysWhichCodeMatchedAndAllUnknownMayBe404() {
    try (LightcastEmulator plain = LightcastEmulator.start(EmulatorConfig.builder()
        .platformKeys(KEY)
        .cipAttribution(false)
        .unknownCipAs404(true)
        .build())) {
      Reply reply = post(
          plain, "by-cip", "{'cipCodes':['11.0701','51.3801'],'fields':['socCode','cipCodes']}");
      assertEquals(200, reply.status());
      reply
          .data()
          .path("matchedOccupations")
          .forEach(o -> assertEquals(List.of("socCode"), names(o)));
      Reply notFound = post(plain, "by-cip", "{'cipCodes':['99.9999','98.0000']}");
      assertEquals(404, notFound.status());
      assertEquals("CIP_NOT_FOUND", notFound.code());
      assertEquals(
          200,
          post(plain, "by-cip", "{'cipCodes':['99.9999','52.0301']}").status(),
          "not all unknown");
    }
    Reply allUnknown = post(emulator, "by-cip", "{'cipCodes':['99.9999']}");
    assertEquals(200, allUnknown.status(), "by default 200 with warnings");
    assertEquals(0, allUnknown.data().path("matchedOccupations").size());
    assertEquals(1, allUnknown.data().path("warnings").size());
  }
}
