package io.github.lightcastspark.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lightcastspark.core.binding.RowSource;
import io.github.lightcastspark.core.jvm.Bindings;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.pacing.Pacer;
import io.github.lightcastspark.core.pacing.Sleep;
import io.github.lightcastspark.core.plan.ApiRequest;
import io.github.lightcastspark.core.transport.ApiException;
import io.github.lightcastspark.core.transport.RequestCounters;
import io.github.lightcastspark.spark.metrics.TaskMetrics;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructType;

/**
 * Reads one partition: sends its requests one after another, as the rows of the previous one are consumed, each in a
 * slot of its executor's schedule. A request that fails for good fails the task; it never yields an empty result.
 */
final class LightcastPartitionReader implements PartitionReader<InternalRow> {
  /** The local property by which Spark SQL marks the jobs of one execution of a query. */
  private static final String SQL_EXECUTION_ID = "spark.sql.execution.id";

  private static final long VERDICT_POLL_MILLIS = 50;

  private final Iterator<ApiRequest> requests;
  private final Pacer pacer;
  private final RowSource source;
  private final JsonRowConverter converter;
  private final RequestCounters counters = new RequestCounters();
  private Iterator<ObjectNode> rows = Collections.emptyIterator();
  private ApiRequest answering;
  private InternalRow current;
  private final boolean retriedAttempt;

  LightcastPartitionReader(
      ReadOptions options,
      List<String> fields,
      StructType readSchema,
      Pacer pacer,
      String readId,
      LightcastInputPartition partition) {
    this.requests = partition.requests().iterator();
    this.pacer = pacer;
    // A DataFrame run again keeps its Batch (and readId) but is a new SQL execution: it asks for
    // the vintage anew.
    // One execution may run several jobs and stages (show, toLocalIterator), which share one
    // vintage.
    TaskContext task = TaskContext.get();
    this.retriedAttempt = task != null && task.attemptNumber() > 0;
    String execution = task == null ? null : task.getLocalProperty(SQL_EXECUTION_ID);
    SparkHadoopSettings.apply();
    ConnectorLogLevel.apply(options);
    this.source = Bindings.of(options.dataset())
        .rowSource(
            options,
            pacer,
            counters,
            fields,
            execution == null ? readId : readId + "/execution " + execution);
    this.converter = new JsonRowConverter(readSchema);
  }

  @Override
  public boolean next() {
    if (answering == null && retriedAttempt) {
      awaitVerdictOnThePreviousAttempt();
    }
    while (!rows.hasNext()) {
      if (!requests.hasNext()) {
        return false;
      }
      answering = requests.next();
      try {
        rows = source.rows(answering).iterator();
      } catch (ApiException e) {
        throw LightcastReadFailure.of(e);
      }
    }
    try {
      current = converter.convert(rows.next());
    } catch (JsonRowConverter.MalformedValue e) {
      // A value its column cannot hold: a malformed answer, named like any other failed request.
      throw LightcastReadFailure.of(ApiException.malformed(answering.toString(), e.getMessage()));
    }
    return true;
  }

  /**
   * A refusal cancels the stage on the driver ({@link RefusalListener}); a retry waits long enough to be cancelled,
   * and stops if it was: Spark marks a killed task without always interrupting its thread.
   */
  private static void awaitVerdictOnThePreviousAttempt() {
    TaskContext task = TaskContext.get();
    for (long waited = 0; waited < RefusalListener.VERDICT_MILLIS; waited += VERDICT_POLL_MILLIS) {
      task.killTaskIfInterrupted();
      Sleep.millis(
          VERDICT_POLL_MILLIS,
          e -> new IllegalStateException("Cancelled while waiting to retry a Lightcast read", e));
    }
    task.killTaskIfInterrupted();
  }

  @Override
  public InternalRow get() {
    return current;
  }

  @Override
  public CustomTaskMetric[] currentMetricsValues() {
    return TaskMetrics.values(counters);
  }

  /** Lets go of the JVM's pacer; the HTTP client is shared by the JVM's tasks and outlives this reader. */
  @Override
  public void close() {
    pacer.close();
  }
}
