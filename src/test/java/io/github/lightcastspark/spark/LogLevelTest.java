package io.github.lightcastspark.spark;

import static io.github.lightcastspark.spark.TestEmulators.reader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lightcastspark.emulator.LightcastEmulator;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Option {@code logLevel}: the connector's own lines at the level asked for, whatever the log configuration says. */
@ExtendWith(SharedEmulatorExtension.class)
class LogLevelTest {
  private static final String CONNECTOR = "io.github.lightcastspark";
  private final LightcastEmulator emulator;

  LogLevelTest(LightcastEmulator emulator) {
    this.emulator = emulator;
  }

  @AfterEach
  void restoreTheTestsLevels() {
    Configurator.setLevel(CONNECTOR, Level.DEBUG);
  }

  private List<String> planningLines(String level) {
    try (LogCapture logs = LogCapture.install()) {
      (level == null ? reader(emulator) : reader(emulator).option("logLevel", level))
          .option("socCodes", "15-1252")
          .load("occupations")
          .collectAsList();
      return logs.lines().stream()
          .filter(l -> l.contains("Lightcast occupations: 1 requests"))
          .toList();
    }
  }

  @Test
  void theConnectorsLinesShowAtTheLevelAskedForAndTheBundledClientsStayQuiet() {
    // As a notebook's log configuration has it: everything at WARN.
    Configurator.setLevel(CONNECTOR, Level.WARN);
    assertEquals(List.of(), planningLines(null), "at WARN, no planning line");
    assertEquals(1, planningLines("info").size(), "logLevel info shows it");
    assertEquals(
        Level.INFO, LogManager.getLogger(CONNECTOR + ".spark.LightcastBatch").getLevel());
    assertEquals(
        Level.WARN, LogManager.getLogger(CONNECTOR + ".shaded.org.apache.hc").getLevel());
    assertTrue(planningLines("error").isEmpty(), "logLevel error hides it again");
  }
}
