package io.github.lightcastspark.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The command line of {@link EmulatorMain}. */
class EmulatorMainTest {
  @Test
  void defaultsAreThePort8787AndTheContractsDefaults() {
    EmulatorConfig config = EmulatorMain.parse();
    assertEquals(8787, config.port());
    assertEquals(EmulatorConfig.Mode.TESTING, config.mode());
    assertEquals(60, config.lmiRateLimitRequests());
    assertEquals(Duration.ofSeconds(60), config.lmiRateLimitWindow());
    assertNull(config.dataDir());
  }

  @Test
  void everyOptionIsRead() {
    EmulatorConfig config = EmulatorMain.parse(
        "--port", "0", "--mode", "production", "--rate-limit", "5/2", "--data-dir", "/tmp/data");
    assertEquals(0, config.port());
    assertEquals(EmulatorConfig.Mode.PRODUCTION, config.mode());
    assertEquals(5, config.lmiRateLimitRequests());
    assertEquals(Duration.ofSeconds(2), config.lmiRateLimitWindow());
    assertEquals(Path.of("/tmp/data"), config.dataDir());
  }

  /** A notebook starts it with a pipe: when the kernel ends or dies, the pipe closes and the emulator stops. */
  @Test
  void withExitWhenStdinClosesItNamesItsRootsAndStopsWhenItsInputCloses() throws Exception {
    Process emulator = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            EmulatorMain.class.getName(),
            "--port",
            "0",
            "--exit-when-stdin-closes")
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try {
      String banner = new BufferedReader(
              new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8))
          .readLine();
      Matcher roots = Pattern.compile(
              "Lightcast emulator listening: LMI base URL http://127\\.0\\.0\\.1:(\\d+)/v1 POG base URL"
                  + " http://127\\.0\\.0\\.1:\\1/projected-occupation-growth token URL"
                  + " http://127\\.0\\.0\\.1:\\1/connect/token")
          .matcher(banner);
      assertTrue(roots.matches(), banner);
      assertTrue(Integer.parseInt(roots.group(1)) > 0);
      emulator.getOutputStream().close();
      assertTrue(emulator.waitFor(20, TimeUnit.SECONDS), "still running after its input closed");
      assertEquals(0, emulator.exitValue());
    } finally {
      emulator.destroyForcibly();
    }
  }

  @Test
  void wrongArgumentsAreNamed() {
    for (String[] args : new String[][] {
      {"--port"},
      {"--port", "x"},
      {"--mode", "staging"},
      {"--rate-limit", "60"},
      {"--rate-limit", "0/60"},
      {"--verbose", "1"}
    }) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> EmulatorMain.parse(args));
      assertEquals(true, e.getMessage().contains(args[0]), e.getMessage());
    }
  }
}
