package io.github.lightcastspark.spark;

import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;

/** The connector's listeners, each added once to a Spark context however many reads are planned. */
final class OncePerContext {
  private static final Map<SparkContext, Set<Class<?>>> ADDED = Collections.synchronizedMap(new WeakHashMap<>());

  private OncePerContext() {
  }

  /** Adds the listener {@code make} makes to {@code context}, unless one of {@code kind} is already there. */
  static void register(SparkContext context, Class<? extends SparkListener> kind, Supplier<SparkListener> make) {
    boolean first;
    synchronized (ADDED) {
      first = ADDED.computeIfAbsent(context, c -> new HashSet<>()).add(kind);
    }
    if (first) {
      context.addSparkListener(make.get());
    }
  }
}
