package io.github.lightcastspark.demo;

import io.github.lightcastspark.emulator.EmulatorConfig;
import io.github.lightcastspark.emulator.JournalEntry;
import io.github.lightcastspark.emulator.LightcastEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The README's demo: starts the built-in emulator, reads each dataset through {@code format("lightcast")} on a local
 * Spark, and joins occupations with a small HR sample, as a user would join their own employee table; it ends with
 * the requests the emulator received. Given the root URL of an emulator running elsewhere
 * ({@code Demo http://127.0.0.1:8787}, as {@code ShadedJarSmokeIT} runs it with the shaded jar alone), it reads from
 * that one and needs no emulator class.
 */
public final class Demo {
  /** A placeholder test key: the emulator accepts any {@code pk_test_} key. */
  private static final String DEMO_KEY = "pk_test_demo";

  private Demo() {}

  /** @param args none, or the root URL of a running emulator */
  public static void main(String[] args) {
    if (args.length == 1) {
      run(args[0] + "/v1", args[0] + "/projected-occupation-growth", args[0] + "/connect/token");
      return;
    }
    try (LightcastEmulator emulator = LightcastEmulator.start(EmulatorConfig.defaults())) {
      run(emulator.lmiBaseUrl(), emulator.pogBaseUrl(), emulator.tokenUrl());
      // What the quota paid for: one request per planned request, nothing for printSchema, EXPLAIN
      // or planning.
      section("Requests the emulator received, by path");
      emulator.journal().entries().stream()
          .collect(Collectors.groupingBy(JournalEntry::path, TreeMap::new, Collectors.counting()))
          .forEach((path, count) -> System.out.printf("%4d  %s%n", count, path));
    }
  }

  private static void run(String lmiBaseUrl, String pogBaseUrl, String tokenUrl) {
    SparkSession spark = SparkSession.builder()
        .master("local[2]")
        .appName("lightcast-demo")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    // A DataFrameReader keeps its options, so each read starts from a fresh one.
    Supplier<DataFrameReader> lightcast = () -> spark
        .read()
        .format("lightcast")
        .option("baseUrl", lmiBaseUrl)
        .option("secret.platformKey", DEMO_KEY)
        .option("environment", "testing");

    section(
        "Occupations by SOC code in California and New York (pushed filters become request keys)");
    Dataset<Row> occupations = lightcast
        .get()
        .load("occupations")
        .where(
            "socCode IN ('15-1252','29-1141','13-2011','43-4051') AND regionCode IN ('06','36')");
    occupations
        .selectExpr(
            "socCode",
            "regionCode",
            "name",
            "laborMarketData.medianAnnualSalary AS median",
            "laborMarketData.totalEmployment AS employment",
            "laborMarketData.forecastedEmploymentGrowth AS growth")
        .orderBy("socCode", "regionCode")
        .show(false);
    occupations.explain();

    section("Programs (CIP) matched to occupations, with API warnings kept on their rows");
    lightcast
        .get()
        .option("cipCodes", "11.0701,51.3801,99.9999")
        .load("occupations_by_cip")
        .selectExpr(
            "cipCode",
            "socCode",
            "name",
            "laborMarketData.typicalDegreeLevel AS degree",
            "transform(warnings, w -> w.code) AS warnings")
        .orderBy("cipCode", "socCode")
        .show(false);

    section("An MSA without its own projections, falling back to the state");
    lightcast
        .get()
        .option("socCodes", "15-1252")
        .option("regionCodes", "12060")
        .option("fallbackToState", "true")
        .load("occupations")
        .selectExpr(
            "regionCode",
            "name",
            "laborMarketData.forecastedEmploymentGrowth AS growth",
            "warnings[0].code AS warning")
        .show(false);

    section("Regions");
    lightcast.get().load("regions").where("regionType = 'msa'").show(5, false);

    section(
        "Projected occupation growth (OAuth client credentials; one request per occupation id and region)");
    // The emulator's LOT ids are its own (LO-<SOC>); with the real API, map your SOC codes to LOT
    // ids first.
    spark
        .read()
        .format("lightcast")
        .option("baseUrl", pogBaseUrl)
        .option("authUrl", tokenUrl)
        .option("secret.clientId", "<client-id>")
        .option("secret.clientSecret", "<client-secret>")
        .load("occupation_growth")
        .where("occupationId IN ('LO-15-1252','LO-29-1141') AND regionCode IN ('06','48')")
        .selectExpr(
            "occupationId",
            "name",
            "regionName",
            "baseEmployment",
            "growthPercent.oneYear AS y1",
            "growthPercent.fiveYear AS y5",
            "growthPercent.tenYear AS y10",
            "modelVersion",
            "lotVersion")
        .show(false);

    section("Our employees' pay against the market median of their occupation and state"
        + " (option keyTable: the requests ask for exactly the HR table's codes and states)");
    Dataset<Row> hr = spark.createDataFrame(HR_SAMPLE, HR_SCHEMA);
    hr.createOrReplaceTempView("employees");
    Dataset<Row> market = lightcast
        .get()
        .option("keyTable", "employees")
        .option("keyColumns", "socCode=soc, regionCode=stateFips")
        .load("occupations")
        .selectExpr("socCode", "regionCode", "laborMarketData.medianAnnualSalary AS marketMedian");
    printScanLines(market);
    hr.join(
            market,
            hr.col("soc")
                .equalTo(market.col("socCode"))
                .and(hr.col("stateFips").equalTo(market.col("regionCode"))),
            "left")
        .selectExpr(
            "employee",
            "title",
            "stateFips",
            "salary",
            "marketMedian",
            "round(salary / marketMedian, 2) AS payRatio")
        .orderBy("employee")
        .show(false);

    section(
        "Engineers against the national market: Spark hands the read the codes of the filtered HR"
            + " table when the join runs (runtime filter), so a read of every code sends one request");
    Path scratch = createTempDirectory();
    Dataset<Row> engineers = parquetCopy(spark, hr, scratch).where("department = 'Engineering'");
    Dataset<Row> everyCode = lightcast
        .get()
        .load("occupations")
        .selectExpr("socCode", "name", "laborMarketData.medianAnnualSalary AS nationalMedian");
    Dataset<Row> joined =
        engineers.join(everyCode, engineers.col("soc").equalTo(everyCode.col("socCode")));
    Dataset<Row> engineersPay = joined
        .selectExpr("employee", "title", "name", "salary", "nationalMedian")
        .orderBy("employee");
    printScanLines(engineersPay);
    // The log line "the join's runtime filter on socCode (1 value) leaves 1 of the 35 planned
    // requests" tells what the join sent.
    engineersPay.show(false);

    section(
        "The same read next month: a response store (cachePath) answers every request it kept, so planning"
            + " counts none to send");
    String store = scratch.resolve("store").toString();
    Supplier<Dataset<Row>> california = () ->
        lightcast.get().option("cachePath", store).load("occupations").where("regionCode = '06'");
    System.out.println("First run: " + california.get().count() + " occupations in California");
    Dataset<Row> nextMonth = california.get();
    printScanLines(nextMonth);
    System.out.println("Next run: " + nextMonth.count() + " occupations, read from the store");
    spark.stop();
    deleteTree(scratch);
  }

  /** Prints the Lightcast scans' planned requests, keys and cost, as EXPLAIN shows them. */
  private static void printScanLines(Dataset<Row> df) {
    for (String line : df.queryExecution().executedPlan().toString().split("\n")) {
      int at = line.indexOf("RequestKeys: ");
      if (at >= 0) {
        System.out.println("Planned: " + line.substring(at));
      }
    }
  }

  /**
   * Writes {@code df} to a temporary Parquet folder and reads it back, as an HR table usually arrives: Spark
   * folds a filter of in-memory rows away at planning, and a runtime filter needs the filter to still be there.
   */
  private static Dataset<Row> parquetCopy(SparkSession spark, Dataset<Row> df, Path dir) {
    String path = dir.resolve("employees.parquet").toString();
    df.write().parquet(path);
    return spark.read().parquet(path);
  }

  private static Path createTempDirectory() {
    try {
      return Files.createTempDirectory("lightcast-demo-hr");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void section(String title) {
    System.out.println();
    System.out.println("== " + title);
  }

  private static final StructType HR_SCHEMA = new StructType()
      .add("employee", DataTypes.StringType)
      .add("title", DataTypes.StringType)
      .add("department", DataTypes.StringType)
      .add("soc", DataTypes.StringType)
      .add("stateFips", DataTypes.StringType)
      .add("salary", DataTypes.DoubleType);

  private static final List<Row> HR_SAMPLE = List.of(
      RowFactory.create("E-1001", "Backend Engineer", "Engineering", "15-1252", "06", 171000.0),
      RowFactory.create("E-1002", "Mobile Engineer", "Engineering", "15-1252", "48", 128500.0),
      RowFactory.create("E-1003", "Staff Nurse", "Clinical", "29-1141", "36", 104200.0),
      RowFactory.create("E-1004", "Charge Nurse", "Clinical", "29-1141", "48", 86900.0),
      RowFactory.create("E-1005", "Senior Accountant", "Finance", "13-2011", "06", 98000.0),
      RowFactory.create("E-1006", "Customer Care Rep", "Support", "43-4051", "36", 41600.0));
}
