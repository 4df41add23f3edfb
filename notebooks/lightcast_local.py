"""The notebooks' laptop setup: the built-in Lightcast emulator on a free port, a local Spark with the connector's
jar, and readers of both APIs pointed at the emulator. On a cluster, readers with your own credentials take their
place (see hr_market_databricks.py)."""
import atexit
import glob
import os
import re
import subprocess

from pyspark.sql import SparkSession


class Emulator:
    """The emulator, started with a pipe: when the Python process ends or dies, the pipe closes and it stops."""

    def __init__(self, repo):
        jar = sorted(glob.glob(f"{repo}/target/emulator/lightcast-emulator-*-all.jar"))[0]
        self.process = subprocess.Popen(
            ["java", "-jar", jar, "--port", "0", "--exit-when-stdin-closes"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        atexit.register(self.stop)
        banner = self.process.stdout.readline()
        self.lmi_url = re.search(r"LMI base URL (\S+)", banner).group(1)
        self.pog_url = re.search(r"POG base URL (\S+)", banner).group(1)
        self.token_url = re.search(r"token URL (\S+)", banner).group(1)

    def stop(self):
        self.process.terminate()


def repository():
    """The repository the notebooks are in, or LIGHTCAST_REPO."""
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.abspath(os.environ.get("LIGHTCAST_REPO", os.path.join(here, "..")))


def local_spark(app):
    """A local Spark session with the connector's shaded jar."""
    jar = sorted(glob.glob(f"{repository()}/target/spark-4.1/lightcast-spark-4.1_2.13-*.jar"))[0]
    return (SparkSession.builder.master("local[2]")
            .appName(app)
            .config("spark.jars", jar)
            .config("spark.ui.showConsoleProgress", "false")
            .getOrCreate())


def sample_hr(spark):
    """The notebooks' HR table: 300 synthetic employees, with a SOC code and a state FIPS code each."""
    here = os.path.dirname(os.path.abspath(__file__))
    return spark.read.csv(os.path.join(here, "data", "hr_employees.csv"), header=True,
                          schema="employee_id string, title string, department string, soc_code string,"
                                 " state_fips string, salary double, hire_year int")


def emulator_readers(spark, emulator):
    """Readers of the LMI (a testing platform key) and of projected growth (any client id and secret)."""
    def lmi():
        return (spark.read.format("lightcast")
                .option("baseUrl", emulator.lmi_url)
                .option("environment", "testing")
                .option("secret.platformKey", "pk_test_notebook"))

    def pog():
        return (spark.read.format("lightcast")
                .option("baseUrl", emulator.pog_url)
                .option("authUrl", emulator.token_url)
                .option("secret.clientId", "notebook-client")
                .option("secret.clientSecret", "<client-secret>"))

    return lmi, pog
