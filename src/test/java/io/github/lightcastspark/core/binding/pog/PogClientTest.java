package io.github.lightcastspark.core.binding.pog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.lightcastspark.TestOptions;
import io.github.lightcastspark.core.options.Dataset;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.pacing.Pacer;
import io.github.lightcastspark.core.pacing.Turn;
import io.github.lightcastspark.core.plan.ApiRequest;
import io.github.lightcastspark.core.plan.Region;
import io.github.lightcastspark.core.transport.ApiCaller;
import io.github.lightcastspark.core.transport.RequestCounters;
import io.github.lightcastspark.core.transport.ResponseCache;
import io.github.lightcastspark.emulator.EmulatorConfig;
import io.github.lightcastspark.emulator.LightcastEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The POG client's requests against the emulator, as its pacer sees them. */
class PogClientTest {
  private static final String TOKEN = "/connect/token";

  @Test
  void aTokenIsFetchedBeforeItsRequestTakesItsTurnAndSoIsItsRenewalAfterA401() {
    try (LightcastEmulator emulator = LightcastEmulator.start(EmulatorConfig.builder()
        .pogClient("pc-client", "<client-secret>", "projected-occupation-growth")
        .build())) {
      ReadOptions options = TestOptions.growth(emulator, "pc-client");
      List<Integer> tokensAtTurns = new ArrayList<>();
      Pacer unscheduled = Pacer.unscheduled();
      Pacer counting = new Pacer() {
        @Override
        public Turn awaitTurn() {
          tokensAtTurns.add(emulator.journal().entries(TOKEN).size());
          return unscheduled.awaitTurn();
        }

        @Override
        public boolean pause(Duration wait) {
          return unscheduled.pause(wait);
        }
      };
      PogClient client = new PogClient(
          options,
          ApiCaller.of(options, counting, new RequestCounters(), new ResponseCache.Store()),
          new TokenProvider(new PogSettings(options), Duration.ofSeconds(5)));
      PogVersions vintage = PogVersions.of(client.meta());
      assertEquals(
          List.of(1), tokensAtTurns, "the token was answered before its request waited for a turn");
      emulator.revokeTokens();
      client.growth(
          new ApiRequest(Dataset.OCCUPATION_GROWTH, List.of("LO-15-3000"), Region.of("06")),
          vintage);
      assertEquals(
          List.of(1, 1, 2),
          tokensAtTurns,
          "refused with the revoked token, renewed before the next turn");
    }
  }
}
