package io.github.lightcastspark.spark;

import io.github.lightcastspark.emulator.LightcastEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The HR table of the join tests: 400 synthetic employees over the emulator's 40 occupations and three states
 * (written as integers, California as 6, as HR systems do), in four departments; a few have no SOC code or no state.
 */
final class SyntheticHr {
  private static final StructType EMPLOYEES = new StructType()
      .add("employeeId", DataTypes.IntegerType)
      .add("department", DataTypes.StringType)
      .add("soc_code", DataTypes.StringType)
      .add("state", DataTypes.IntegerType);
  private static final int[] STATES = {6, 36, 48};
  private static final String[] DEPARTMENTS = {"Engineering", "Nursing", "Finance", "Operations"};

  private SyntheticHr() {}

  /** @return the table, written as Parquet under {@code dir} once and read back, also registered as view {@code hr} */
  static Dataset<Row> employees(LightcastEmulator emulator, Path dir) {
    Path path = dir.resolve("hr.parquet");
    if (!Files.exists(path)) {
      List<String> socs = new ArrayList<>(emulator.data().heldSocCodes());
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        String soc = i % 97 == 5 ? null : socs.get((i * 7) % socs.size());
        Integer state = i % 89 == 3 ? null : STATES[(i / 3) % STATES.length];
        rows.add(RowFactory.create(i, DEPARTMENTS[i % DEPARTMENTS.length], soc, state));
      }
      TestSpark.session().createDataFrame(rows, EMPLOYEES).write().parquet(path.toString());
    }
    Dataset<Row> hr = TestSpark.session().read().parquet(path.toString());
    hr.createOrReplaceTempView("hr");
    return hr;
  }

  /** @return {@code hr} with its state as the API's region code, {@code regionCode} ({@code 6} becomes {@code 06}) */
  static Dataset<Row> withRegionCode(Dataset<Row> hr) {
    return hr.withColumn("regionCode", functions.lpad(hr.col("state").cast("string"), 2, "0"));
  }

  /**
   * @param employees employees with a {@code regionCode}
   * @param joinType as Spark names it: {@code inner}, {@code left}
   * @return each employee's id and the median salary of their occupation and state, by employee (sorted here, not
   *     by Spark: a global sort samples its input first, which would read the API twice)
   */
  static List<Row> salaryByEmployee(Dataset<Row> employees, Dataset<Row> market, String joinType) {
    return employees
        .join(
            market,
            employees
                .col("soc_code")
                .equalTo(market.col("socCode"))
                .and(employees.col("regionCode").equalTo(market.col("regionCode"))),
            joinType)
        .select("employeeId", "laborMarketData.medianAnnualSalary")
        .collectAsList()
        .stream()
        .sorted(Comparator.comparingInt(r -> r.getInt(0)))
        .toList();
  }
}
