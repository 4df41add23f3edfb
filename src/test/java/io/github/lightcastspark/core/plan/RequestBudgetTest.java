package io.github.lightcastspark.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lightcastspark.core.options.Dataset;
import io.github.lightcastspark.core.options.LightcastOptionException;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.options.ReadOptionsParser;
import io.github.lightcastspark.core.options.RegionType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The request budget: a plan up to {@code maxRequests} goes on, one over it is refused with its cost. */
class RequestBudgetTest {
  private static ReadOptions options(String... pairs) {
    Map<String, String> given = new java.util.HashMap<>(Map.of(
        "path", "occupations", "secret.platformKey", "<platform-key>", "environment", "testing"));
    for (int i = 0; i < pairs.length; i += 2) {
      given.put(pairs[i], pairs[i + 1]);
    }
    return ReadOptionsParser.parse(given, Map.of(), Map.of());
  }

  private static List<ApiRequest> requests(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> new ApiRequest(
            Dataset.OCCUPATIONS,
            List.of(String.format("15-%04d", i)),
            new Region(RegionType.STATE, "06")))
        .toList();
  }

  @Test
  void aPlanOverTheBudgetIsRefusedWithItsRequestsAndItsLeastTime() {
    RequestBudget.check(options(), requests(2000), Set.of());
    String message = assertThrows(
            LightcastOptionException.class,
            () -> RequestBudget.check(options(), requests(2001), Set.of()))
        .getMessage();
    assertEquals(
        "Dataset occupations: the read plans 2001 requests, more than option maxRequests allows (2000); at"
            + " its rateLimit of 5.0 requests/s they take at least 400.2 s. Name fewer codes or regions (a filter, or a"
            + " join on a filtered table), or raise the budget with option maxRequests (or Spark conf"
            + " spark.lightcast.maxRequests).",
        message);
    RequestBudget.check(options("maxRequests", "3000"), requests(2001), Set.of());
    assertEquals("1820.0 s", RequestBudget.leastTime(1820, 1));
  }

  @Test
  void onlyTheRequestsTheStoreDoesNotAnswerCountAndOfflineMaySendNone() {
    List<ApiRequest> planned = requests(2500);
    Set<ApiRequest> stored = Set.copyOf(planned.subList(0, 600));
    RequestBudget.check(options("cachePath", "/tmp/unused"), planned, stored);
    String message = assertThrows(
            LightcastOptionException.class,
            () -> RequestBudget.check(
                options("cachePath", "/tmp/unused"), planned, Set.copyOf(planned.subList(0, 400))))
        .getMessage();
    assertTrue(
        message.startsWith(
            "Dataset occupations: the read plans 2100 requests (and 400 the cachePath store"
                + " answers), more than option maxRequests allows (2000)"),
        message);

    ReadOptions offline = options("cachePath", "/tmp/unused", "cacheMode", "offline");
    RequestBudget.check(offline, planned.subList(0, 600), stored);
    assertEquals(
        "Option cacheMode is offline, but the cachePath store holds no answer (NOT_STORED) to 1900 of the 2500"
            + " planned requests, such as occupations [15-0600] @ state 06. Run with cacheMode use to fetch them, or"
            + " read only what is stored.",
        assertThrows(
                LightcastOptionException.class, () -> RequestBudget.check(offline, planned, stored))
            .getMessage());
  }
}
