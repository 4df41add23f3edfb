package io.github.lightcastspark.spark;

import static io.github.lightcastspark.spark.TestEmulators.reader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lightcastspark.core.options.LightcastOptionException;
import io.github.lightcastspark.emulator.LightcastEmulator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every bad option and filter is a clear error raised before the emulator sees a single request. */
@ExtendWith(SharedEmulatorExtension.class)
class InputValidationTest {
  private final LightcastEmulator emulator;

  InputValidationTest(LightcastEmulator emulator) {
    this.emulator = emulator;
  }

  private void assertRejected(String expected, Supplier<Dataset<Row>> query) {
    Throwable thrown = assertThrows(Exception.class, () -> query.get().collectAsList());
    Throwable cause = thrown;
    while (cause != null && !(cause instanceof LightcastOptionException)) {
      cause = cause.getCause();
    }
    assertTrue(cause != null, "not an option error: " + thrown);
    assertTrue(cause.getMessage().contains(expected), cause.getMessage());
    assertEquals(0, emulator.journal().entries().size(), "a request was sent before the error");
  }

  @Test
  void badOptionsAndFiltersFailBeforeAnyRequest() {
    assertRejected(
        "Unknown dataset 'occupation'. Valid datasets: occupations, occupations_by_cip, regions",
        () -> reader(emulator).load("occupation"));
    assertRejected("Missing dataset", () -> reader(emulator).load());
    assertRejected(
        "cannot become the regions of the requests",
        () -> reader(emulator)
            .option("socCodes", "15-1252")
            .load("occupations")
            .where("regionCode LIKE '0%'"));
    assertRejected(
        "Option socCodes has invalid value '151252': codes are NN-NNNN",
        () -> reader(emulator).option("socCodes", "151252").load("occupations"));
    assertRejected(
        "Filter on column socCode has invalid value '15-12': codes are NN-NNNN",
        () -> reader(emulator).load("occupations").where("socCode = '15-12'"));
    assertRejected(
        "Filter on column cipCode has invalid value '11-0701': codes are NN.NNNN",
        () -> reader(emulator).load("occupations_by_cip").where("cipCode IN ('11-0701')"));
    assertRejected(
        "Option regionType has invalid value 'county'",
        () -> reader(emulator)
            .option("socCodes", "15-1252")
            .option("regionType", "county")
            .load("occupations"));
    assertRejected(
        "Filter on column regionType has invalid value 'county'",
        () -> reader(emulator)
            .option("socCodes", "15-1252")
            .load("occupations")
            .where("regionType = 'county'"));
    assertRejected(
        "invalid region code '57': it is not the FIPS code of a state",
        () -> reader(emulator)
            .option("socCodes", "15-1252")
            .option("regionCodes", "57")
            .load("occupations"));
    assertRejected(
        "Filter on column regionCode has invalid region code '4186'",
        () -> reader(emulator)
            .option("socCodes", "15-1252")
            .load("occupations")
            .where("regionCode = '4186'"));
    assertRejected(
        "Option rateLimit has invalid value '0'",
        () -> reader(emulator)
            .option("socCodes", "15-1252")
            .option("rateLimit", "0")
            .load("occupations"));
    assertRejected(
        "Unknown option 'regionCode'",
        () -> reader(emulator)
            .option("socCodes", "15-1252")
            .option("regionCode", "06")
            .load("occupations"));
  }

