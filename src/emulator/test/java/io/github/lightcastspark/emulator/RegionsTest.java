package io.github.lightcastspark.emulator;

import static io.github.lightcastspark.emulator.EmulatorHttp.KEY;
import static io.github.lightcastspark.emulator.EmulatorHttp.regions;
import static io.github.lightcastspark.emulator.EmulatorHttp.reparsed;
import static io.github.lightcastspark.emulator.EmulatorHttp.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/labor-market-intelligence/regions} (A.7). */
class RegionsTest {
  private static LightcastEmulator emulator;

  @BeforeAll
  static void start() {
    emulator =
        LightcastEmulator.start(EmulatorConfig.builder().platformKeys(KEY).build());
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static JsonNode list(String query) {
    EmulatorHttp.Reply reply = regions(emulator, query);
    assertEquals(200, reply.status(), reply.raw().body());
    return reply.data().path("regions");
  }

  @Test
  void statesAreTheFiftyStatesDcAndPuertoRicoWithUnpaddedCodes() {
    JsonNode states = list("type=state");
    assertEquals(52, states.size());
    assertEquals(
        EmulatorHttp.JSON
            .createObjectNode()
            .put("type", "state")
            .put("code", "6")
            .put("name", "California"),
        states.get(4));
    List<String> codes = new ArrayList<>();
    states.forEach(s -> codes.add(s.path("code").asText()));
    assertEquals(List.of("1", "2", "4", "5", "6"), codes.subList(0, 5));
    assertEquals(List.of("11", "72"), List.of(codes.get(8), codes.get(51)));
  }

  @Test
  void msasCarryTheirStates() {
    JsonNode msas = list("type=msa");
    assertEquals(12, msas.size());
    JsonNode sanFrancisco = msas.get(9);
    assertEquals("41860", sanFrancisco.path("code").asText());
    assertEquals("San Francisco-Oakland-Berkeley, CA", sanFrancisco.path("name").asText());
    assertEquals(List.of("6"), texts(sanFrancisco.path("stateCodes")));
    JsonNode newYork = msas.get(7);
    assertEquals("35620", newYork.path("code").asText());
    assertEquals(
        List.of("36", "34", "42"), texts(newYork.path("stateCodes")), "principal state first");
  }

  @Test
  void withoutATypeEveryRegionStatesFirstAndNationalHasNone() {
    JsonNode all = list(null);
    assertEquals(64, all.size());
    assertEquals("state", all.get(51).path("type").asText());
    assertEquals("msa", all.get(52).path("type").asText());
    for (int i = 0; i < all.size(); i++) {
      assertEquals(
          reparsed(emulator.data().regionJson(emulator.data().regions(null).get(i))), all.get(i));
    }
    assertEquals(0, list("type=national").size());
  }
}
