package io.github.lightcastspark.spark;

import io.github.lightcastspark.core.transport.ApiException;
import org.apache.spark.QueryContext;
import org.apache.spark.SparkRuntimeException;

/**
 * A failed request as a task throws it: Spark's user-facing error {@code USER_RAISED_EXCEPTION}, whose message is the
 * connector's (the dataset, codes and region, the HTTP status, the API's code and message, what to do) and whose
 * cause is the {@link ApiException}. Spark 4 fails the job with such an error as it is, not inside "Job aborted due
 * to stage failure: Task 0 in stage …", and PySpark raises it as a {@code SparkRuntimeException} of one line rather
 * than a Py4J error of a hundred. Spark 3.5 still wraps it, with the connector's message in the wrapper's.
 */
final class LightcastReadFailure {
  private static final String CONDITION = "USER_RAISED_EXCEPTION";

  private LightcastReadFailure() {}

  static SparkRuntimeException of(ApiException failure) {
    scala.collection.immutable.Map<String, String> parameters =
        scala.collection.immutable.Map$.MODULE$
            .<String, String>empty()
            .updated("errorMessage", failure.getMessage());
    return new SparkRuntimeException(CONDITION, parameters, failure, new QueryContext[0], "");
  }
}
