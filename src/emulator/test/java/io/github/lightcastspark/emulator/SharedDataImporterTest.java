package io.github.lightcastspark.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lightcastspark.emulator.data.DataSet;
import io.github.lightcastspark.emulator.data.OccupationFacts;
import io.github.lightcastspark.emulator.data.RegionFacts;
import io.github.lightcastspark.emulator.data.SharedDataImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The importer of a public-data directory, on a tiny hand-made directory of the same layout. */
class SharedDataImporterTest {
  private static Path dir() throws URISyntaxException {
    return Path.of(SharedDataImporterTest.class
            .getResource("/public-data-layout/README.md")
            .toURI())
        .getParent();
  }

  @Test
  void figuresAreTakenAndDerivedAsDocumented() throws Exception {
    DataSet data = SharedDataImporter.importAll(dir());
    OccupationFacts dev = data.occupations().get(0);
    assertEquals(
        new OccupationFacts(
            "15-1252",
            "Software Developers",
            990000,
            121000.0,
            0.1,
            0.05,
            "Bachelor's degree",
            dev.skills(),
            false),
        dev);
    assertEquals(
        List.of("Programming", "Writing", "Speaking"),
        dev.skills().stream().map(s -> s.name()).toList());
    OccupationFacts nurse = data.occupations().get(1);
    assertEquals(2_000_000, nurse.employment(), "OEWS suppressed: EP employment in thousands");
    assertNull(nurse.medianAnnualSalary(), "# (capped) and N/A are not numbers");
    assertEquals(
        Map.of("11.0701", List.of("15-1252"), "51.3801", List.of("29-1141")), data.cipToSoc());
    RegionFacts ca = data.regions().get(0);
    assertEquals(0.75, ca.employmentShare());
    assertEquals(1.2, ca.wageIndex());
    RegionFacts sf = data.regions().stream()
        .filter(r -> r.code().equals("41860"))
        .findFirst()
        .orElseThrow();
    assertEquals(List.of("06", "32"), sf.stateCodes());
    assertTrue(sf.msaProjections());
    assertEquals(3, data.figures().size());
  }

  @Test
  void anEmulatorServesADataDirectory() throws Exception {
    try (LightcastEmulator emulator =
        LightcastEmulator.start(EmulatorConfig.builder().dataDir(dir()).build())) {
      EmulatorData data = emulator.data();
      ObjectNode realState = data.occupationJson("15-1252", "state", "06", false, false);
      assertEquals(
          140000.0, realState.path("laborMarketData").path("medianAnnualSalary").asDouble());
      assertEquals(
          300000, realState.path("laborMarketData").path("totalEmployment").asLong());
      ObjectNode derivedState = data.occupationJson("29-1141", "state", "32", false, false);
      assertEquals(
          Math.round(2_000_000 * 0.25),
          derivedState.path("laborMarketData").path("totalEmployment").asLong());
      ObjectNode fallback = data.occupationJson("15-1252", "msa", "29820", false, true);
      assertEquals(
          "MSA_TO_STATE_PROJECTION_FALLBACK",
          fallback.path("warnings").get(0).path("code").asText());
      assertEquals(
          0.1,
          fallback.path("laborMarketData").path("forecastedEmploymentGrowth").asDouble());
      assertEquals(List.of("15-1252"), data.socCodesForCip("11.0701"));
      assertEquals(List.of(), data.socCodesForCip("99.9999"));
    }
  }
}
