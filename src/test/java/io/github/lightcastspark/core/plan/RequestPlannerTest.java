package io.github.lightcastspark.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lightcastspark.core.options.Dataset;
import io.github.lightcastspark.core.options.LightcastOptionException;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.options.ReadOptionsParser;
import io.github.lightcastspark.core.options.RegionType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RequestPlannerTest {
  private static final RegionCatalog NO_CATALOG = type -> {
    throw new AssertionError("the catalog must not be consulted");
  };

  static List<String> socCodes(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> String.format("15-%04d", 1000 + i))
        .toList();
  }

  private static ReadOptions options(String dataset, String... pairs) {
    Map<String, String> options = new HashMap<>(
        Map.of("path", dataset, "secret.platformKey", "<platform-key>", "environment", "testing"));
    for (int i = 0; i < pairs.length; i += 2) {
      options.put(pairs[i], pairs[i + 1]);
    }
    return ReadOptionsParser.parse(options, Map.of(), Map.of());
  }

  private static List<ApiRequest> plan(ReadOptions options, PushedKeys keys) {
    return new RequestPlanner(options, keys, NO_CATALOG).plan();
  }

  @Test
  void sixtyCodesInThreeStatesAreNineRequestsOfAtMost25Codes() {
    ReadOptions o = options(
        "occupations",
        "socCodes",
        String.join(",", socCodes(60)),
        "regionType",
        "state",
        "regionCodes",
        "06,36,48");
    List<ApiRequest> requests = plan(o, PushedKeys.NONE);
    assertEquals(9, requests.size());
    assertEquals(
        List.of(25, 25, 10, 25, 25, 10, 25, 25, 10),
        requests.stream().map(r -> r.codes().size()).toList());
    assertEquals(
        List.of(
            "state 06",
            "state 06",
            "state 06",
            "state 36",
            "state 36",
            "state 36",
            "state 48",
            "state 48",
            "state 48"),
        requests.stream().map(r -> r.region().toString()).toList());
    Set<String> covered = requests.stream()
        .flatMap(r -> r.codes().stream().map(c -> c + "@" + r.region()))
        .collect(Collectors.toSet());
    assertEquals(180, covered.size());
    assertEquals(
        "occupations [15-1000, 15-1001] @ state 06",
        new ApiRequest(Dataset.OCCUPATIONS, List.of("15-1000", "15-1001"), Region.of("06"))
            .toString());
  }

  @Test
  void optionsAndFiltersAreIntersected() {
    ReadOptions o =
        options("occupations", "socCodes", "15-1252,29-1141,11-1021", "regionCodes", "06,36");
    PushedKeys keys = PushedKeys.NONE
        .and("socCode", List.of("29-1141", "15-1252", "43-4051"))
        .and("regionCode", List.of("36", "48"));
    List<ApiRequest> requests = plan(o, keys);
    assertEquals(1, requests.size());
    assertEquals(List.of("15-1252", "29-1141"), requests.get(0).codes());
    assertEquals(Region.of("36"), requests.get(0).region());
  }

  @Test
  void contradictionsPlanNothing() {
    ReadOptions o = options("occupations", "socCodes", "15-1252");
    assertEquals(
        List.of(),
        plan(
            o,
            PushedKeys.NONE.and("regionType", List.of("state")).and("regionType", List.of("msa"))));
    assertEquals(List.of(), plan(o, PushedKeys.NONE.and("socCode", List.of("29-1141"))));
    assertEquals(
        List.of(),
        plan(
            o,
            PushedKeys.NONE
                .and("regionType", List.of("national"))
                .and("regionCode", List.of("06"))));
    assertEquals(
        List.of(),
        plan(
            options("occupations", "socCodes", "15-1252", "regionType", "msa"),
            PushedKeys.NONE.and("regionType", List.of("state"))));
  }

  @Test
  void regionsDefaultToTheNationAndTypesFollowCodes() {
    assertEquals(
        List.of(Region.NATIONAL),
        regions(plan(options("occupations", "socCodes", "15-1252"), PushedKeys.NONE)));
    assertEquals(
        List.of(Region.of("06"), Region.of("41860")),
        regions(plan(
            options("occupations", "socCodes", "15-1252"),
            PushedKeys.NONE.and("regionCode", List.of("41860", "06")))));
    assertEquals(
        List.of(Region.of("06")),
        regions(plan(
            options("occupations", "socCodes", "15-1252"),
            PushedKeys.NONE
                .and("regionType", List.of("national", "state"))
                .and("regionCode", List.of("06")))));
  }

  @Test
  void aTypeWithoutCodesMeansEveryRegionOfTheCatalog() {
    List<RegionType> asked = new ArrayList<>();
    RegionCatalog catalog = type -> {
      asked.add(type);
      return List.of("06", "36");
    };
    List<ApiRequest> requests = new RequestPlanner(
            options("occupations", "socCodes", "15-1252", "regionType", "state"),
            PushedKeys.NONE,
            catalog)
        .plan();
    assertEquals(List.of(Region.of("06"), Region.of("36")), regions(requests));
    assertEquals(List.of(RegionType.STATE), asked);
  }

  @Test
  void noCodesMeansEveryCodeOfTheOfficialList() {
    List<ApiRequest> soc = plan(options("occupations"), PushedKeys.NONE);
    assertEquals(35, soc.size());
    assertEquals(867, soc.stream().mapToInt(r -> r.codes().size()).sum());
    assertEquals(List.of("11-1011", "11-1021"), soc.get(0).codes().subList(0, 2));
    assertEquals(
        "socCode=every detailed SOC 2018 code (867), regions=[national] (1)",
        new RequestPlanner(options("occupations"), PushedKeys.NONE, NO_CATALOG).describeKeys(soc));
    List<ApiRequest> cip = plan(options("occupations_by_cip"), PushedKeys.NONE);
    assertEquals(87, cip.size());
    assertEquals(2160, cip.stream().mapToInt(r -> r.codes().size()).sum());
  }

  @Test
  void onlyReadsOfEveryCodeOrEveryRegionOfATypeReadEveryKey() {
    assertTrue(readsEveryKey(options("occupations"), PushedKeys.NONE));
    assertTrue(readsEveryKey(
        options("occupations", "socCodes", "15-1252", "regionType", "state"), PushedKeys.NONE));
    assertTrue(readsEveryKey(
        options("occupations", "socCodes", "15-1252"),
        PushedKeys.NONE.and(KeyColumns.REGION_TYPE, List.of("msa"))));
    assertFalse(readsEveryKey(options("occupations", "socCodes", "15-1252"), PushedKeys.NONE));
    assertFalse(
        readsEveryKey(options("occupations"), PushedKeys.NONE.and("socCode", List.of("15-1252"))));
    assertFalse(readsEveryKey(
        options("occupations", "socCodes", "15-1252", "regionType", "state", "regionCodes", "06"),
        PushedKeys.NONE));
    assertFalse(readsEveryKey(options("regions", "regionType", "state"), PushedKeys.NONE));
  }

  private static boolean readsEveryKey(ReadOptions options, PushedKeys keys) {
    return new RequestPlanner(options, keys, NO_CATALOG).readsEveryKey();
  }

  @Test
  void growthWithoutIdsIsAClearErrorThatSaysHowToGiveThem() {
    String message = assertThrows(
            LightcastOptionException.class,
            () -> plan(
                ReadOptionsParser.parse(
                    Map.of(
                        "path", "occupation_growth",
                        "secret.clientId", "<client-id>",
                        "secret.clientSecret", "<client-secret>"),
                    Map.of(),
                    Map.of()),
                PushedKeys.NONE))
        .getMessage();
    assertEquals(
        "Dataset occupation_growth needs occupationId codes (they have no public list to read them all"
            + " from): set option occupationIds (comma-separated, identifiers of letters, digits, '.', '_'"
            + " and '-' (at most 64 characters)), filter with occupationId = '...' or occupationId IN"
            + " (...), or name a table of them with option keyTable.",
        message);
  }

  @Test
  void filterValuesAreCheckedLikeOptions() {
    assertEquals(
        "Filter on column socCode has invalid value '151252': codes are NN-NNNN, such as 15-1252.",
        assertThrows(
                LightcastOptionException.class,
                () -> RequestPlanner.validateFilterValues(
                    Dataset.OCCUPATIONS, "socCode", Set.of("151252")))
            .getMessage());
    assertTrue(assertThrows(
            LightcastOptionException.class,
            () -> RequestPlanner.validateFilterValues(
                Dataset.OCCUPATIONS, "regionType", Set.of("State")))
        .getMessage()
        .contains("valid values are national,"));
    assertTrue(assertThrows(
            LightcastOptionException.class,
            () ->
                RequestPlanner.validateFilterValues(Dataset.OCCUPATIONS, "regionCode", Set.of("6")))
        .getMessage()
        .contains("invalid region code '6'"));
  }

  private static List<Region> regions(List<ApiRequest> requests) {
    return requests.stream().map(ApiRequest::region).distinct().toList();
  }
}
