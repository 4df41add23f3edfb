package io.github.lightcastspark.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
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
