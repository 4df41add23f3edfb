package io.github.lightcastspark.spark;

import io.github.lightcastspark.core.transport.ApiException;
import org.apache.spark.QueryContext;
import org.apache.spark.SparkRuntimeException;

/**
 * A failed request as a task throws it. Where Spark knows the user-facing error {@code USER_RAISED_EXCEPTION} (Spark
 * 4), it is that error, whose message is the connector's (the dataset, codes and region, the HTTP status, the API's
 * code and message, what to do) and whose cause is the {@link ApiException}: Spark then fails the job with it as it
 * is, not inside "Job aborted due to stage failure: Task 0 in stage …", and PySpark raises it as a
 * {@code SparkRuntimeException} of one line rather than a Py4J error of a hundred. Spark 3.5 has no such error and
 * wraps every task failure anyway, so there it is the {@link ApiException} itself.
 */
final class LightcastReadFailure {
  private static final String CONDITION = "USER_RAISED_EXCEPTION";
  private static final boolean USER_FACING = sparkKnowsTheCondition();

  private LightcastReadFailure() {}

  static RuntimeException of(ApiException failure) {
    return USER_FACING ? userFacing(failure.getMessage(), failure) : failure;
  }

  private static SparkRuntimeException userFacing(String message, Throwable cause) {
    scala.collection.immutable.Map<String, String> parameters =
        scala.collection.immutable.Map$.MODULE$
            .<String, String>empty()
            .updated("errorMessage", message);
    return new SparkRuntimeException(CONDITION, parameters, cause, new QueryContext[0], "");
  }

  private static boolean sparkKnowsTheCondition() {
    try {
      userFacing("", null);
      return true;
    } catch (Exception unknownCondition) {
      return false;
    }
  }
}
