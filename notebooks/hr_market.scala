// Where our pay sits in the market, and where our occupations grow: the notebooks' story in Scala, against the
// built-in emulator, through the connector's shaded jar.
//
// Needs: Java 17, and the jars built once from the repository root (mvn -B -q -pl src/spark-4.1 -am package
// -DskipTests). Run it in spark-shell (spark-shell --jars target/spark-4.1/lightcast-spark-4.1_2.13-<version>.jar
// -i notebooks/hr_market.scala) or as a Scala script with Spark's jars; NotebooksIT runs it so in CI.
// Costs: the market, 6 requests (10 codes in 6 states, up to 25 codes a request), about 1 s at the default 5 a
// second; growth, 60 requests (one per occupation and state), about 12 s.
import java.io.{BufferedReader, File, InputStreamReader}
import org.apache.spark.sql.{DataFrameReader, SparkSession, functions => F}

val repo = new File(sys.env.getOrElse("LIGHTCAST_REPO", ".")).getCanonicalFile
val emulatorJar = new File(repo, "target/emulator").listFiles().map(_.getPath)
  .filter(p => p.matches(".*/lightcast-emulator-.*-all\\.jar")).head

// The emulator on a free port, with a pipe: it stops when this process ends.
val emulator = new ProcessBuilder("java", "-jar", emulatorJar, "--port", "0", "--exit-when-stdin-closes").start()
val banner = new BufferedReader(new InputStreamReader(emulator.getInputStream)).readLine()
def root(name: String): String = (name + " (\\S+)").r.findFirstMatchIn(banner).get.group(1)
val (lmiUrl, pogUrl, tokenUrl) = (root("LMI base URL"), root("POG base URL"), root("token URL"))

val spark = SparkSession.builder().master("local[2]").appName("lightcast-hr-market-scala")
  .config("spark.ui.enabled", "false").getOrCreate()
spark.sparkContext.setLogLevel("ERROR")
def lmi(): DataFrameReader = spark.read.format("lightcast").option("baseUrl", lmiUrl)
  .option("environment", "testing").option("secret.platformKey", "pk_test_notebook")
def pog(): DataFrameReader = spark.read.format("lightcast").option("baseUrl", pogUrl).option("authUrl", tokenUrl)
  .option("secret.clientId", "notebook-client").option("secret.clientSecret", "<client-secret>")

// The HR table: 300 synthetic employees. In production, spark.table("hr.employees").
val hr = spark.read.option("header", "true")
  .schema("employee_id string, title string, department string, soc_code string, state_fips string, salary double," +
    " hire_year int")
  .csv(new File(repo, "notebooks/data/hr_employees.csv").getPath)
hr.createOrReplaceTempView("employees")
println(s"employees: ${hr.count()}")

// The market for exactly the HR table's codes and states (keyTable); EXPLAIN shows the requests first.
val market = lmi().option("keyTable", "employees").option("keyColumns", "socCode=soc_code,regionCode=state_fips")
  .load("occupations")
  .selectExpr("socCode", "regionCode", "name", "laborMarketData.medianAnnualSalary AS market_median")
val plan = market.queryExecution.executedPlan.toString
println(plan.substring(plan.indexOf("PlannedRequests")).split(",")(0))
println(s"market rows: ${market.count()}")

val pay = hr.join(market, hr("soc_code") === market("socCode") && hr("state_fips") === market("regionCode"), "left")
  .withColumn("pay_ratio", F.round(F.col("salary") / F.col("market_median"), 3))
pay.groupBy("name").agg(F.count("*").as("employees"), F.round(F.expr("median(pay_ratio)"), 2).as("median_pay_ratio"))
  .orderBy("median_pay_ratio").show(false)
val caDataScientists = market.where("socCode = '15-2051' AND regionCode = '06'").select("market_median").first()
  .getDouble(0)
println(f"Data Scientists, California, market median: ${caDataScientists}%,.0f")

// Projected growth, keyed by LOT id: LO- and the SOC code for these occupations.
spark.sql("""CREATE OR REPLACE TEMPORARY VIEW employee_growth_keys AS
             SELECT DISTINCT concat('LO-', soc_code) AS occupationId, state_fips AS regionCode FROM employees""")
val growth = pog().option("keyTable", "employee_growth_keys").load("occupation_growth")
  .selectExpr("occupationId", "regionCode", "name", "growthPercent.fiveYear AS growth_5y", "modelVersion")
println(s"growth rows: ${growth.count()}")
growth.groupBy("name").agg(F.round(F.avg("growth_5y") * 100, 1).as("growth_5y_percent"))
  .orderBy(F.desc("growth_5y_percent")).show(false)

// Who to look at first: paid under the local market, in an occupation projected to grow.
val atRisk = pay.join(growth, F.concat(F.lit("LO-"), pay("soc_code")) === growth("occupationId")
    && pay("state_fips") === growth("regionCode"))
  .where("pay_ratio < 0.9 AND growth_5y > 0.05")
  .select("employee_id", "title", "state_fips", "salary", "market_median", "pay_ratio")
println(s"employees under the market in growing occupations: ${atRisk.count()}")
atRisk.orderBy("pay_ratio").show(10, false)

spark.stop()
emulator.destroy()
