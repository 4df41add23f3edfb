"""What a Python user meets when a read fails: for each failure, the exception's class and its first line.

    errors_in_python.py REPO    (SPARK_HOME and PYTHONPATH as for the notebooks)
"""
import sys

sys.path.insert(0, f"{sys.argv[1]}/notebooks")
from lightcast_local import Emulator, emulator_readers, local_spark, repository  # noqa: E402

emulator = Emulator(repository())
spark = local_spark("lightcast-errors-in-python")
spark.sparkContext.setLogLevel("OFF")
lmi, _ = emulator_readers(spark, emulator)
failures = {
    "invalid option": lambda: lmi().option("socCodes", "15-125X").load("occupations").collect(),
    "wrong key": lambda: lmi().option("secret.platformKey", "pk_live_not-for-testing")
    .option("socCodes", "15-1252").load("occupations").collect(),
    "baseUrl without its version": lambda: lmi().option("baseUrl", emulator.lmi_url[:-len("/v1")])
    .option("socCodes", "15-1252").load("occupations").collect(),
}
for name, read in failures.items():
    try:
        read()
        print(f"{name}: no error")
    except Exception as e:
        lines = str(e).splitlines()
        print(f"{name}: {type(e).__name__} ({len(lines)} lines): {lines[0]}")
spark.stop()
emulator.stop()
