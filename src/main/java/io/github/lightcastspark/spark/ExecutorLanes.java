package io.github.lightcastspark.spark;

import io.github.lightcastspark.core.pacing.PacingPlan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;

/**
 * How many executor JVMs may run a query's tasks, so that each gets its share of the rate limit: one in local mode;
 * W in {@code local-cluster[W,C,M]}; {@code spark.dynamicAllocation.maxExecutors} under dynamic allocation (the
 * executors that may come, not those here now); otherwise the most of {@code spark.executor.instances}, what
 * {@code spark.cores.max} allows at {@code spark.executor.cores} each (a standalone cluster's executors, registered
 * or not yet), and the executors registered now. Overestimating only leaves some of the limit unused;
 * underestimating would exceed it.
 */
final class ExecutorLanes {
  private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[\\s*(\\d+)\\s*,.*");

  private ExecutorLanes() {}

  /**
   * @return the executors registered now, numeric ids ascending (so lanes are given in a stable order); none in local
   *     mode, whose one JVM is the driver
   */
  static List<String> registered(SparkContext context) {
    String master = context.master();
    if (master.startsWith("local") && !LOCAL_CLUSTER.matcher(master).matches()) {
      return List.of();
    }
    List<String> ids = new ArrayList<>(LiveExecutors.of(context));
    ids.sort(
        Comparator.comparing(PacingPlan::numericId, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Comparator.naturalOrder()));
    return ids;
  }

  static int of(SparkContext context) {
    return of(
        context.master(), context.getConf(), context.statusTracker().getExecutorInfos().length - 1);
  }

  /** @param registered the executors registered now, the driver not counted */
  static int of(String master, SparkConf conf, int registered) {
    Matcher cluster = LOCAL_CLUSTER.matcher(master);
    if (cluster.matches()) {
      return Integer.parseInt(cluster.group(1));
    }
    if (master.startsWith("local")) {
      return 1;
    }
    if (conf.getBoolean("spark.dynamicAllocation.enabled", false)) {
      int max = conf.getInt("spark.dynamicAllocation.maxExecutors", Integer.MAX_VALUE);
      if (max != Integer.MAX_VALUE) {
        return Math.max(1, max);
      }
    }
    int coresMax = conf.getInt("spark.cores.max", 0);
    int coresEach = conf.getInt("spark.executor.cores", 0);
    int byCores = coresMax > 0 && coresEach > 0 ? (coresMax + coresEach - 1) / coresEach : 0;
    return Math.max(
        1, Math.max(Math.max(conf.getInt("spark.executor.instances", 0), byCores), registered));
  }
}
