package io.github.lightcastspark.spark;

import static io.github.lightcastspark.spark.TestEmulators.dataRequests;
import static io.github.lightcastspark.spark.TestEmulators.reader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lightcastspark.emulator.JournalEntry;
import io.github.lightcastspark.emulator.LightcastEmulator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Reads of the {@code occupations} dataset against the emulator over HTTP: values, requests, pruning, pushdown. */
@ExtendWith(SharedEmulatorExtension.class)
class OccupationsReadTest {
  private final LightcastEmulator emulator;

  OccupationsReadTest(LightcastEmulator emulator) {
    this.emulator = emulator;
  }

  @Test
  void rowValuesAreTheEmulatorsRealFigures() {
    // No orderBy: a global sort samples its input first, which would read the API twice.
    List<Row> rows = sorted(reader(emulator)
        .option("socCodes", "15-1252,29-1141")
        .load("occupations")
        .collectAsList());
    assertEquals(2, rows.size());
    Row dev = rows.get(0);
    assertEquals("15-1252", dev.getAs("socCode"));
    assertEquals("national", dev.getAs("regionType"));
    assertNull(dev.getAs("regionCode"));
    assertEquals("Software Developers", dev.getAs("name"));
    Row lmd = dev.getAs("laborMarketData");
    // BLS OEWS May 2024 (median wage, employment) and BLS EP 2024-34 (growth 15.8%, entry
    // education).
    assertEquals(133080.0, (Double) lmd.getAs("medianAnnualSalary"));
    assertEquals(1654440L, (Long) lmd.getAs("totalEmployment"));
    assertEquals(0.158, (Double) lmd.getAs("forecastedEmploymentGrowth"), 1e-9);
    assertEquals("Bachelor's degree", lmd.getAs("typicalDegreeLevel"));
    assertNull(dev.getAs("skillRequirements"));
    assertEquals(0, dev.getList(dev.fieldIndex("warnings")).size());
    assertEquals("Registered Nurses", rows.get(1).getAs("name"));
    assertEquals(
        93600.0, (Double) ((Row) rows.get(1).getAs("laborMarketData")).getAs("medianAnnualSalary"));
    assertEquals(1, dataRequests(emulator).size());
  }

  @Test
  void everyValueEqualsWhatTheEmulatorServesForStates() {
    List<Row> rows = reader(emulator)
        .option("socCodes", "15-1252,29-1141,11-1021")
        .option("regionType", "state")
        .option("regionCodes", "6,36")
        .load("occupations")
        .collectAsList();
    assertEquals(6, rows.size());
    for (Row row : rows) {
      String soc = row.getAs("socCode");
      String region = row.getAs("regionCode");
      JsonNode expected = emulator.data().occupationJson(soc, "state", region, false, false);
      Row lmd = row.getAs("laborMarketData");
      assertEquals(expected.path("name").asText(), row.getAs("name"));
      assertEquals(expected.path("laborMarketData").path("medianAnnualSalary").asDouble(), (Double)
          lmd.getAs("medianAnnualSalary"));
      assertEquals(expected.path("laborMarketData").path("totalEmployment").asLong(), (Long)
          lmd.getAs("totalEmployment"));
      assertEquals(expected.path("laborMarketData").path("demand").path("score").asInt(), (Integer)
          ((Row) lmd.getAs("demand")).getAs("score"));
    }
    assertEquals(
        Set.of("06", "36"),
        rows.stream().map(r -> (String) r.getAs("regionCode")).collect(Collectors.toSet()));
  }

  @Test
  void sixtyCodesInThreeStatesAreExactlyNineRequestsOfAtMost25Codes() {
    List<String> codes =
        IntStream.range(0, 60).mapToObj(i -> String.format("15-%04d", 2000 + i)).toList();
    List<Row> rows = reader(emulator)
        .option("socCodes", String.join(",", codes))
        .option("regionType", "state")
        .option("regionCodes", "06,36,48")
        .load("occupations")
        .select("socCode", "regionCode", "name")
        .collectAsList();
    List<JournalEntry> requests = dataRequests(emulator);
    assertEquals(9, requests.size());
    Map<String, Set<String>> codesByRegion = new HashMap<>();
    for (JournalEntry request : requests) {
      JsonNode body = request.bodyJson();
      assertTrue(body.path("socCodes").size() <= 25, body.toString());
      assertEquals("state", body.path("regionType").asText());
      body.path("socCodes")
          .forEach(c -> assertTrue(codesByRegion
              .computeIfAbsent(body.path("region").asText(), k -> new HashSet<>())
              .add(c.asText())));
    }
    assertEquals(Set.of("6", "36", "48"), codesByRegion.keySet());
    codesByRegion.values().forEach(set -> assertEquals(new HashSet<>(codes), set));
    assertEquals(180, rows.size());
    assertEquals(
        180,
        rows.stream()
            .map(r -> r.getAs("socCode") + "@" + r.getAs("regionCode"))
            .distinct()
            .count());
  }

