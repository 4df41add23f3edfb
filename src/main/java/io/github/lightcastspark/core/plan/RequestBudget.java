package io.github.lightcastspark.core.plan;

import io.github.lightcastspark.core.options.CacheMode;
import io.github.lightcastspark.core.options.LightcastOptionException;
import io.github.lightcastspark.core.options.ReadOptions;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
   * Checks what a plan would spend: only the requests its store does not answer count, and a read in mode
   * {@code offline} may spend none.
   *
   * @param options the read's options: its dataset, {@code maxRequests}, {@code rateLimit} and {@code cacheMode}
   * @param planned the planned requests
   * @param answered those of them the read's store answers
   * @throws LightcastOptionException when an offline read needs a request the store does not hold, naming it, or when
   *     the requests to send are more than {@code maxRequests}, with the numbers and the ways out
   */
  public static void check(
      ReadOptions options, List<ApiRequest> planned, Set<ApiRequest> answered) {
    List<ApiRequest> toSend =
        planned.stream().filter(r -> !answered.contains(r)).toList();
    if (options.cacheMode() == CacheMode.OFFLINE
        && options.cachePath().isPresent()
        && !toSend.isEmpty()) {
      throw new LightcastOptionException(
          "Option cacheMode is offline, but the cachePath store holds no answer (NOT_STORED) to "
              + toSend.size() + " of the " + planned.size() + " planned requests, such as "
              + toSend.get(0) + ". Run with cacheMode use to fetch them, or read only what is"
              + " stored.");
    }
    if (toSend.size() > options.maxRequests()) {
      int stored = planned.size() - toSend.size();
      throw new LightcastOptionException(
          "Dataset " + options.dataset().optionValue() + ": the read plans "
              + toSend.size() + " requests"
              + (stored > 0 ? " (and " + stored + " the cachePath store answers)" : "")
              + ", more than option maxRequests allows ("
              + options.maxRequests() + "); at its"
              + " rateLimit of " + options.rateLimit() + " requests/s they take at least "
              + leastTime(toSend.size(), options.rateLimit())
              + ". Name fewer codes or regions (a filter, or a join on a"
              + " filtered table), or raise the budget with option maxRequests (or Spark conf"
              + " spark.lightcast.maxRequests).");
    }
  }
}
