package io.github.lightcastspark.core.plan;

import io.github.lightcastspark.core.options.LightcastOptionException;
import io.github.lightcastspark.core.options.ReadOptions;
import java.util.Locale;

/**
 * What a read's plan costs before it is spent: its requests and the least time they take at its {@code rateLimit},
 * and the budget ({@code maxRequests}) that a plan may not exceed, checked at planning, before any request.
 */
public final class RequestBudget {
  private RequestBudget() {}

  /**
   * @param requests the planned requests
   * @param rateLimit requests per second
   * @return the least time the requests take at that rate, such as {@code 6.1 s}
   */
  public static String leastTime(int requests, double rateLimit) {
    return String.format(Locale.ROOT, "%.1f s", requests / rateLimit);
  }

  /**
   * @param options the read's options: its dataset, {@code maxRequests} and {@code rateLimit}
   * @param requests how many requests the read plans
   * @throws LightcastOptionException when they are more than {@code maxRequests}, with the numbers and the ways out
   */
  public static void check(ReadOptions options, int requests) {
    if (requests > options.maxRequests()) {
      throw new LightcastOptionException(
          "Dataset " + options.dataset().optionValue() + ": the read plans "
              + requests + " requests, more than option maxRequests allows ("
              + options.maxRequests() + "); at its"
              + " rateLimit of " + options.rateLimit() + " requests/s they take at least "
              + leastTime(requests, options.rateLimit())
              + ". Name fewer codes or regions (a filter, or a join on a"
              + " filtered table), or raise the budget with option maxRequests (or Spark conf"
              + " spark.lightcast.maxRequests).");
    }
  }
}
