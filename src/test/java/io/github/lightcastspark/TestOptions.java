package io.github.lightcastspark;

import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.options.ReadOptionsParser;
import io.github.lightcastspark.emulator.LightcastEmulator;
import java.util.Map;

/** Parsed options of a read against the emulator, for tests that use the core without Spark. */
public final class TestOptions {
  private TestOptions() {}

  /** @return the options of an {@code occupation_growth} read of {@code emulator} as OAuth client {@code clientId} */
  public static ReadOptions growth(LightcastEmulator emulator, String clientId) {
    return ReadOptionsParser.parse(
        Map.of(
            "path",
            "occupation_growth",
            "baseUrl",
            emulator.pogBaseUrl(),
            "authUrl",
            emulator.tokenUrl(),
            "secret.clientId",
            clientId,
            "secret.clientSecret",
            "<client-secret>"),
        Map.of(),
        Map.of());
  }
}
