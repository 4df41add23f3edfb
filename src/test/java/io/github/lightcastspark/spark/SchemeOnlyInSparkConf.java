package io.github.lightcastspark.spark;

import java.net.URI;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local file system under a scheme of its own, {@code lcstore:}, that only the test session's Spark conf maps to
 * a class ({@code spark.hadoop.fs.lcstore.impl}), as an object store's settings on a Databricks cluster are: a
 * {@code cachePath} on it opens only if the store is opened with the Spark application's Hadoop settings.
 */
public final class SchemeOnlyInSparkConf extends RawLocalFileSystem {
  static final String SCHEME = "lcstore";

  @Override
  public URI getUri() {
    return URI.create(SCHEME + ":///");
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }
}
