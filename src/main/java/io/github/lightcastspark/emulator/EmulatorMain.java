package io.github.lightcastspark.emulator;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs the emulator until the process is killed:
 * {@code java -cp <jar> io.github.lightcastspark.emulator.EmulatorMain [--port 8787] [--data-dir DIR]
 * [--mode testing|production] [--rate-limit REQUESTS/SECONDS]}.
 */
public final class EmulatorMain {
  private EmulatorMain() {
  }

  /** @param args the options above */
  public static void main(String[] args) throws InterruptedException {
    EmulatorConfig.Builder config = EmulatorConfig.builder().port(8787);
    for (int i = 0; i + 1 < args.length; i += 2) {
      String value = args[i + 1];
      switch (args[i]) {
        case "--port" -> config.port(Integer.parseInt(value));
        case "--data-dir" -> config.dataDir(Path.of(value));
        case "--mode" -> config.mode(EmulatorConfig.Mode.valueOf(value.toUpperCase(java.util.Locale.ROOT)));
        case "--rate-limit" -> {
          String[] parts = value.split("/");
          config.lmiRateLimit(Integer.parseInt(parts[0]), Duration.ofSeconds(Long.parseLong(parts[1])));
        }
        default -> throw new IllegalArgumentException("Unknown argument " + args[i]
            + "; valid: --port, --data-dir, --mode, --rate-limit");
      }
    }
    LightcastEmulator emulator = LightcastEmulator.start(config.build());
    System.out.println("Lightcast emulator listening: LMI base URL " + emulator.lmiBaseUrl());
    Thread.currentThread().join();
  }
}
