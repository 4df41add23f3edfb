# Databricks notebook source
# MAGIC %md
# MAGIC # Where our pay sits in the market, and where our occupations grow
# MAGIC
# MAGIC Joins your HR table with the Lightcast market data for its occupations and states, and with their projected
# MAGIC growth.
# MAGIC
# MAGIC **What it needs**
# MAGIC * the connector as a cluster library: the Maven coordinates or the shaded jar of the cluster's Spark line
# MAGIC   (`lightcast-spark-4.1_2.13` for DBR 17 and later, `lightcast-spark-3.5_2.12` for DBR 14 to 16; see
# MAGIC   `docs/install.md`);
# MAGIC * a secret scope `lightcast` holding `platform-key` and `customer-key` (LMI) and `client-id` and
# MAGIC   `client-secret` (Projected Occupation Growth);
# MAGIC * your HR table with a SOC code and a state FIPS code per employee (the setup cell names it; the repository's
# MAGIC   `notebooks/data/hr_employees.csv` is a synthetic one to upload and try);
# MAGIC * a Unity Catalog volume the cluster can write, for the response store.
# MAGIC
# MAGIC **What its reads cost** (requests count against the quota; the default limit is 5 a second): the market is
# MAGIC one request per state for up to 25 occupations (the sample: 6 requests, about 1 s); growth is one request per
# MAGIC occupation and state (the sample: 60, about 12 s). With the store, a second run costs only what changed.

# COMMAND ----------

# Setup (Databricks only): credentials from the secret scope, the HR table from the catalog, a store in a volume.
STORE = "/Volumes/hr/lightcast/response_store"


def lmi():
    return (spark.read.format("lightcast")
            .option("secret.platformKey", dbutils.secrets.get("lightcast", "platform-key"))
            .option("secret.customerKey", dbutils.secrets.get("lightcast", "customer-key"))
            .option("cachePath", STORE))


def pog():
    return (spark.read.format("lightcast")
            .option("secret.clientId", dbutils.secrets.get("lightcast", "client-id"))
            .option("secret.clientSecret", dbutils.secrets.get("lightcast", "client-secret"))
            .option("cachePath", STORE))


hr = spark.table("hr.people.employees")

# COMMAND ----------

from pyspark.sql import functions as F

hr.createOrReplaceTempView("employees")
print("employees:", hr.count())
display(hr.groupBy("department").count().orderBy(F.desc("count")))

# COMMAND ----------

# MAGIC %md
# MAGIC ## The market for our occupations in our states
# MAGIC The read asks for exactly the HR table's distinct SOC codes and states (`keyTable`); EXPLAIN shows the
# MAGIC requests before any is sent.

# COMMAND ----------

market = (lmi()
          .option("keyTable", "employees")
          .option("keyColumns", "socCode=soc_code,regionCode=state_fips")
          .load("occupations")
          .selectExpr("socCode", "regionCode", "name",
                      "laborMarketData.medianAnnualSalary AS market_median"))
plan = market._jdf.queryExecution().executedPlan().toString()
print(plan[plan.index("PlannedRequests"):].split(",")[0])
print("market rows:", market.count())

# COMMAND ----------

pay = (hr.join(market, (hr.soc_code == market.socCode) & (hr.state_fips == market.regionCode), "left")
       .withColumn("pay_ratio", F.round(F.col("salary") / F.col("market_median"), 3)))
by_occupation = (pay.groupBy("name")
                 .agg(F.count("*").alias("employees"),
                      F.round(F.median("pay_ratio"), 2).alias("median_pay_ratio"))
                 .orderBy("median_pay_ratio"))
ca_data_scientists = (market.where("socCode = '15-2051' AND regionCode = '06'")
                      .select("market_median").first()[0])
print(f"Data Scientists, California, market median: {ca_data_scientists:,.0f}")
# A bar chart of median_pay_ratio by name: choose "Bar" under the table's + (Visualization).
display(by_occupation)

# COMMAND ----------

# MAGIC %md
# MAGIC ## Where our occupations are projected to grow
# MAGIC Growth is keyed by Lightcast occupation (LOT) ids: for these occupations, `LO-` and the SOC code.

# COMMAND ----------

spark.sql("""CREATE OR REPLACE TEMPORARY VIEW employee_growth_keys AS
             SELECT DISTINCT concat('LO-', soc_code) AS occupationId, state_fips AS regionCode
             FROM employees""")
growth = (pog().option("keyTable", "employee_growth_keys").load("occupation_growth")
          .selectExpr("occupationId", "regionCode", "name", "growthPercent.fiveYear AS growth_5y",
                      "modelVersion"))
print("growth rows:", growth.count())
growth_by_occupation = (growth.groupBy("name")
                        .agg(F.round(F.avg("growth_5y") * 100, 1).alias("growth_5y_percent"))
                        .orderBy(F.desc("growth_5y_percent")))
# A bar chart of growth_5y_percent by name.
display(growth_by_occupation)

# COMMAND ----------

# MAGIC %md
# MAGIC ## Who to look at first
# MAGIC Employees paid under the local market in occupations projected to grow are the likeliest to be hired away.

# COMMAND ----------

at_risk = (pay.join(growth, (F.concat(F.lit("LO-"), pay.soc_code) == growth.occupationId)
                          & (pay.state_fips == growth.regionCode))
           .where("pay_ratio < 0.9 AND growth_5y > 0.05")
           .select("employee_id", "title", "state_fips", "salary", "market_median", "pay_ratio",
                   F.round(F.col("growth_5y") * 100, 1).alias("growth_5y_percent"))
           .orderBy("pay_ratio"))
print("employees under the market in growing occupations:", at_risk.count())
display(at_risk)
