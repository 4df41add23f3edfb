package io.github.lightcastspark.spark;

import static io.github.lightcastspark.spark.TestEmulators.BY_CIP;
import static io.github.lightcastspark.spark.TestEmulators.PLATFORM_KEY;
import static io.github.lightcastspark.spark.TestEmulators.REGIONS;
import static io.github.lightcastspark.spark.TestEmulators.dataRequests;
import static io.github.lightcastspark.spark.TestEmulators.reader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lightcastspark.emulator.EmulatorConfig;
import io.github.lightcastspark.emulator.JournalEntry;
import io.github.lightcastspark.emulator.LightcastEmulator;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code occupations_by_cip} pairs each CIP code with the occupations it matched; {@code regions} lists regions. */
@ExtendWith(SharedEmulatorExtension.class)
class ByCipAndRegionsTest {
  private static final List<String> CIPS =
      List.of("11.0101", "11.0701", "27.0501", "51.3801", "52.0301");
  private final LightcastEmulator emulator;

  ByCipAndRegionsTest(LightcastEmulator emulator) {
    this.emulator = emulator;
  }

  private Set<String> expectedPairs(LightcastEmulator source) {
    Set<String> pairs = new TreeSet<>();
    for (String cip : CIPS) {
      source.data().socCodesForCip(cip).forEach(soc -> pairs.add(cip + ">" + soc));
    }
    return pairs;
  }

