package io.github.lightcastspark.bench;

import io.github.lightcastspark.emulator.LightcastEmulator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.SparkSession;

/** The growth reads the benchmarks measure: their ids, their states and a reader of an emulator's POG API. */
final class GrowthReads {
  /** The POG emulator's growth path, as its journal records it. */
  static final String GROWTH = "/projected-occupation-growth/dimensions/lotocc";

  private static final List<String> STATES =
      List.of("06", "36", "48", "12", "17", "42", "39", "13", "37", "26");

  private GrowthReads() {}

  /** @return {@code count} well-formed ids of a real major group, which the emulator has (synthetic) figures for */
  static String ids(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> String.format("LO-15-%04d", 5000 + i))
        .collect(Collectors.joining(","));
  }

  /** @return the first {@code count} of ten large states */
  static String states(int count) {
    return String.join(",", STATES.subList(0, count));
  }

  /** @return a reader of {@code ids} in {@code states} from the emulator's POG API */
  static DataFrameReader reader(
      SparkSession spark, LightcastEmulator emulator, String ids, String states) {
    return spark
        .read()
        .format("lightcast")
        .option("baseUrl", emulator.pogBaseUrl())
        .option("authUrl", emulator.tokenUrl())
        .option("secret.clientId", "<client-id>")
        .option("secret.clientSecret", "<client-secret>")
        .option("occupationIds", ids)
        .option("regionCodes", states);
  }
}