  /**
   * With no regions named a read asks for the nation; a region filter that is not surely true there (one Spark cannot
   * push, a function of a region column, a number against the text column, an OR with another column) would give an
   * empty or partial result, so it is refused, naming the filter and how to name the regions.
   */
  @Test
  void aRegionFilterThatTheNationAloneCannotAnswerFailsBeforeAnyRequest() {
    Map<String, String> named = new LinkedHashMap<>();
    named.put("regionCode IS NOT NULL", "Filter regionCode IS NOT NULL (Spark adds it");
    named.put("length(regionCode) = 2", "LENGTH(regionCode) = 2");
    // Spark 4 (ANSI) states the cast; Spark 3.5 only the IS NOT NULL it implies.
    named.put(
        "regionCode = 6",
        org.apache.spark.package$.MODULE$.SPARK_VERSION().startsWith("3.")
            ? "Filter regionCode IS NOT NULL"
            : "Filter CAST(regionCode AS ");
    named.put("substr(regionCode, 1, 1) = '0'", "SUBSTRING(regionCode, 1, 1)");
    named.put("upper(regionType) = 'STATE'", "UPPER(regionType) = 'STATE'");
    named.put(
        "socCode = '15-1252' OR regionCode = '06'", "(socCode = '15-1252') OR (regionCode = '06')");
    // True on the nation but also on other regions: the nation alone would be part of the answer.
    named.put("regionType <> 'state'", "Filter NOT (regionType = 'state')");
    named.put("regionCode IS NULL OR regionCode IN ('06', '36')", "regionCode IS NULL");
    named.put("regionType = 'national' OR regionCode = '06'", "regionType = 'national'");
    named.put("NOT (regionCode <=> '06')", "NOT (");
    named.forEach((filter, shown) -> {
      assertRejected(
          shown,
          () -> reader(emulator)
              .option("socCodes", "15-1252,29-1141")
              .load("occupations")
              .where(filter));
      assertRejected(
          "cannot become the regions of the requests",
          () ->
              reader(emulator).option("socCodes", "15-1252").load("occupations").where(filter));
    });
    assertRejected(
        "Name the regions: where(\"regionType = 'state'\") for every state",
        () -> reader(emulator)
            .option("socCodes", "15-1252")
            .load("occupations")
            .where("regionCode IS NOT NULL"));
    assertRejected(
        "Filter UPPER(regionType) = 'STATE'",
        () -> TestSpark.session()
            .read()
            .format("lightcast")
            .option("occupationIds", "LO-15-1252")
            .option("secret.clientId", "<client-id>")
            .option("secret.clientSecret", "<client-secret>")
            .load("occupation_growth")
            .where("upper(regionType) = 'STATE'"));
  }

  @Test
  void optionsAndSparkConfAreCaseInsensitiveAndConfIsAFallback() {
    TestSpark.session().conf().set("spark.lightcast.SOCCODES", "15-1252");
    try {
      assertEquals(1, reader(emulator).load("occupations").count());
      assertEquals(
          2,
          reader(emulator)
              .option("SocCodes", "15-1252,29-1141")
              .load("occupations")
              .count());
    } finally {
      TestSpark.session().conf().unset("spark.lightcast.SOCCODES");
    }
  }

  @Test
  void anUnknownSparkConfEntryIsAnErrorBeforeAnyRequest() {
    TestSpark.session().conf().set("spark.lightcast.socCode", "15-1252");
    int before = emulator.journal().entries().size();
    try {
      assertRejected(
          "Unknown Spark conf entry 'spark.lightcast.socCode': no option is named 'socCode'. Valid"
              + " options: dataset, secret.platformKey",
          () -> reader(emulator).option("socCodes", "15-1252").load("occupations"));
    } finally {
      TestSpark.session().conf().unset("spark.lightcast.socCode");
    }
    assertEquals(before, emulator.journal().entries().size(), "no request");
  }

  @Test
  void aPlanOverTheRequestBudgetFailsBeforeAnyRequestAndExplainShowsEveryPlansCost() {
    List<String> thirty = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      thirty.add(String.format("15-%04d", 1000 + i));
    }
    assertRejected(
        "Dataset occupations: the read plans 6 requests, more than option maxRequests allows (5); at its"
            + " rateLimit of 1000.0 requests/s they take at least 0.0 s.",
        () -> reader(emulator)
            .option("socCodes", String.join(",", thirty))
            .option("regionCodes", "06,36,48")
            .option("maxRequests", "5")
            .load("occupations"));
    String byOption = TestSpark.explain(reader(emulator)
        .option("socCodes", "15-1252,29-1141")
        .option("regionCodes", "06,36")
        .load("occupations"));
    assertTrue(byOption.contains("PlannedRequests: 2, Partitions: 2, AtLeast: 0.0 s"), byOption);
    String byFilter = TestSpark.explain(reader(emulator)
        .option("rateLimit", "5")
        .load("occupations")
        .where("socCode IN ('15-1252', '29-1141') AND regionCode = '06'"));
    assertTrue(byFilter.contains("PlannedRequests: 1, Partitions: 1, AtLeast: 0.2 s"), byFilter);
    assertEquals(0, emulator.journal().entries().size(), "EXPLAIN sent a request");
  }
}
