package io.github.lightcastspark.spark;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lightcastspark.core.transport.JsonBodies;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.SparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executors live now, by id, asked when a read is planned: of the Spark UI's REST API
 * ({@code /api/v1/applications/<id>/executors}, Spark's public monitoring API), and only where the UI
 * cannot tell (it is off, behind a filter that redirects or refuses the driver, or too slow) of
 * {@code SparkContext#getExecutorIds}, which Scala keeps to Spark's own packages but Java can call. The
 * lanes of the rate limit depend on knowing every live executor: an executor the driver does not know
 * picks its lane by its id, and two such may share one and send at twice its rate.
 */
final class LiveExecutors {
  private static final Logger LOG = LoggerFactory.getLogger(LiveExecutors.class);
  private static final Duration UI_TIMEOUT = Duration.ofSeconds(2);
  /** Ample for thousands of executors, of some hundred bytes each. */
  private static final int MAX_BODY_BYTES = 16 << 20;
  /** One client for every planning: each JDK client keeps a selector thread of its own. */
  private static final HttpClient UI =
      HttpClient.newBuilder().connectTimeout(UI_TIMEOUT).build();

  private LiveExecutors() {}

  /** @return the ids of the executors live now, the driver not among them, in no particular order */
  static List<String> of(SparkContext context) {
    return fromUi(context).orElseGet(() -> fromScheduler(context));
  }

  /** @return the active executors the UI lists, if it runs and answers */
  static Optional<List<String>> fromUi(SparkContext context) {
    if (context.uiWebUrl().isEmpty()) {
      return Optional.empty();
    }
    try {
      URI executors = URI.create(context.uiWebUrl().get() + "/api/v1/applications/"
          + context.applicationId() + "/executors");
      HttpResponse<InputStream> response = UI.send(
          HttpRequest.newBuilder(executors).timeout(UI_TIMEOUT).GET().build(),
          HttpResponse.BodyHandlers.ofInputStream());
      byte[] body;
      try (InputStream in = response.body()) {
        body = in.readNBytes(MAX_BODY_BYTES + 1);
      }
      JsonNode list = JsonBodies.MAPPER.readTree(body);
      if (response.statusCode() != 200 || body.length > MAX_BODY_BYTES || !list.isArray()) {
        LOG.debug("The Spark UI answered {} to its executors list", response.statusCode());
        return Optional.empty();
      }
      List<String> ids = new ArrayList<>();
      for (JsonNode executor : list) {
        String id = executor.path("id").asText("");
        if (!id.isEmpty() && !id.equals("driver") && executor.path("isActive").asBoolean(true)) {
          ids.add(id);
        }
      }
      return Optional.of(ids);
    } catch (IOException | RuntimeException e) {
      LOG.debug("The Spark UI did not list its executors: {}", e.toString());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static List<String> fromScheduler(SparkContext context) {
    List<String> ids = new ArrayList<>();
    scala.collection.Iterator<String> live = context.getExecutorIds().iterator();
    while (live.hasNext()) {
      ids.add(live.next());
    }
    return ids;
  }
}
