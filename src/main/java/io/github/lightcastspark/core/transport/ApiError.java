package io.github.lightcastspark.core.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.lightcastspark.core.options.Secret;

/**
 * The code and message of an error body, read leniently from any of the envelopes the APIs use: the LMI
 * {@code {"error":{"code","message"}}}, the Lightcast {@code {"errors":[{"status","title","detail"}]}} and the
 * OAuth {@code {"error":"invalid_scope","error_description":...}}.
 *
 * @param code the machine-readable code, or null
 * @param message the human explanation, or a short excerpt of a body that is not JSON
 */
public record ApiError(String code, String message) {
  private static final ObjectMapper JSON = JsonBodies.MAPPER;
  private static final int EXCERPT = 200;

  /** @return the error carried by {@code body}, without any credential it echoes; never null */
  public static ApiError parse(byte[] body) {
    ApiError said = read(body);
    return new ApiError(Secret.scrub(said.code), Secret.scrub(said.message));
  }

  private static ApiError read(byte[] body) {
    String text = body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8);
    try {
      JsonNode root = JSON.readTree(text);
      if (root != null) {
        JsonNode error = root.path("error");
        if (error.isObject()) {
          return new ApiError(textOrNull(error.path("code")), textOrNull(error.path("message")));
        }
        if (error.isTextual()) {
          return new ApiError(error.asText(), textOrNull(root.path("error_description")));
        }
        JsonNode first = root.path("errors").path(0);
        if (first.isObject()) {
          String title = textOrNull(first.path("title"));
          String detail = textOrNull(first.path("detail"));
          return new ApiError(title, detail);
        }
      }
    } catch (java.io.IOException e) {
      // not JSON: fall through to the excerpt
    }
    String excerpt = text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text;
    return new ApiError(null, excerpt.isBlank() ? "(empty body)" : excerpt);
  }

  private static String textOrNull(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : node.asText();
  }

  @Override
  public String toString() {
    return (code == null ? "" : code + ": ") + (message == null ? "(no message)" : message);
  }
}
