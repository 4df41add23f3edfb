"""Runs hr_market_databricks.py as a cluster would, but on a laptop: each cell after the Databricks-only setup cell,
in order, in one namespace that holds what the setup cell makes (`lmi`, `pog`, `hr`) and what Databricks gives
(`spark`, `display`), pointed at the emulator. Run by run_notebooks.py."""
import os

from lightcast_local import Emulator, emulator_readers, local_spark, repository, sample_hr

HERE = os.path.dirname(os.path.abspath(__file__))
COMMAND = "# COMMAND ----------"


def cells(path):
    """The notebook's Python cells (not its %md ones), in order."""
    with open(path) as source:
        text = source.read()
    for cell in text.split(COMMAND):
        lines = [line for line in cell.splitlines() if line != "# Databricks notebook source"]
        if not any(line.startswith("# MAGIC") for line in lines):
            yield "\n".join(lines)


def display(df):
    """Databricks renders a table the user can turn into a chart; here, the rows."""
    print("[display]")
    df.show(50, truncate=False)


if __name__ == "__main__":
    emulator = Emulator(repository())
    spark = local_spark("lightcast-hr-market-databricks")
    lmi, pog = emulator_readers(spark, emulator)
    hr = sample_hr(spark)
    namespace = {"spark": spark, "display": display, "lmi": lmi, "pog": pog, "hr": hr}
    setup, *rest = list(cells(os.path.join(HERE, "hr_market_databricks.py")))
    for cell in rest:
        exec(compile(cell, "hr_market_databricks.py", "exec"), namespace)
    spark.stop()
    emulator.stop()
