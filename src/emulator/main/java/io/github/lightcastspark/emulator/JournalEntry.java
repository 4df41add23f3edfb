package io.github.lightcastspark.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.util.Map;

/**
 * One request the emulator received, and the status it answered with (0: the connection was dropped).
 *
 * @param receivedNanos arrival time on the emulator's clock (nanoseconds since it started)
 * @param method HTTP method
 * @param path request path
 * @param query raw query string, or null
 * @param headers request headers, names lower-cased
 * @param body request body
 * @param status response status
 */
public record JournalEntry(
    long receivedNanos,
    String method,
    String path,
    String query,
    Map<String, String> headers,
    String body,
    int status) {
  private static final ObjectMapper JSON = Json.MAPPER;

  /** @return the milliseconds between {@code earlier} arriving and this request arriving, on the emulator's clock */
  public long millisAfter(JournalEntry earlier) {
    return (receivedNanos - earlier.receivedNanos) / 1_000_000;
  }

  /** @return the body parsed as JSON, or a null node when it is empty or not JSON */
  public JsonNode bodyJson() {
    try {
      JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
      return node == null ? NullNode.getInstance() : node;
    } catch (IOException e) {
      return NullNode.getInstance();
    }
  }
}
