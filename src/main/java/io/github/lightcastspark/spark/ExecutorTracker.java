package io.github.lightcastspark.spark;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lightcastspark.core.jvm.DriverState;
import io.github.lightcastspark.core.transport.JsonBodies;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executors live now, by id, as the driver learns them through Spark's public API: a listener of executors added
 * and removed, registered with the context when the first read is planned, and for the executors already there, the
 * Spark UI's REST API ({@code /api/v1/applications/<id>/executors}), asked once then. Without the UI
 * ({@code spark.ui.enabled=false}) those earlier executors stay unknown to the driver: each then takes the lane of its
 * id's remainder by itself, which keeps apart executors with consecutive ids (those a cluster starts with).
 */
final class ExecutorTracker extends SparkListener {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutorTracker.class);
  private static final Duration UI_TIMEOUT = Duration.ofSeconds(5);

  private final Set<String> live = ConcurrentHashMap.newKeySet();

  private ExecutorTracker() {}

  /** @return the tracker of {@code context}, registered (and told the executors already there) on the first call */
  static ExecutorTracker of(SparkContext context) {
    return DriverState.listener(context, ExecutorTracker.class, () -> {
      ExecutorTracker tracker = new ExecutorTracker();
      // Listening first, so that an executor that comes while the UI is asked is not missed.
      context.addSparkListener(tracker);
      tracker.live.addAll(fromUi(context));
      return tracker;
    });
  }

  /** @return the ids of the executors live now, the driver not among them */
  Set<String> live() {
    return Set.copyOf(live);
  }

  @Override
  public void onExecutorAdded(SparkListenerExecutorAdded added) {
    live.add(added.executorId());
  }

  @Override
  public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
    live.remove(removed.executorId());
  }

  /** @return the active executors the Spark UI's REST API lists, none when there is no UI or it does not answer */
  private static Set<String> fromUi(SparkContext context) {
    if (context.uiWebUrl().isEmpty()) {
      LOG.info(
          "The Spark UI is off: the executors registered before this first Lightcast read are not known to the"
              + " driver, and each takes its rate-limit lane by its id.");
      return Set.of();
    }
    URI executors = URI.create(context.uiWebUrl().get() + "/api/v1/applications/"
        + context.applicationId() + "/executors");
    try {
      HttpResponse<String> response = HttpClient.newBuilder()
          .connectTimeout(UI_TIMEOUT)
          .build()
          .send(
              HttpRequest.newBuilder(executors).timeout(UI_TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      Set<String> ids = ConcurrentHashMap.newKeySet();
      if (response.statusCode() == 200) {
        for (JsonNode executor : JsonBodies.MAPPER.readTree(response.body())) {
          String id = executor.path("id").asText("");
          if (!id.isEmpty() && !id.equals("driver") && executor.path("isActive").asBoolean(true)) {
            ids.add(id);
          }
        }
      } else {
        LOG.info(
            "The Spark UI answered {} for its executors list; the executors registered before this first"
                + " Lightcast read each take their rate-limit lane by their id.",
            response.statusCode());
      }
      return ids;
    } catch (IOException e) {
      LOG.info(
          "The Spark UI did not list its executors ({}); the executors registered before this first Lightcast"
              + " read each take their rate-limit lane by their id.",
          e.toString());
      return Set.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Set.of();
    }
  }
}
