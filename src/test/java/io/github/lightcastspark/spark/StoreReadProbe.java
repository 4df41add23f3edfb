package io.github.lightcastspark.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * A new session in another JVM, as a notebook opened the next morning is: reads {@link StoreReads#STATES} through a
 * store and writes the rows' keys and figures, one per line, to a file. Run by {@link LocalClusterIT}.
 */
public final class StoreReadProbe {
  private StoreReadProbe() {}

  /** @param args the emulator's LMI base URL, the store's folder, the file to write the rows to */
  public static void main(String[] args) throws Exception {
    SparkSession spark = SparkSession.builder()
        .master("local[2]")
        .appName("lightcast-store-probe")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
    try {
      List<String> rows = StoreReads.rowsOf(StoreReads.read(spark, args[0], args[1], 2));
      Files.write(Path.of(args[2]), rows);
    } finally {
      spark.stop();
    }
  }
}
