package io.github.lightcastspark.core.binding.lmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.lightcastspark.StubServer;
import io.github.lightcastspark.core.options.LightcastOptionException;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.options.ReadOptionsParser;
import io.github.lightcastspark.core.options.RegionType;
import io.github.lightcastspark.core.pacing.Pacer;
import io.github.lightcastspark.core.transport.ApiCaller;
import io.github.lightcastspark.core.transport.RequestCounters;
import io.github.lightcastspark.core.transport.ResponseCache;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The planner's "every region of a type" against a server whose regions list is empty. */
class LmiRegionCatalogTest {
  @Test
  void anEmptyRegionsListIsAnErrorAndIsNotKept() {
    try (StubServer api = StubServer.answering(
        "/v1/labor-market-intelligence/regions", "{\"data\":{\"regions\":[]}}")) {
      ReadOptions options = ReadOptionsParser.parse(
          Map.of(
              "path",
              "occupations",
              "secret.platformKey",
              "<platform-key>",
              "environment",
              "testing",
              "baseUrl",
              api.url() + "/v1"),
          Map.of(),
          Map.of());
      LmiRegionCatalog catalog = new LmiRegionCatalog(
          options,
          new LmiClient(
              options,
              ApiCaller.of(
                  options, Pacer.unscheduled(), new RequestCounters(), new ResponseCache.Store())),
          new ConcurrentHashMap<>());
      LightcastOptionException empty =
          assertThrows(LightcastOptionException.class, () -> catalog.codes(RegionType.MSA));
      assertEquals(
          "The API's regions list has no msa regions for these credentials, so 'every msa' would read"
              + " nothing: name the regions with option regionCodes.",
          empty.getMessage());
      assertThrows(LightcastOptionException.class, () -> catalog.codes(RegionType.MSA));
      assertEquals(2, api.requests(), "the empty answer was not kept");
    }
  }
}