  @Test
  void onlyTheSelectedTopLevelFieldsAreRequested() {
    reader(emulator)
        .option("socCodes", "15-1252")
        .load("occupations")
        .select("socCode", "name")
        .collectAsList();
    reader(emulator)
        .option("socCodes", "15-1252")
        .load("occupations")
        .selectExpr("laborMarketData.medianAnnualSalary")
        .collectAsList();
    long count = reader(emulator)
        .option("socCodes", "15-1252,29-1141")
        .load("occupations")
        .count();
    assertEquals(2, count);
    List<List<String>> fields = new ArrayList<>();
    for (JournalEntry e : dataRequests(emulator)) {
      List<String> f = new ArrayList<>();
      e.bodyJson().path("fields").forEach(n -> f.add(n.asText()));
      fields.add(f);
    }
    assertEquals(
        List.of(
            List.of("name", "socCode"), List.of("laborMarketData", "socCode"), List.of("socCode")),
        fields);
    Dataset<Row> pruned =
        reader(emulator).option("socCodes", "15-1252").load("occupations").select("name");
    assertEquals(List.of("name", "socCode"), TestSpark.scanOf(pruned).fields());
  }

  @Test
  void keyFiltersArePushedIntoRequestsAndOthersStayWithSpark() {
    Dataset<Row> df = reader(emulator)
        .load("occupations")
        .where(
            "socCode IN ('15-1252','29-1141','11-1021') AND regionType = 'state' AND regionCode IN ('06','36')"
                + " AND laborMarketData.medianAnnualSalary > 100000");
    String plan = TestSpark.explain(df);
    assertTrue(plan.contains("PushedFilters: ["), plan);
    assertTrue(plan.contains("In(socCode, [11-1021,15-1252,29-1141])"), plan);
    assertTrue(plan.contains("EqualTo(regionType,state)"), plan);
    LightcastScan scan = TestSpark.scanOf(df);
    assertEquals(
        Set.of("15-1252", "29-1141", "11-1021"),
        scan.requestKeys().allowed("socCode").orElseThrow());
    assertEquals(Set.of("06", "36"), scan.requestKeys().allowed("regionCode").orElseThrow());
    List<String> residual = TestSpark.filterConditions(df);
    assertEquals(1, residual.size(), residual.toString());
    assertTrue(residual.get(0).contains("medianAnnualSalary"), residual.toString());
    for (String pushed : List.of("socCode", "regionType", "regionCode")) {
      assertFalse(residual.get(0).contains(pushed), "Spark re-checks " + pushed + ": " + residual);
    }
    assertEquals(0, dataRequests(emulator).size(), "EXPLAIN sent a data request");

    List<Row> rows = df.collectAsList();
    List<JournalEntry> requests = dataRequests(emulator);
    assertEquals(2, requests.size());
    assertEquals(
        Set.of("6", "36"),
        requests.stream()
            .map(e -> e.bodyJson().path("region").asText())
            .collect(Collectors.toSet()));
    for (JournalEntry e : requests) {
      assertEquals(
          "[\"11-1021\",\"15-1252\",\"29-1141\"]", e.bodyJson().path("socCodes").toString());
    }
    assertFalse(rows.isEmpty());
    for (Row row : rows) {
      assertTrue(
          (Double) ((Row) row.getAs("laborMarketData")).getAs("medianAnnualSalary") > 100000,
          row.toString());
    }
    long expected =
        emulatorRows(List.of("15-1252", "29-1141", "11-1021"), List.of("06", "36")).stream()
            .filter(n -> n.path("laborMarketData").path("medianAnnualSalary").asDouble() > 100000)
            .count();
    assertEquals(expected, rows.size());
  }

