package io.github.lightcastspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No credential anywhere Spark or the connector writes: {@link SecretsProbe} reads through every route the docs give
 * a credential, on the shaded jar alone (so the HTTP client's loggers carry the names a user's cluster sees), with
 * every logger of the connector at TRACE and the event log on; its logs, the event log, the REST API's pages,
 * {@code SET} and every EXPLAIN mode hold none of the keys, the client id and secret, or the tokens issued.
 */
class SecretsIT {
  @TempDir
  Path dir;

  @Test
  void noCredentialInLogsEventLogRestApiSetOrExplain() throws Exception {
    String testClasses = System.getProperty("lightcast.testClasses");
    String classpath =
        System.getProperty("lightcast.sparkJars") + File.separator + "*" + File.pathSeparator
            + System.getProperty("lightcast.shadedJar") + File.pathSeparator + testClasses
            + File.pathSeparator
            + System.getProperty("lightcast.emulatorLibrary") + File.separator + "*";
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    for (String option : System.getProperty("lightcast.javaOptions").trim().split("\\s+")) {
      command.add(option);
    }
    Path seen = dir.resolve("seen.txt");
    Path eventLog = Files.createDirectories(dir.resolve("events"));
    command.addAll(List.of(
        "-Dlog4j2.configurationFile=" + testClasses + "/log4j2-secrets.properties",
        "-cp",
        classpath,
        SecretsProbe.class.getName(),
        seen.toString(),
        eventLog.toUri().toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("LIGHTCAST_CUSTOMER_KEY", SecretsProbe.CUSTOMER_BY_ENV);
    env.put("LIGHTCAST_CLIENT_ID", SecretsProbe.CLIENT_ID_BY_ENV);
    env.put("LIGHTCAST_CLIENT_SECRET", SecretsProbe.CLIENT_SECRET_BY_ENV);
    Process process = builder.start();
    String logs = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the probe did not finish");
    assertEquals(0, process.exitValue(), logs);
    String shown = Files.readString(seen);

    // The probe did what it says: TRACE logs of the relocated client, the event log, the REST API,
    // failed reads.
    assertTrue(
        logs.contains("DEBUG io.github.lightcastspark.shaded.org.apache.hc.client5"),
        "the relocated HTTP client's loggers were not on");
    assertTrue(shown.contains("SparkListenerApplicationStart"), "no event log");
    assertTrue(shown.contains("\"sparkProperties\""), "no REST environment page");
    assertTrue(shown.contains("HTTP 500"), "the failed read's message is missing");
    assertTrue(
        shown.contains("*********(redacted)"),
        "Spark redacted nothing: the conf route was not shown");

    List<String> secrets = new ArrayList<>(List.of(
        SecretsProbe.KEY_BY_CONF,
        SecretsProbe.KEY_BY_OPTION,
        SecretsProbe.KEY_BY_VIEW,
        SecretsProbe.KEY_BY_SESSION_SET,
        SecretsProbe.CUSTOMER_BY_ENV,
        SecretsProbe.CLIENT_ID_BY_ENV,
        SecretsProbe.CLIENT_SECRET_BY_ENV));
    shown
        .lines()
        .filter(l -> l.startsWith(SecretsProbe.TOKEN_LINE))
        .forEach(l -> secrets.add(l.substring(SecretsProbe.TOKEN_LINE.length())));
    assertTrue(secrets.size() > 7, "no token was issued");
    String searched = logs
        + shown
            .lines()
            .filter(l -> !l.startsWith(SecretsProbe.TOKEN_LINE))
            .reduce("", (a, b) -> a + b + "\n");
    for (String secret : secrets) {
      for (String form : List.of(secret, URLEncoder.encode(secret, StandardCharsets.UTF_8))) {
        int at = searched.indexOf(form);
        assertEquals(
            -1,
            at,
            "credential shown: ..."
                + (at < 0
                    ? ""
                    : searched.substring(
                        Math.max(0, at - 200), Math.min(searched.length(), at + 50))));
      }
    }
  }
}
