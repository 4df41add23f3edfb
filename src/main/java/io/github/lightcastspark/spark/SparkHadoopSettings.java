package io.github.lightcastspark.spark;

import io.github.lightcastspark.core.jvm.ExecutorState;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkEnv;
import scala.Tuple2;

/**
 * The Hadoop settings of the JVM's Spark application, as Spark gives them to its own file reads: {@code core-site.xml}
 * and every {@code spark.hadoop.*} entry of the Spark conf without its prefix (an object store's endpoint or
 * credentials, set on a Databricks cluster or with {@code --conf}). A {@code cachePath} store is opened with them, on
 * the driver and on each executor.
 */
final class SparkHadoopSettings {
  private static final String PREFIX = "spark.hadoop.";

  private SparkHadoopSettings() {}

  /** Has this JVM's stores opened with the Spark application's Hadoop settings. */
  static void apply() {
    ExecutorState.get().responses().openStoresWith(SparkHadoopSettings::current);
  }

  /** @return the settings of the Spark application this JVM runs, or {@code core-site.xml} alone outside one */
  static Configuration current() {
    Configuration settings = new Configuration();
    SparkEnv env = SparkEnv.get();
    if (env != null) {
      for (Tuple2<String, String> entry : env.conf().getAllWithPrefix(PREFIX)) {
        settings.set(entry._1(), entry._2());
      }
    }
    return settings;
  }
}
