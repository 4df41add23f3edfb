package io.github.lightcastspark.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lightcastspark.emulator.data.OccupationFacts;
import io.github.lightcastspark.emulator.data.RegionFacts;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The built-in data set: the curation the docs promise, and the figures derived and made up from it. */
class BuiltInDataTest {
  private static final EmulatorData DATA = EmulatorData.builtIn();

  @Test
  void itHoldsTheCuratedOccupationsAcrossManyMajorGroups() {
    List<String> held = DATA.heldSocCodes();
    assertEquals(40, held.size());
    assertTrue(
        held.containsAll(List.of(
            "15-1252", "15-1211", "15-1242", "15-1243", "15-2051", "29-1141", "11-1021", "13-2011",
            "43-4051", "41-2031", "53-3032", "47-2061", "25-2021")),
        held.toString());
    assertTrue(held.stream().map(s -> s.substring(0, 2)).distinct().count() >= 15);
    for (String soc : held) {
      OccupationFacts o = DATA.occupation(soc).orElseThrow();
      assertFalse(o.synthetic());
      assertTrue(o.employment() > 0 && o.medianAnnualSalary() > 0, soc);
      assertTrue(o.openingsRate() > 0 && o.openingsRate() < 1, soc);
      assertFalse(o.skills().isEmpty(), soc);
      assertFalse(o.typicalDegreeLevel().isBlank(), soc);
    }
  }

  @Test
  void theCrosswalkMapsTheSandboxProgramsToHeldOccupations() {
    for (String cip : List.of("11.0701", "11.0101", "27.0501", "51.3801", "52.0301")) {
      List<String> socs = DATA.socCodesForCip(cip);
      assertFalse(socs.isEmpty(), cip);
      assertTrue(DATA.heldSocCodes().containsAll(socs), cip);
    }
    assertEquals(List.of("13-2011"), DATA.socCodesForCip("52.0301"));
    assertTrue(DATA.socCodesForCip("51.3801").contains("29-1141"));
  }

  @Test
  void regionsAreEveryStateDcPuertoRicoAndADozenMsasSomeWithProjections() {
    assertEquals(52, DATA.regions("state").size());
    Set<String> msas =
        DATA.regions("msa").stream().map(RegionFacts::code).collect(Collectors.toSet());
    assertEquals(
        Set.of(
            "41860", "31080", "35620", "16980", "19100", "26420", "47900", "33100", "37980",
            "12060", "14460", "42660"),
        msas);
    Set<String> projected = DATA.regions("msa").stream()
        .filter(RegionFacts::msaProjections)
        .map(RegionFacts::code)
        .collect(Collectors.toSet());
    assertEquals(Set.of("41860", "31080", "35620", "16980", "42660", "14460"), projected);
    assertEquals("California", DATA.region("state", "6").orElseThrow().name());
    assertEquals(DATA.region("state", "06"), DATA.region("state", "6"));
    assertTrue(DATA.region("state", "57").isEmpty());
  }

  @Test
  void derivedStateFiguresScaleTheNationalOnesAndMsaGrowthNeedsProjections() {
    OccupationFacts nurse = DATA.occupation("29-1141").orElseThrow();
    RegionFacts texas = DATA.region("state", "48").orElseThrow();
    JsonNode derived =
        DATA.occupationJson("29-1141", "state", "48", false, false).path("laborMarketData");
    assertEquals(
        Math.round(nurse.employment() * texas.employmentShare()),
        derived.path("totalEmployment").asLong());
    assertEquals(
        Math.round(nurse.medianAnnualSalary() * texas.wageIndex() / 10) * 10.0,
        derived.path("medianAnnualSalary").asDouble());
    assertEquals(nurse.growth(), derived.path("forecastedEmploymentGrowth").asDouble());

    JsonNode chicago =
        DATA.occupationJson("29-1141", "msa", "16980", false, false).path("laborMarketData");
    assertEquals(nurse.growth(), chicago.path("forecastedEmploymentGrowth").asDouble(), 0.02);
    assertTrue(
        DATA.occupationJson("29-1141", "msa", "19100", false, false)
            .path("laborMarketData")
            .path("forecastedEmploymentGrowth")
            .isNull(),
        "Dallas has no MSA projections");
    assertEquals(
        DATA.occupationJson("29-1141", "msa", "19100", false, false),
        DATA.occupationJson("29-1141", "msa", "19100", false, false),
        "deterministic");
  }

  @Test
  void syntheticCodesAreStableAndUnknownOnesEmpty() {
    OccupationFacts synthetic = DATA.occupation("17-9999").orElseThrow();
    assertTrue(synthetic.synthetic());
    assertEquals("Synthetic occupation 17-9999", synthetic.name());
    assertEquals(synthetic, EmulatorData.builtIn().occupation("17-9999").orElseThrow());
    assertTrue(DATA.occupation("99-9999").isEmpty());
    assertTrue(DATA.occupation("16-1111").isEmpty(), "16 is no SOC major group");
    assertTrue(DATA.occupation("15-12").isEmpty(), "malformed");
    assertEquals(DATA.socCodesForCip("14.9876"), EmulatorData.builtIn().socCodesForCip("14.9876"));
    assertTrue(DATA.socCodesForCip("99.9999").isEmpty());
    assertTrue(DATA.socCodesForCip("02.0101").isEmpty(), "02 is no CIP 2020 family");
  }
}
