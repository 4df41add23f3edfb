package io.github.lightcastspark.core.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * JSON on the wire: request bodies out, and response bodies in, where a body that is not a JSON object is a clear
 * error instead of a null row.
 */
public final class JsonBodies {
  /** The connector's one JSON mapper: thread-safe once configured, and costly to make. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonBodies() {}

  /** @return {@code body} as a request entity */
  public static ByteArrayEntity entity(JsonNode body) {
    try {
      return new ByteArrayEntity(MAPPER.writeValueAsBytes(body), ContentType.APPLICATION_JSON);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise a request body", e);
    }
  }

  /** @return the body of {@code response} as a JSON object */
  static JsonNode object(ApiResponse response, String description) {
    try {
      JsonNode root = MAPPER.readTree(response.body());
      if (root == null || !root.isObject()) {
        throw new IOException("expected a JSON object");
      }
      return root;
    } catch (IOException e) {
      // Not the parser's exception as the cause: its message quotes the body, which may echo a
      // credential.
      throw new ApiException(
          description,
          response.status(),
          ApiException.MALFORMED_RESPONSE,
          "the response body is not valid JSON (" + e.getClass().getSimpleName() + "); "
              + response.body().length + " bytes received",
          null);
    }
  }
}
