package io.github.lightcastspark.spark;

import static io.github.lightcastspark.spark.TestEmulators.dataRequests;
import static io.github.lightcastspark.spark.TestEmulators.reader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lightcastspark.core.options.CodeKind;
import io.github.lightcastspark.core.options.CodeList;
import io.github.lightcastspark.core.options.LightcastOptionException;
import io.github.lightcastspark.emulator.JournalEntry;
import io.github.lightcastspark.emulator.LightcastEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads that name no codes by hand: every code of the official list, and the distinct keys of an HR table named with
 * option {@code keyTable}, proven by the emulator's journal.
 */
@ExtendWith(SharedEmulatorExtension.class)
class KeyTableJoinTest {
  private static final StructType EMPLOYEES = new StructType()
      .add("employeeId", DataTypes.IntegerType)
      .add("department", DataTypes.StringType)
      .add("soc_code", DataTypes.StringType)
      .add("state", DataTypes.IntegerType);
  private static final int[] STATES = {6, 36, 48};

  private final LightcastEmulator emulator;

  @TempDir
  static Path dir;

  KeyTableJoinTest(LightcastEmulator emulator) {
    this.emulator = emulator;
  }

  /**
   * 400 synthetic employees over the emulator's 40 occupations and three states (written as integers, California as
   * 6, as HR systems do), in four departments; a few have no SOC code or no state.
   */
  private Dataset<Row> hr() {
    Path path = dir.resolve("hr.parquet");
    if (!Files.exists(path)) {
      List<String> socs = new ArrayList<>(emulator.data().heldSocCodes());
      String[] departments = {"Engineering", "Nursing", "Finance", "Operations"};
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        String soc = i % 97 == 5 ? null : socs.get((i * 7) % socs.size());
        Integer state = i % 89 == 3 ? null : STATES[(i / 3) % STATES.length];
        rows.add(RowFactory.create(i, departments[i % departments.length], soc, state));
      }
      TestSpark.session().createDataFrame(rows, EMPLOYEES).write().parquet(path.toString());
    }
    Dataset<Row> hr = TestSpark.session().read().parquet(path.toString());
    hr.createOrReplaceTempView("hr");
    return hr;
  }

  private static Set<String> codesIn(List<JournalEntry> requests) {
    Set<String> codes = new TreeSet<>();
    requests.forEach(e -> e.bodyJson().get("socCodes").forEach(c -> codes.add(c.asText())));
    return codes;
  }

  /** @return each employee's id and the median salary of their occupation and state, by a left join */
  private static List<Row> salaryByEmployee(Dataset<Row> employees, Dataset<Row> market) {
    return employees
        .join(
            market,
            employees
                .col("soc_code")
                .equalTo(market.col("socCode"))
                .and(employees.col("regionCode").equalTo(market.col("regionCode"))),
            "left")
        .select("employeeId", "laborMarketData.medianAnnualSalary")
        .orderBy("employeeId")
        .collectAsList();
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

    Dataset<Row> keyed =
        hr.withColumn("regionCode", functions.lpad(hr.col("state").cast("string"), 2, "0"));
    List<Row> left = salaryByEmployee(keyed, occ);
    List<JournalEntry> requests = dataRequests(emulator);
    assertEquals(6, requests.size(), "two batches of at most 25 codes for each of three states");
    Set<String> regions = new TreeSet<>();
    requests.forEach(e -> regions.add(e.bodyJson().get("region").asText()));
    assertEquals(Set.of("6", "36", "48"), regions, "states as the API writes them");
    assertEquals(new TreeSet<>(emulator.data().heldSocCodes()), codesIn(requests));
    assertEquals(400, left.size(), "a left join keeps every employee");
    long matched = left.stream().filter(r -> !r.isNullAt(1)).count();
    long complete = hr.where("soc_code IS NOT NULL AND state IS NOT NULL").count();
    assertEquals(complete, matched, "every employee with a code and a state has their figures");

    // The same join from a full read of every code in those states.
    Dataset<Row> full = reader(emulator).option("regionCodes", "06,36,48").load("occupations");
    List<Row> expected = salaryByEmployee(keyed, full);
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
    assertEquals(nurseCodes, codesIn(requests));
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