  private static Set<String> pairs(List<Row> rows) {
    return rows.stream()
        .map(r -> r.getAs("cipCode") + ">" + r.getAs("socCode"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void eachCipCodeIsPairedWithTheOccupationsItMatched() {
    List<Row> rows = reader(emulator)
        .option("cipCodes", String.join(",", CIPS) + ",99.9999")
        .load("occupations_by_cip")
        .collectAsList();
    Set<String> pairs = pairs(rows);
    pairs.remove("99.9999>null");
    assertEquals(expectedPairs(emulator), pairs);
    assertEquals(1, dataRequests(emulator).size());
    Row unknown = rows.stream()
        .filter(r -> "99.9999".equals(r.getAs("cipCode")))
        .findFirst()
        .orElseThrow();
    assertEquals(
        "INVALID_CIP_CODE",
        ((Row) unknown.getList(unknown.fieldIndex("warnings")).get(0)).getAs("code"));
    String fields = dataRequests(emulator).get(0).bodyJson().path("fields").toString();
    assertTrue(fields.contains("\"cipCodes\""), fields);
  }

  @Test
  void withoutAttributionTheConnectorAsksOneCodeAtATimeAndNeverGuesses() {
    try (LightcastEmulator plain = LightcastEmulator.start(EmulatorConfig.builder()
        .platformKeys(PLATFORM_KEY)
        .cipAttribution(false)
        .lmiRateLimit(1000, Duration.ofSeconds(1))
        .build())) {
      List<Row> rows = reader(plain)
          .option("cipCodes", String.join(",", CIPS))
          .load("occupations_by_cip")
          .collectAsList();
      assertEquals(expectedPairs(plain), pairs(rows));
      List<Integer> sizes = plain.journal().entries(BY_CIP).stream()
          .map(e -> e.bodyJson().path("cipCodes").size())
          .toList();
      assertEquals(List.of(5, 1, 1, 1, 1, 1), sizes);

      plain.journal().clear();
      List<Row> again = reader(plain)
          .option("cipCodes", String.join(",", CIPS))
          .load("occupations_by_cip")
          .collectAsList();
      assertEquals(expectedPairs(plain), pairs(again));
      assertEquals(
          5,
          plain.journal().entries(BY_CIP).size(),
          "the second read should go one code at a time at once");
    }
  }

  @Test
  void aCipNotFound404GivesEachUnknownCodeItsRowWithTheApisWarning() {
    try (LightcastEmulator strict = LightcastEmulator.start(EmulatorConfig.builder()
        .platformKeys(PLATFORM_KEY)
        .unknownCipAs404(true)
        .lmiRateLimit(1000, Duration.ofSeconds(1))
        .build())) {
      List<Row> rows = reader(strict)
          .option("cipCodes", "98.9999,99.9999")
          .load("occupations_by_cip")
          .collectAsList()
          .stream()
          .sorted(Comparator.comparing(r -> r.<String>getAs("cipCode")))
          .toList();
      assertEquals(
          List.of("98.9999>null", "99.9999>null"),
          rows.stream().map(r -> r.getAs("cipCode") + ">" + r.getAs("socCode")).toList());
      for (Row row : rows) {
        assertTrue(row.isNullAt(row.fieldIndex("name")));
        List<Row> warnings = row.getList(row.fieldIndex("warnings"));
        assertEquals(1, warnings.size());
        assertEquals("CIP_NOT_FOUND", warnings.get(0).getAs("code"));
        assertEquals(row.<String>getAs("cipCode"), warnings.get(0).<String>getAs("cipCode"));
        assertEquals("None of the CIP codes was found", warnings.get(0).getAs("message"));
      }
      assertEquals(
          List.of(404),
          strict.journal().entries(BY_CIP).stream().map(e -> e.status()).toList(),
          "one request, answered 404 and not retried");
    }
  }

  @Test
  void aRegionTypeWithoutCodesCoversEveryRegionTheApiLists() {
    try (LightcastEmulator fresh = LightcastEmulator.start(EmulatorConfig.builder()
        .platformKeys(PLATFORM_KEY)
        .lmiRateLimit(1000, Duration.ofSeconds(1))
        .build())) {
      List<Row> regions =
          reader(fresh).load("regions").where("regionType = 'state'").collectAsList();
      assertEquals(52, regions.size());
      Row california = regions.stream()
          .filter(r -> "06".equals(r.getAs("regionCode")))
          .findFirst()
          .orElseThrow();
      assertEquals("California", california.getAs("name"));
      assertEquals("type=state", fresh.journal().entries(REGIONS).get(0).query());

      fresh.journal().clear();
      List<Row> rows = reader(fresh)
          .option("socCodes", "15-1252")
          .option("regionType", "state")
          .load("occupations")
          .collectAsList();
      assertEquals(52, rows.size());
      assertEquals(1, fresh.journal().entries(REGIONS).size());
      assertEquals(52, dataRequests(fresh).size());

      fresh.journal().clear();
      reader(fresh)
          .option("socCodes", "29-1141")
          .option("regionType", "state")
          .load("occupations")
          .count();
      assertEquals(
          0, fresh.journal().entries(REGIONS).size(), "the regions list is cached per JVM");
      assertEquals(52, dataRequests(fresh).size());

      List<Row> msas = reader(fresh).load("regions").where("regionType = 'msa'").collectAsList();
      assertEquals(12, msas.size());
      Row sf = msas.stream()
          .filter(r -> "41860".equals(r.getAs("regionCode")))
          .findFirst()
          .orElseThrow();
      assertEquals(List.of("06"), sf.getList(sf.fieldIndex("stateCodes")));
    }
  }

  @Test
  void aRateLimitedRegionsListAtPlanningWaitsForTheServersRetryAfter() {
    try (LightcastEmulator fresh = LightcastEmulator.start(EmulatorConfig.builder()
        .platformKeys(PLATFORM_KEY)
        .lmiRateLimit(1000, Duration.ofSeconds(1))
        .build())) {
      fresh.faults().tooManyRequests(1, 1);
      List<Row> rows = reader(fresh)
          .option("socCodes", "15-1252")
          .option("regionType", "msa")
          .load("occupations")
          .collectAsList();
      assertEquals(12, rows.size());
      List<JournalEntry> lists = fresh.journal().entries(REGIONS);
      assertEquals(List.of(429, 200), lists.stream().map(JournalEntry::status).toList());
      long waitedMillis = lists.get(1).millisAfter(lists.get(0));
      assertTrue(
          waitedMillis >= 1000, "Retry-After: 1, but asked again after " + waitedMillis + " ms");
    }
  }
}
