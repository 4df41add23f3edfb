package io.github.lightcastspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The notebooks run for real, as a user runs them: {@code notebooks/run_notebooks.py} executes the Jupyter notebook
 * with nbclient and a python3 kernel, the Databricks notebook cell by cell past its setup cell, and the Scala script
 * with Scala's script runner, each against the emulator through the shaded jar, and checks their outputs (row
 * counts, a known market figure, the charts). On the Spark 4.1 build only (the 3.5 build excludes it): the
 * PySpark 4.1 client of {@code ../shared/pyspark} talks to no other. A machine without that client, or without
 * Debian's python3-nbclient, python3-ipykernel and python3-matplotlib ({@code .ci/setup} installs them), skips this
 * test, saying which is missing.
 */
class NotebooksIT {
  private static final Path PYTHON = Path.of("/usr/bin/python3");

  @Test
  void theNotebooksRunEndToEndAgainstTheEmulator() throws Exception {
    Path out = target().resolve("notebooks");
    String output = python(repo().resolve("notebooks/run_notebooks.py").toString(), out.toString());
    assertTrue(output.contains("hr_market.ipynb: every check holds"), output);
    assertTrue(output.contains("hr_market_databricks.py: every check holds"), output);
    assertTrue(output.contains("hr_market.scala: every check holds"), output);
  }

  /** The java command that runs a Scala script over Spark's jars and the shaded jar, tab-separated. */
  private static String scalaCommand() {
    List<String> command = new java.util.ArrayList<>(
        List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(List.of(System.getProperty("lightcast.javaOptions").trim().split("\\s+")));
    command.addAll(List.of(
        "-cp",
        String.join(
            File.pathSeparator,
            // The script runner's Scala first: a compiler needs its own library.
            System.getProperty("lightcast.scalaRunner") + File.separator + "*",
            System.getProperty("lightcast.sparkJars") + File.separator + "*",
            System.getProperty("lightcast.shadedJar")),
        "scala.tools.nsc.MainGenericRunner",
        "-usejavacp"));
    return String.join("\t", command);
  }

  /** A failed read reaches Python as one line that says what failed and what to do, not as a Py4J wall. */
  @Test
  void aFailedReadIsOneLineInPythonThatSaysWhatToDo() throws Exception {
    String output = python(
        Path.of(System.getProperty("lightcast.testClasses"), "python", "errors_in_python.py")
            .toString(),
        repo().toString());
    assertTrue(
        output.contains(
            "invalid option: IllegalArgumentException (1 lines): Option socCodes has invalid value"
                + " '15-125X': codes are NN-NNNN, such as 15-1252."),
        output);
    assertTrue(
        output.contains(
            "wrong key: SparkRuntimeException (1 lines): [USER_RAISED_EXCEPTION] Lightcast request"
                + " failed for occupations [15-1252] @ national: HTTP 401 INVALID_API_KEY: Invalid API key. Check the"
                + " read's credentials"),
        output);
    assertTrue(
        output.contains(
            "baseUrl without its version: SparkRuntimeException (1 lines): [USER_RAISED_EXCEPTION]"
                + " Lightcast request failed for occupations [15-1252] @ national: HTTP 404 NOT_FOUND: Resource not"
                + " found: /labor-market-intelligence/by-soc. Check option baseUrl"),
        output);
  }

  /**
   * Runs a script with the Python that runs the notebooks, over a SPARK_HOME of the build's Spark jars and the
   * PySpark client; skips when either is missing.
   *
   * @return what it printed
   */
  private static String python(String... args) throws Exception {
    Path pyspark = Path.of(System.getProperty("lightcast.pyspark"));
    assumeTrue(
        Files.isDirectory(pyspark.resolve("site/pyspark")),
        "Skipping the notebooks: no PySpark client at " + pyspark);
    assumeTrue(
        Files.isExecutable(PYTHON)
            && run(List.of(PYTHON.toString(), "-c", "import nbclient, ipykernel, matplotlib")) == 0,
        "Skipping the notebooks: " + PYTHON
            + " lacks nbclient, ipykernel or matplotlib (run .ci/setup)");
    Path sparkHome = target().resolve("pyspark-home");
    String sparkJars;
    try (Stream<Path> jars = Files.list(Path.of(System.getProperty("lightcast.sparkJars")))) {
      sparkJars = jars.map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
    assertEquals(
        0,
        run(List.of(
            "bash",
            pyspark.resolve("make-spark-home.sh").toString(),
            sparkHome.toString(),
            sparkJars)));
    List<String> command = new java.util.ArrayList<>(List.of(PYTHON.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("SPARK_HOME", sparkHome.toString());
    builder.environment().put("PYTHONPATH", pyspark.resolve("site").toString());
    builder.environment().put("LIGHTCAST_REPO", repo().toString());
    builder.environment().put("LIGHTCAST_SCALA_COMMAND", scalaCommand());
    // The kernel's debugger warns of frozen modules at every start; nothing here debugs.
    builder.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(15, TimeUnit.MINUTES), "the script did not finish: " + command);
    assertEquals(0, process.exitValue(), output);
    return output;
  }

  private static Path target() {
    return Path.of(System.getProperty("lightcast.shadedJar")).getParent();
  }

  private static Path repo() throws java.io.IOException {
    return Path.of(System.getProperty("lightcast.repo")).toRealPath();
  }

  private static int run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getInputStream().transferTo(System.out);
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), String.join(" ", command));
    return process.exitValue();
  }
}
