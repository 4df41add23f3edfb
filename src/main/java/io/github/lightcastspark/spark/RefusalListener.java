package io.github.lightcastspark.spark;

import io.github.lightcastspark.core.jvm.DriverState;
import io.github.lightcastspark.core.transport.ApiRefusal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.ExceptionFailure;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Fails a stage at the first task the API refused ({@link ApiRefusal}: a 401, a spent quota, a request it cannot
 * read): Spark would otherwise run the task again, up to {@code spark.task.maxFailures} times, each attempt paying for
 * one more refused request. Spark has no way for a task to say "do not retry me", so the driver cancels the stage
 * when it hears of the failure, and a retried attempt of a read's task waits {@link #VERDICT_MILLIS} before its first
 * request, which is time for that cancellation to arrive (a retry only follows a failure, so the wait costs nothing
 * that matters).
 */
final class RefusalListener extends SparkListener {
  /** How long a retried task attempt waits for the driver's verdict on the failure before it. */
  static final long VERDICT_MILLIS = 2_000;
  /** {@code local}, {@code local[N]}, {@code local[*]}, {@code local[N,F]}: F failures, else one. */
  private static final Pattern LOCAL_MASTER =
      Pattern.compile("local(?:\\[[0-9*]+(?:,([0-9]+))?\\])?");

  private final SparkContext context;

  private RefusalListener(SparkContext context) {
    this.context = context;
  }

  /**
   * Registers the listener with {@code context}, once however many reads are planned, where Spark retries a failed
   * task at all: local mode does not (unless {@code local[N,F]} says so), and there the task's own failure, with the
   * {@link ApiRefusal} as its cause, is the job's.
   */
  static void registerOn(SparkContext context) {
    if (maxTaskFailures(context) > 1) {
      if (DriverState.firstToListen(context)) {
        context.addSparkListener(new RefusalListener(context));
      }
    }
  }

  /** @return how many times Spark runs a task before failing its job, as Spark's own scheduler decides it */
  static int maxTaskFailures(SparkContext context) {
    Matcher local = LOCAL_MASTER.matcher(context.master());
    if (local.matches()) {
      return local.group(1) == null ? 1 : Integer.parseInt(local.group(1));
    }
    return context.getConf().getInt("spark.task.maxFailures", 4);
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    // Anywhere in the failure: a write wraps it ("Task failed while writing rows").
    if (taskEnd.reason() instanceof ExceptionFailure failure
        && (ApiRefusal.class.getName().equals(failure.className())
            || String.valueOf(failure.fullStackTrace())
                .contains(ApiRefusal.class.getName() + ":"))) {
      context.cancelStage(
          taskEnd.stageId(),
          failure.description() + " (a refusal no task retry can cure, so the"
              + " stage is not retried)");
    }
  }
}
