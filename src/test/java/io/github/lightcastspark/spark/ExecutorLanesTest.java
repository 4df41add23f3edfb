package io.github.lightcastspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.junit.jupiter.api.Test;

/** How many executor JVMs a read shares its limit among, from the master and the conf, before any has registered. */
class ExecutorLanesTest {
  private static SparkConf conf(String... pairs) {
    SparkConf conf = new SparkConf(false);
    for (int i = 0; i < pairs.length; i += 2) {
      conf.set(pairs[i], pairs[i + 1]);
    }
    return conf;
  }

  @Test
  void theExecutorsThatMayRunTheReadCountNotOnlyThoseRegistered() {
    assertEquals(1, ExecutorLanes.of("local[4]", conf(), 0));
    assertEquals(3, ExecutorLanes.of("local-cluster[3,1,1024]", conf(), 0));
    assertEquals(
        8,
        ExecutorLanes.of(
            "yarn",
            conf(
                "spark.dynamicAllocation.enabled",
                "true",
                "spark.dynamicAllocation.maxExecutors",
                "8",
                "spark.executor.instances",
                "2"),
            2));
    assertEquals(
        4,
        ExecutorLanes.of(
            "spark://master:7077", conf("spark.cores.max", "16", "spark.executor.cores", "4"), 0),
        "a standalone cluster whose executors have not registered yet");
    assertEquals(
        5,
        ExecutorLanes.of(
            "spark://master:7077", conf("spark.cores.max", "17", "spark.executor.cores", "4"), 0),
        "a last, smaller executor counts too");
    assertEquals(6, ExecutorLanes.of("k8s://host", conf("spark.executor.instances", "6"), 2));
    assertEquals(3, ExecutorLanes.of("spark://master:7077", conf(), 3));
    assertEquals(1, ExecutorLanes.of("spark://master:7077", conf(), 0));
  }

  @Test
  void withoutAUiTheListFallsBackToTheSchedulerWithoutFailing() {
    SparkContext context = TestSpark.session().sparkContext();
    assertEquals(Optional.empty(), LiveExecutors.fromUi(context), "the tests' session runs no UI");
    assertEquals(List.of(), LiveExecutors.of(context), "local mode: the driver is the only JVM");
  }
}
