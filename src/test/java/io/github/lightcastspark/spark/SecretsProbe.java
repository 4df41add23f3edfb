package io.github.lightcastspark.spark;

import io.github.lightcastspark.emulator.EmulatorConfig;
import io.github.lightcastspark.emulator.JournalEntry;
import io.github.lightcastspark.emulator.LightcastEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Run by {@link SecretsIT} in a JVM of its own, on the shaded jar: reads through every route the docs give a
 * credential (read options, Spark conf at start and set on the running session, the environment, a SQL view's
 * OPTIONS), with the connector's loggers (and the
 * relocated HTTP client's) at TRACE, the Spark UI and the event log on, and writes into one file everything Spark
 * shows of those reads: every EXPLAIN mode, {@code SET}, the REST API's environment and SQL pages, the event log, and
 * the messages of failed reads. It also writes the bearer tokens the emulator issued, so that they are searched too.
 *
 * <p>Arguments: the output file, the event log folder.
 */
public final class SecretsProbe {
  /** Platform keys by route; the customer key and the POG client come from the environment. */
  static final String KEY_BY_CONF = "pk_live_probe-by-conf";

  static final String KEY_BY_OPTION = "pk_live_probe-by-option";
  static final String KEY_BY_VIEW = "pk_live_probe-by-view";
  static final String KEY_BY_SESSION_SET = "pk_live_probe-by-session-set";
  static final String CUSTOMER_BY_ENV = "ck_probe-by-environment";
  static final String CLIENT_ID_BY_ENV = "probe-client-id-by-environment";
  static final String CLIENT_SECRET_BY_ENV = "probe-client-secret-by-environment";
  /** Marks the lines of the output that name an issued token, to be searched for everywhere else. */
  static final String TOKEN_LINE = "issued token: ";

  private SecretsProbe() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    StringBuilder seen = new StringBuilder();
    try (LightcastEmulator emulator = LightcastEmulator.start(EmulatorConfig.builder()
        .mode(EmulatorConfig.Mode.PRODUCTION)
        .platformKeys(KEY_BY_CONF, KEY_BY_OPTION, KEY_BY_VIEW, KEY_BY_SESSION_SET)
        .customerKeys(CUSTOMER_BY_ENV)
        .pogClient(CLIENT_ID_BY_ENV, CLIENT_SECRET_BY_ENV, "projected-occupation-growth")
        .build())) {
      SparkSession spark = SparkSession.builder()
          .master("local[2]")
          .appName("lightcast-secrets-probe")
          .config("spark.ui.enabled", "true")
          .config("spark.ui.port", "0")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.eventLog.enabled", "true")
          .config("spark.eventLog.dir", args[1])
          .config("spark.eventLog.compress", "false")
          .config("spark.lightcast.secret.platformKey", KEY_BY_CONF)
          .getOrCreate();
      List<Dataset<Row>> reads = new ArrayList<>();
      reads.add(spark
          .read()
          .format("lightcast")
          .option("baseUrl", emulator.lmiBaseUrl())
          .option("socCodes", "15-1252")
          .load("occupations"));
      reads.add(spark
          .read()
          .format("lightcast")
          .option("baseUrl", emulator.lmiBaseUrl())
          .option("secret.platformKey", KEY_BY_OPTION)
          .option("socCodes", "29-1141")
          .load("occupations")
          .where("regionType = 'state' AND regionCode = '06'"));
      reads.add(spark
          .read()
          .format("lightcast")
          .option("baseUrl", emulator.pogBaseUrl())
          .option("authUrl", emulator.tokenUrl())
          .option("occupationIds", "LO-15-1252")
          .load("occupation_growth"));
      seen.append(
          rows(spark.sql("CREATE OR REPLACE TEMPORARY VIEW viewed USING lightcast OPTIONS (dataset"
              + " 'occupations', baseUrl '" + emulator.lmiBaseUrl() + "', secret.platformKey '"
              + KEY_BY_VIEW + "',"
              + " socCodes '11-1011')")));
      reads.add(spark.sql("SELECT * FROM viewed"));
      // Set on the running session: each SQL execution then lists it among its modified configs.
      spark.conf().set("spark.lightcast.secret.platformKey", KEY_BY_SESSION_SET);
      reads.add(spark
          .read()
          .format("lightcast")
          .option("baseUrl", emulator.lmiBaseUrl())
          .option("socCodes", "13-2011")
          .load("occupations"));
      for (Dataset<Row> read : reads) {
        seen.append(rows(read));
        for (String mode : List.of("simple", "extended", "codegen", "cost", "formatted")) {
          seen.append(read.queryExecution()
              .explainString(org.apache.spark.sql.execution.ExplainMode.fromString(mode)));
        }
      }
      seen.append(rows(spark.sql("EXPLAIN EXTENDED SELECT * FROM viewed")));
      seen.append(rows(spark.sql("SET")));
      seen.append(rows(spark.sql("SET -v")));
      seen.append(rows(spark.sql("SET spark.lightcast.secret.platformKey")));
      emulator.faults().failEveryNth(1, 500);
      seen.append(failure(() -> spark
          .read()
          .format("lightcast")
          .option("baseUrl", emulator.lmiBaseUrl())
          .option("maxRetries", "0")
          .option("socCodes", "15-1252")
          .load("occupations")
          .collectAsList()));
      emulator.faults().reset();
      seen.append(failure(() -> spark
          .read()
          .format("lightcast")
          .option("baseUrl", emulator.pogBaseUrl())
          .option("authUrl", emulator.tokenUrl())
          .option("secret.clientSecret", CLIENT_SECRET_BY_ENV + "-wrong")
          .option("occupationIds", "LO-15-1252")
          .load("occupation_growth")
          .collectAsList()));
      String ui = spark.sparkContext().uiWebUrl().get();
      String app = spark.sparkContext().applicationId();
      for (String page :
          List.of("/environment", "/sql?details=true&planDescription=true", "/jobs", "/stages")) {
        seen.append(get(ui + "/api/v1/applications/" + app + page));
      }
      for (JournalEntry entry : emulator.journal().entries()) {
        String authorization = entry.headers().getOrDefault("authorization", "");
        if (entry.path().contains("projected-occupation-growth")
            && authorization.startsWith("Bearer ")) {
          seen.append('\n')
              .append(TOKEN_LINE)
              .append(authorization.substring("Bearer ".length()))
              .append('\n');
        }
      }
      spark.stop();
    }
    try (Stream<Path> logs = Files.walk(Path.of(URI.create(args[1])))) {
      for (Path log : logs.filter(Files::isRegularFile).toList()) {
        seen.append(new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1));
      }
    }
    Files.writeString(out, seen);
  }

  private static String rows(Dataset<Row> df) {
    StringBuilder text = new StringBuilder();
    df.collectAsList().forEach(r -> text.append(r).append('\n'));
    return text.toString();
  }

  private static String failure(Runnable read) {
    try {
      read.run();
      return "no failure\n";
    } catch (Exception e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      return trace.toString();
    }
  }

  private static String get(String url) throws IOException {
    try (InputStream in = URI.create(url).toURL().openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
