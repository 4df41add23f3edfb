"""Runs the notebooks end to end against the emulator and checks what they print.

The Jupyter notebook runs as Jupyter runs it (nbclient, a python3 kernel); the Databricks notebook runs cell by cell
in one interpreter, past its Databricks-only setup cell, with `spark`, `display` and the setup cell's names given as
a cluster would give them; the Scala script runs as a script over Spark's jars and the shaded jar. Needs SPARK_HOME (Spark 4.1 jars), PYTHONPATH (PySpark 4.1) and LIGHTCAST_REPO (the built
repository); run by the Spark 4.1 build's NotebooksIT. Exits 0 when every check holds.

    run_notebooks.py OUT_DIR
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# What each notebook must print: the HR table read whole, the requests EXPLAIN plans, one market and one growth
# row per occupation and state (10 x 6), and a figure the emulator serves (BLS OEWS May 2023, California).
EXPECTED = [
    "employees: 300",
    "PlannedRequests: 6",
    "market rows: 60",
    "growth rows: 60",
    "Data Scientists, California, market median: 133,690",
]


def check(name, text, charts=None):
    """Fails unless `text` holds every expected line and an employee at risk, and (unless None) two charts."""
    missing = [e for e in EXPECTED if e not in text]
    if missing:
        raise SystemExit(f"{name}: missing {missing} in its output:\n{text}")
    at_risk = re.search(r"employees under the market in growing occupations: (\d+)", text)
    if not at_risk or int(at_risk.group(1)) == 0:
        raise SystemExit(f"{name}: no employee under the market in a growing occupation:\n{text}")
    if charts is not None and charts < 2:
        raise SystemExit(f"{name}: {charts} charts drawn, expected 2")
    print(f"{name}: every check holds ({at_risk.group(0)}" + ("" if charts is None else f"; {charts} charts") + ")")


def run_jupyter(out_dir):
    import nbclient
    import nbformat

    path = os.path.join(HERE, "hr_market.ipynb")
    notebook = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": HERE}}
    ).execute()
    nbformat.write(notebook, os.path.join(out_dir, "hr_market.executed.ipynb"))
    text, charts = [], 0
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            text.append(output.get("text", ""))
            data = output.get("data", {})
            text.append(data.get("text/plain", ""))
            charts += "image/png" in data
    check("hr_market.ipynb", "\n".join(text), charts)


def run_script(name, command, cwd, out_dir):
    """Runs a notebook's script in its own process and keeps what it printed; fails when the script does."""
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600)
    with open(os.path.join(out_dir, name + ".out"), "w") as log:
        log.write(result.stdout + result.stderr)
    if result.returncode != 0:
        raise SystemExit(f"{name} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def run_databricks(out_dir):
    """Runs hr_market_databricks.py in a child interpreter, so that its Spark session is its own."""
    name = "hr_market_databricks.py"
    printed = run_script(name, [sys.executable, os.path.join(HERE, "databricks_cells.py")], HERE, out_dir)
    check(name, printed, printed.count("[display]"))


def run_scala(out_dir):
    """Runs hr_market.scala as a Scala script over Spark's jars and the shaded jar: LIGHTCAST_SCALA_COMMAND is the
    java command line that runs a script (the Scala runner and its classpath), the script's path to be added."""
    name = "hr_market.scala"
    command = os.environ["LIGHTCAST_SCALA_COMMAND"].split("\t") + [os.path.join(HERE, name)]
    check(name, run_script(name, command, os.path.dirname(HERE), out_dir))


if __name__ == "__main__":
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    run_jupyter(out)
    run_databricks(out)
    run_scala(out)
