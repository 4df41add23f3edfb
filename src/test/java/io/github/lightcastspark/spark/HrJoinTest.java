package io.github.lightcastspark.spark;

import static io.github.lightcastspark.spark.TestEmulators.dataRequests;
import static io.github.lightcastspark.spark.TestEmulators.reader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lightcastspark.core.options.LightcastOptionException;
import io.github.lightcastspark.emulator.LightcastEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The join the connector exists for, written as a new user writes it: an HR table read from Parquet, joined on SOC
 * code and state. Spark infers {@code regionCode IS NOT NULL} from the join; with no regions named that used to leave
 * the nation's row to be dropped, and the join returned nothing, silently.
 */
@ExtendWith(SharedEmulatorExtension.class)
class HrJoinTest {
  private static final StructType EMPLOYEES = new StructType()
      .add("employeeId", DataTypes.IntegerType)
      .add("soc", DataTypes.StringType)
      .add("stateFips", DataTypes.StringType);

  private final LightcastEmulator emulator;

  HrJoinTest(LightcastEmulator emulator) {
    this.emulator = emulator;
  }

  @TempDir
  Path dir;

  private Dataset<Row> hr() {
    List<Row> rows = new ArrayList<>();
    String[][] people = {
      {"15-1252", "06"},
      {"15-1252", "36"},
      {"29-1141", "06"},
      {"29-1141", "36"},
      {"15-1252", "06"},
      {"29-1141", "48"}
    };
    for (int i = 0; i < people.length; i++) {
      rows.add(RowFactory.create(i, people[i][0], people[i][1]));
    }
    String path = dir.resolve("hr.parquet").toString();
    if (!Files.exists(dir.resolve("hr.parquet"))) {
      TestSpark.session().createDataFrame(rows, EMPLOYEES).write().parquet(path);
    }
    return TestSpark.session().read().parquet(path);
  }

  private static Column onSocAndState(Dataset<Row> hr, Dataset<Row> occ) {
    return hr.col("soc")
        .equalTo(occ.col("socCode"))
        .and(hr.col("stateFips").equalTo(occ.col("regionCode")));
  }

  @Test
  void withNoRegionsNamedTheJoinIsAClearErrorBeforeAnyRequest() {
    Dataset<Row> hr = hr();
    Dataset<Row> occ = reader(emulator).option("socCodes", "15-1252,29-1141").load("occupations");
    Throwable thrown =
        assertThrows(Exception.class, () -> hr.join(occ, onSocAndState(hr, occ)).collectAsList());
    while (!(thrown instanceof LightcastOptionException) && thrown.getCause() != null) {
      thrown = thrown.getCause();
    }
    assertTrue(thrown instanceof LightcastOptionException, String.valueOf(thrown));
    assertTrue(
        thrown
            .getMessage()
            .startsWith("Filter regionCode IS NOT NULL (Spark adds it for a join on the region"
                + " columns"),
        thrown.getMessage());
    assertTrue(
        thrown.getMessage().contains("where(\"regionType = 'state'\") for every state"),
        thrown.getMessage());
    assertEquals(0, emulator.journal().entries().size());
  }

  @Test
  void withTheStatesNamedEachEmployeeGetsTheFiguresOfTheirState() {
    Dataset<Row> hr = hr();
    Map<String, Double> expected = new TreeMap<>();
    for (Row r : reader(emulator)
        .option("socCodes", "15-1252,29-1141")
        .option("regionCodes", "06,36,48")
        .load("occupations")
        .collectAsList()) {
      expected.put(
          r.getAs("socCode") + "@" + r.getAs("regionCode"),
          r.<Row>getAs("laborMarketData").getAs("medianAnnualSalary"));
    }
    assertEquals(6, expected.size());
    for (String regions : List.of("regionCode IN ('06', '36', '48')", "regionType = 'state'")) {
      emulator.journal().clear();
      Dataset<Row> occ = reader(emulator)
          .option("socCodes", "15-1252,29-1141")
          .load("occupations")
          .where(regions);
      List<Row> joined = hr.join(occ, onSocAndState(hr, occ))
          .select("employeeId", "soc", "stateFips", "laborMarketData.medianAnnualSalary")
          .collectAsList();
      assertEquals(6, joined.size(), regions);
      for (Row r : joined) {
        assertEquals(
            expected.get(r.getString(1) + "@" + r.getString(2)),
            r.getDouble(3),
            0.0,
            regions + " " + r);
      }
      assertEquals(
          regions.startsWith("regionCode") ? 3 : 52,
          dataRequests(emulator).size(),
          regions + ": one request per state, both codes in each");
    }
  }
}
