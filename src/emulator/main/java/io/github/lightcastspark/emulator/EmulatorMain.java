package io.github.lightcastspark.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator until the process is killed, or until its standard input closes:
 * {@code java -jar lightcast-emulator-<version>-all.jar [--port 8787] [--data-dir DIR]
 * [--mode testing|production] [--rate-limit REQUESTS/SECONDS] [--exit-when-stdin-closes]}. The last is for a
 * notebook that starts it with a pipe: when the kernel ends or dies, the pipe closes and the emulator stops.
 */
public final class EmulatorMain {
  static final String USAGE =
      "Usage: EmulatorMain [--port 8787] [--data-dir DIR] [--mode testing|production]"
          + " [--rate-limit REQUESTS/SECONDS] [--exit-when-stdin-closes]";
  private static final String EXIT_WHEN_STDIN_CLOSES = "--exit-when-stdin-closes";

  private EmulatorMain() {}

  /** @param args the options above; a wrong one prints the usage and exits with status 2 */
  public static void main(String[] args) throws IOException {
    List<String> given = new ArrayList<>(List.of(args));
    boolean untilStdinCloses = given.remove(EXIT_WHEN_STDIN_CLOSES);
    EmulatorConfig config;
    try {
      config = parse(given.toArray(String[]::new));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    LightcastEmulator emulator = LightcastEmulator.start(config);
    System.out.println("Lightcast emulator listening: LMI base URL " + emulator.lmiBaseUrl()
        + " POG base URL " + emulator.pogBaseUrl() + " token URL " + emulator.tokenUrl());
    System.out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
    if (untilStdinCloses) {
      System.in.transferTo(OutputStream.nullOutputStream());
      System.exit(0);
    }
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * @return the configuration the command line asks for
   * @throws IllegalArgumentException naming the argument at fault
   */
  static EmulatorConfig parse(String... args) {
    EmulatorConfig.Builder config = EmulatorConfig.builder().port(8787);
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Missing value for " + name);
      }
      String value = args[i + 1];
      try {
        switch (name) {
          case "--port" -> config.port(Integer.parseInt(value));
          case "--data-dir" -> config.dataDir(Path.of(value));
          case "--mode" -> config.mode(EmulatorConfig.Mode.valueOf(value.toUpperCase(Locale.ROOT)));
          case "--rate-limit" -> {
            String[] parts = value.split("/", -1);
            if (parts.length != 2) {
              throw new IllegalArgumentException("expected REQUESTS/SECONDS");
            }
            config.lmiRateLimit(
                Integer.parseInt(parts[0]), Duration.ofSeconds(Long.parseLong(parts[1])));
          }
          default -> throw new IllegalArgumentException("unknown option");
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "Invalid " + name + " " + value + ": " + e.getMessage(), e);
      }
    }
    return config.build();
  }
}
