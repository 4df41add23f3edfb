package io.github.lightcastspark.spark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;

/**
 * How many executor JVMs may run a query's tasks, so that each gets its share of the rate limit: one in local mode;
 * W in {@code local-cluster[W,C,M]}; {@code spark.dynamicAllocation.maxExecutors} under dynamic allocation (the
 * executors that may come, not those here now); otherwise {@code spark.executor.instances}, or the executors
 * registered now. Overestimating only leaves some of the limit unused; underestimating would exceed it.
 */
final class ExecutorLanes {
  private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[\\s*(\\d+)\\s*,.*");

  private ExecutorLanes() {
  }

  static int of(SparkContext context) {
    String master = context.master();
    Matcher cluster = LOCAL_CLUSTER.matcher(master);
    if (cluster.matches()) {
      return Integer.parseInt(cluster.group(1));
    }
    if (master.startsWith("local")) {
      return 1;
    }
    SparkConf conf = context.getConf();
    if (conf.getBoolean("spark.dynamicAllocation.enabled", false)) {
      int max = conf.getInt("spark.dynamicAllocation.maxExecutors", Integer.MAX_VALUE);
      if (max != Integer.MAX_VALUE) {
        return Math.max(1, max);
      }
    }
    int registered = context.statusTracker().getExecutorInfos().length - 1;
    return Math.max(1, Math.max(conf.getInt("spark.executor.instances", 0), registered));
  }
}
