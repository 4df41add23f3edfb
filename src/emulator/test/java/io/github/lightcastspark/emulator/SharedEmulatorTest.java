package io.github.lightcastspark.emulator;

import static io.github.lightcastspark.emulator.EmulatorHttp.KEY;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One emulator per test class, accepting {@link EmulatorHttp#KEY} with a limit too high to get in the way. */
abstract class SharedEmulatorTest {
  static LightcastEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = LightcastEmulator.start(EmulatorConfig.builder()
        .platformKeys(KEY)
        .lmiRateLimit(10_000, Duration.ofSeconds(1))
        .build());
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }
}
