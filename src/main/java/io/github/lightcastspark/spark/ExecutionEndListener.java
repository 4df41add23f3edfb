package io.github.lightcastspark.spark;

import io.github.lightcastspark.core.http.LimitSchedules;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionEnd;

/**
 * Tells the driver's schedules when a SQL execution ends, so that the rates its reads asked stop holding the other
 * reads of their credentials ({@link LimitSchedules#ended}).
 */
final class ExecutionEndListener extends SparkListener {
  private ExecutionEndListener() {
  }

  /** Registers the listener with {@code context}, once however many reads run. */
  static void registerOn(SparkContext context) {
    OncePerContext.register(context, ExecutionEndListener.class, ExecutionEndListener::new);
  }

  @Override
  public void onOtherEvent(SparkListenerEvent event) {
    if (event instanceof SparkListenerSQLExecutionEnd end) {
      LimitSchedules.ended(String.valueOf(end.executionId()));
    }
  }
}
