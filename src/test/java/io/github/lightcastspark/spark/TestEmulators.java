package io.github.lightcastspark.spark;

import io.github.lightcastspark.StubServer;
import io.github.lightcastspark.emulator.EmulatorConfig;
import io.github.lightcastspark.emulator.JournalEntry;
import io.github.lightcastspark.emulator.LightcastEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.DataFrameReader;

/** The emulator the Spark tests share (started once per JVM, generous rate limit), and readers pointed at it. */
final class TestEmulators {
  /** Distinctive, so a test can search every output for it. */
  static final String PLATFORM_KEY = "<platform-key>";

  static final String BY_SOC = "/labor-market-intelligence/by-soc";
  static final String BY_CIP = "/labor-market-intelligence/by-cip";
  static final String REGIONS = "/labor-market-intelligence/regions";

  private static LightcastEmulator shared;

  private TestEmulators() {}

  static synchronized LightcastEmulator shared() {
    if (shared == null) {
      shared = LightcastEmulator.start(EmulatorConfig.builder()
          .platformKeys(PLATFORM_KEY)
          .lmiRateLimit(100_000, Duration.ofSeconds(1))
          .build());
    }
    return shared;
  }

  /** @return a reader of {@code emulator} in the testing environment, rate limit high enough not to slow tests */
  static DataFrameReader reader(LightcastEmulator emulator) {
    return TestSpark.session()
        .read()
        .format("lightcast")
        .option("baseUrl", emulator.lmiBaseUrl())
        .option("secret.platformKey", PLATFORM_KEY)
        .option("environment", "testing")
        .option("rateLimit", "1000");
  }

  /** @return the data requests (by-soc and by-cip) the emulator received */
  static List<JournalEntry> dataRequests(LightcastEmulator emulator) {
    return emulator.journal().entries().stream()
        .filter(e -> e.path().endsWith(BY_SOC) || e.path().endsWith(BY_CIP))
        .toList();
  }

  /** @return the SOC codes the data requests asked for */
  static Set<String> socCodesIn(List<JournalEntry> requests) {
    Set<String> codes = new TreeSet<>();
    requests.forEach(e -> e.bodyJson().get("socCodes").forEach(c -> codes.add(c.asText())));
    return codes;
  }

  /** @return the regions the data requests asked for, as the API writes them ({@code 6} for California) */
  static Set<String> regionsIn(List<JournalEntry> requests) {
    Set<String> regions = new TreeSet<>();
    requests.forEach(e -> regions.add(e.bodyJson().path("region").asText("")));
    return regions;
  }

  /** @return a reader of a stub server's POG API: its root at {@code /pog}, its token endpoint at {@code /token} */
  static DataFrameReader pogOf(StubServer api) {
    return TestSpark.session()
        .read()
        .format("lightcast")
        .option("baseUrl", api.url() + "/pog")
        .option("authUrl", api.url() + "/token")
        .option("secret.clientId", "<client-id>")
        .option("secret.clientSecret", "<client-secret>");
  }
}
