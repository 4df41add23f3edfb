package io.github.lightcastspark.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Parses response bodies, turning a body that is not a JSON object into a clear error instead of a null row. */
final class JsonResponses {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonResponses() {
  }

  /** @return the body of {@code response} as a JSON object */
  static JsonNode object(ApiResponse response, String description) {
    try {
      JsonNode root = JSON.readTree(response.body());
      if (root == null || !root.isObject()) {
        throw new IOException("expected a JSON object");
      }
      return root;
    } catch (IOException e) {
      throw new ApiException(description, response.status(), "MALFORMED_RESPONSE",
          "the response body is not valid JSON (" + e.getClass().getSimpleName() + "); " + response.body().length
              + " bytes received", e);
    }
  }
}
