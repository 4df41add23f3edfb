package io.github.lightcastspark.spark;

import static io.github.lightcastspark.spark.TestEmulators.dataRequests;
import static io.github.lightcastspark.spark.TestEmulators.reader;
import static io.github.lightcastspark.spark.TestEmulators.regionsIn;
import static io.github.lightcastspark.spark.TestEmulators.socCodesIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lightcastspark.core.options.CodeKind;
import io.github.lightcastspark.core.options.CodeList;
import io.github.lightcastspark.core.options.LightcastOptionException;
import io.github.lightcastspark.emulator.JournalEntry;
import io.github.lightcastspark.emulator.LightcastEmulator;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads that name no codes by hand: every code of the official list, and the distinct keys of an HR table named with
 * option {@code keyTable}, proven by the emulator's journal.
 */
@ExtendWith(SharedEmulatorExtension.class)
class KeyTableJoinTest {
  private final LightcastEmulator emulator;

  @TempDir
  static Path dir;

  KeyTableJoinTest(LightcastEmulator emulator) {
    this.emulator = emulator;
  }

  private Dataset<Row> hr() {
    return SyntheticHr.employees(emulator, dir);
  }

  @Test
  void noCodesNamedReadsEverySocCodeOnceIn35Requests() {
    List<Row> rows = reader(emulator).load("occupations").select("socCode").collectAsList();
    List<JournalEntry> requests = dataRequests(emulator);
    assertEquals(35, requests.size());
    assertEquals(867, rows.size());
    List<String> codes = rows.stream().map(r -> r.getString(0)).sorted().toList();
    assertEquals(CodeList.every(CodeKind.SOC).orElseThrow(), codes, "each code once");
    assertEquals(
        867,
        requests.stream().mapToInt(e -> e.bodyJson().get("socCodes").size()).sum());
  }

  @Test
  void aKeyTableReadsExactlyItsDistinctCodesAndStates() {
    Dataset<Row> hr = hr();
    List<Row> distinct =
        hr.where("soc_code IS NOT NULL").select("soc_code").distinct().collectAsList();
    assertEquals(40, distinct.size());
    emulator.journal().clear();
    Dataset<Row> occ = reader(emulator)
        .option("keyTable", "hr")
        .option("keyColumns", "socCode=soc_code, regionCode=state")
        .load("occupations");
    String explain = occ.queryExecution().executedPlan().toString();
    assertTrue(explain.contains("PlannedRequests: 6, "), explain);
    assertTrue(explain.contains("regions=[state 06, state 36, state 48] (3)"), explain);
    assertEquals(0, dataRequests(emulator).size(), "EXPLAIN sent a request");

    Dataset<Row> keyed = SyntheticHr.withRegionCode(hr);
    List<Row> left = SyntheticHr.salaryByEmployee(keyed, occ, "left");
    List<JournalEntry> requests = dataRequests(emulator);
    assertEquals(6, requests.size(), "two batches of at most 25 codes for each of three states");
    assertEquals(Set.of("6", "36", "48"), regionsIn(requests), "states as the API writes them");
    assertEquals(new TreeSet<>(emulator.data().heldSocCodes()), socCodesIn(requests));
    assertEquals(400, left.size(), "a left join keeps every employee");
    long matched = left.stream().filter(r -> !r.isNullAt(1)).count();
    long complete = hr.where("soc_code IS NOT NULL AND state IS NOT NULL").count();
    assertEquals(complete, matched, "every employee with a code and a state has their figures");

    // The same join from a full read of every code in those states.
    Dataset<Row> full = reader(emulator).option("regionCodes", "06,36,48").load("occupations");
    List<Row> expected = SyntheticHr.salaryByEmployee(keyed, full, "left");
    assertEquals(expected, left);
  }

  @Test
  void aFilteredKeyTableViewReadsOnlyItsRows() {
    hr().where("department = 'Nursing'").createOrReplaceTempView("nurses");
    Set<String> nurseCodes = new TreeSet<>();
    TestSpark.session()
        .sql("SELECT DISTINCT soc_code FROM nurses WHERE soc_code IS NOT NULL")
        .collectAsList()
        .forEach(r -> nurseCodes.add(r.getString(0)));
    TestSpark.session()
        .sql("CREATE OR REPLACE TEMPORARY VIEW nurse_market USING lightcast OPTIONS (dataset"
            + " 'occupations', baseUrl '" + emulator.lmiBaseUrl() + "', secret.platformKey '"
            + TestEmulators.PLATFORM_KEY + "', environment 'testing', rateLimit '1000',"
            + " keyTable 'nurses', keyColumns 'socCode=soc_code,regionCode=state')");
    emulator.journal().clear();
    long rows = TestSpark.session()
        .sql("SELECT n.employeeId, m.laborMarketData.medianAnnualSalary FROM nurses n LEFT JOIN"
            + " nurse_market m ON n.soc_code = m.socCode AND lpad(CAST(n.state AS STRING), 2, '0')"
            + " = m.regionCode")
        .count();
    assertEquals(100, rows);
    List<JournalEntry> requests = dataRequests(emulator);
    assertEquals(nurseCodes, socCodesIn(requests));
    assertEquals(3 * ((nurseCodes.size() + 24) / 25), requests.size());
  }

  @Test
  void keyTableValuesAreCheckedLikeOptionsBeforeAnyRequest() {
    TestSpark.session()
        .sql("SELECT * FROM VALUES ('15-1252', 'CA'), (NULL, NULL) AS t(soc, state)")
        .createOrReplaceTempView("bad_states");
    LightcastOptionException e = assertThrows(
        LightcastOptionException.class,
        () -> reader(emulator)
            .option("keyTable", "bad_states")
            .option("keyColumns", "socCode=soc,regionCode=state")
            .load("occupations")
            .collectAsList());
    assertTrue(
        e.getMessage()
            .startsWith("Table bad_states (option keyTable), column state has invalid"
                + " region code 'CA': region codes are 2-digit"),
        e.getMessage());
    e = assertThrows(
        LightcastOptionException.class,
        () -> reader(emulator)
            .option("keyTable", "bad_states")
            .option("keyColumns", "socCode=soc_code")
            .load("occupations")
            .collectAsList());
    assertTrue(
        e.getMessage()
            .startsWith("Option keyColumns has invalid value 'soc_code': table bad_states"
                + " has no such column; its columns are soc, state."),
        e.getMessage());
    e = assertThrows(
        LightcastOptionException.class,
        () -> reader(emulator)
            .option("keyTable", "no_such_table")
            .load("occupations")
            .collectAsList());
    assertTrue(
        e.getMessage()
            .startsWith("Option keyTable has invalid value 'no_such_table': no table or"
                + " view of that name"),
        e.getMessage());
    assertEquals(0, emulator.journal().entries().size());
  }
}