  @Test
  void orsNullSafeEqualsAndInListsWithNullsArePushedAsTheValuesTheyName() {
    Dataset<Row> df = reader(emulator)
        .load("occupations")
        .where(
            "(socCode = '15-1252' OR socCode <=> '29-1141') AND (regionCode = '06' OR regionCode = '41860')")
        .where(functions.col("regionType").isin("state", "msa", null));
    LightcastScan scan = TestSpark.scanOf(df);
    assertEquals(
        Set.of("15-1252", "29-1141"), scan.requestKeys().allowed("socCode").orElseThrow());
    assertEquals(Set.of("06", "41860"), scan.requestKeys().allowed("regionCode").orElseThrow());
    assertEquals(
        Set.of("state", "msa"), scan.requestKeys().allowed("regionType").orElseThrow());
    assertEquals(List.of(), TestSpark.filterConditions(df), "all of it answered by the requests");
    List<String> rows = df.collectAsList().stream()
        .map(r -> r.getAs("socCode") + "@" + r.getAs("regionCode"))
        .sorted()
        .toList();
    assertEquals(List.of("15-1252@06", "15-1252@41860", "29-1141@06", "29-1141@41860"), rows);
    assertEquals(2, dataRequests(emulator).size(), "one request per region, both codes in each");
  }

  @Test
  void aRegionFilterTheApiCannotAnswerIsSparksOnceTheRegionsAreNamed() {
    for (String keepsTheNation : List.of(
        "regionType NOT IN ('state','msa')",
        "regionCode IS NULL",
        "regionCode <=> NULL",
        "regionCode IS NULL OR regionType = 'national'")) {
      List<Row> nation = reader(emulator)
          .option("socCodes", "15-1252")
          .load("occupations")
          .where(keepsTheNation)
          .collectAsList();
      assertEquals(
          List.of("national"),
          nation.stream().map(r -> r.<String>getAs("regionType")).toList(),
          keepsTheNation);
    }
    List<Row> states = reader(emulator)
        .option("socCodes", "15-1252")
        .option("regionCodes", "06,36,48")
        .load("occupations")
        .where("regionCode LIKE '3%'")
        .collectAsList();
    assertEquals(
        List.of("36"),
        states.stream().map(r -> r.<String>getAs("regionCode")).toList(),
        "with the regions named, Spark applies the rest");
    List<Row> nation = reader(emulator)
        .option("socCodes", "15-1252")
        .load("occupations")
        .where("regionCode IS NULL")
        .collectAsList();
    assertEquals(
        List.of("national"),
        nation.stream().map(r -> r.<String>getAs("regionType")).toList());
  }

  @Test
  void contradictoryFiltersSendNothing() {
    Dataset<Row> df = reader(emulator)
        .option("socCodes", "15-1252")
        .load("occupations")
        .where("regionType = 'state' AND regionType = 'msa'");
    assertEquals(0, df.count());
    assertEquals(0, emulator.journal().entries().size());
  }

  @Test
  void printSchemaExplainAndSchemaSendNoRequest() {
    Dataset<Row> df = reader(emulator)
        .option("socCodes", "15-1252")
        .option("regionCodes", "06,36")
        .load("occupations");
    df.schema();
    df.printSchema();
    df.explain(true);
    TestSpark.explain(df.where("regionCode = '06'"));
    assertEquals(0, emulator.journal().entries().size());
    assertEquals(
        List.of(
            "socCode",
            "regionType",
            "regionCode",
            "name",
            "laborMarketData",
            "skillRequirements",
            "warnings"),
        List.of(df.schema().fieldNames()));
    // Every state: planning asks the regions list (a metadata request, cached per JVM), never for
    // data.
    TestSpark.explain(reader(emulator)
        .option("socCodes", "15-1252")
        .option("regionType", "state")
        .load("occupations"));
    assertEquals(0, dataRequests(emulator).size());
  }

