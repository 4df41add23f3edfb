package io.github.lightcastspark.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.lightcastspark.core.options.LightcastOptionException;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.options.ReadOptionsParser;
import java.util.Map;
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

  @Test
  void aPlanOverTheBudgetIsRefusedWithItsRequestsAndItsLeastTime() {
    RequestBudget.check(options(), 2000);
    String message = assertThrows(
            LightcastOptionException.class, () -> RequestBudget.check(options(), 2001))
        .getMessage();
    assertEquals(
        "Dataset occupations: the read plans 2001 requests, more than option maxRequests allows (2000); at"
            + " its rateLimit of 5.0 requests/s they take at least 400.2 s. Name fewer codes or regions (a filter, or a"
            + " join on a filtered table), or raise the budget with option maxRequests (or Spark conf"
            + " spark.lightcast.maxRequests).",
        message);
    RequestBudget.check(options("maxRequests", "3000"), 2001);
    assertEquals("1820.0 s", RequestBudget.leastTime(1820, 1));
  }
}