  @Test
  void skillsFallbackAndUnknownCodesReachTheUser() {
    List<Row> skills = reader(emulator)
        .option("socCodes", "15-1252")
        .option("includeSkills", "true")
        .load("occupations")
        .collectAsList();
    Row skillRequirements = skills.get(0).getAs("skillRequirements");
    assertNotNull(skillRequirements);
    assertFalse(skillRequirements.getList(0).isEmpty());
    assertTrue(dataRequests(emulator).get(0).bodyJson().path("includeSkills").asBoolean());

    emulator.journal().clear();
    Row fallback = reader(emulator)
        .option("socCodes", "15-1252")
        .option("regionCodes", "12060")
        .option("fallbackToState", "true")
        .load("occupations")
        .collectAsList()
        .get(0);
    assertEquals("msa", fallback.getAs("regionType"));
    assertEquals("12060", fallback.getAs("regionCode"));
    List<Row> warnings = fallback.getList(fallback.fieldIndex("warnings"));
    assertEquals(1, warnings.size(), warnings.toString());
    assertEquals("MSA_TO_STATE_PROJECTION_FALLBACK", warnings.get(0).getAs("code"));
    assertEquals("15-1252", warnings.get(0).getAs("socCode"));
    assertNotNull(((Row) fallback.getAs("laborMarketData")).getAs("forecastedEmploymentGrowth"));
    JsonNode body = dataRequests(emulator).get(0).bodyJson();
    assertTrue(body.path("fallbackToState").asBoolean(), body.toString());
    assertEquals("12060", body.path("region").asText());

    Row noFallback = reader(emulator)
        .option("socCodes", "15-1252")
        .option("regionCodes", "12060")
        .load("occupations")
        .collectAsList()
        .get(0);
    assertNull(((Row) noFallback.getAs("laborMarketData")).getAs("forecastedEmploymentGrowth"));
    assertEquals(0, noFallback.getList(noFallback.fieldIndex("warnings")).size());

    List<Row> unknown = sorted(reader(emulator)
        .option("socCodes", "15-1252,99-9999")
        .load("occupations")
        .collectAsList());
    assertEquals(2, unknown.size());
    Row missing = unknown.get(1);
    assertEquals("99-9999", missing.getAs("socCode"));
    assertNull(missing.getAs("name"));
    assertEquals(
        "INVALID_SOC_CODE",
        ((Row) missing.getList(missing.fieldIndex("warnings")).get(0)).getAs("code"));
    assertEquals(
        0, unknown.get(0).getList(unknown.get(0).fieldIndex("warnings")).size());
  }

  @Test
  void sqlViewsTakeTheSameOptions() {
    TestSpark.session()
        .sql("CREATE OR REPLACE TEMPORARY VIEW occ USING lightcast OPTIONS (dataset 'occupations',"
            + " baseUrl '" + emulator.lmiBaseUrl() + "', secret.platformKey '"
            + TestEmulators.PLATFORM_KEY + "',"
            + " environment 'testing')");
    List<Row> rows = TestSpark.session()
        .sql("SELECT socCode, regionCode, laborMarketData.medianAnnualSalary AS m"
            + " FROM occ WHERE socCode = '15-1252' AND regionType = 'state' AND regionCode = '06'")
        .collectAsList();
    assertEquals(1, rows.size());
    assertEquals(
        emulator
            .data()
            .occupationJson("15-1252", "state", "06", false, false)
            .path("laborMarketData")
            .path("medianAnnualSalary")
            .asDouble(),
        rows.get(0).getDouble(2));
    assertEquals(1, dataRequests(emulator).size());
  }

  /** A catalog would keep the options, credentials included, in clear: a permanent table is refused. */
  @Test
  void aCatalogTableIsRefused() {
    String create = "CREATE TABLE kept USING lightcast OPTIONS (dataset 'occupations', baseUrl '"
        + emulator.lmiBaseUrl() + "', secret.platformKey '" + TestEmulators.PLATFORM_KEY
        + "', environment 'testing')";
    String expected =
        "A lightcast table cannot be kept in a catalog (CREATE TABLE ... USING lightcast)";
    try {
      if (org.apache.spark.package$.MODULE$.SPARK_VERSION().startsWith("3.")) {
        // Spark 3.5 stores the table without asking the provider; a read of it is Spark's own
        // failure.
        TestSpark.session().sql(create);
        assertThrows(
            Exception.class, () -> TestSpark.session().sql("SELECT * FROM kept").collectAsList());
      } else {
        Exception e = assertThrows(Exception.class, () -> TestSpark.session().sql(create));
        assertTrue(String.valueOf(e.getMessage()).contains(expected), String.valueOf(e));
        assertFalse(TestSpark.session().catalog().tableExists("kept"), "nothing is stored");
      }
    } finally {
      TestSpark.session().sql("DROP TABLE IF EXISTS kept");
    }
    assertEquals(0, emulator.journal().entries().size());
  }

  private static List<Row> sorted(List<Row> rows) {
    return rows.stream()
        .sorted(java.util.Comparator.comparing(r -> (String) r.getAs("socCode")))
        .toList();
  }

  private List<JsonNode> emulatorRows(List<String> socs, List<String> states) {
    List<JsonNode> rows = new ArrayList<>();
    for (String soc : socs) {
      for (String state : states) {
        rows.add(emulator.data().occupationJson(soc, "state", state, false, false));
      }
    }
    return rows;
  }
}
