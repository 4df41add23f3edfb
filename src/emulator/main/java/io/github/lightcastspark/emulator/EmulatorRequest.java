package io.github.lightcastspark.emulator;

import java.util.Map;

/**
 * A request as the API handlers see it.
 *
 * @param method HTTP method
 * @param path request path
 * @param query raw query string, or null
 * @param headers headers, names lower-cased
 * @param body body text
 */
record EmulatorRequest(
    String method, String path, String query, Map<String, String> headers, String body) {

  /** @return the value of query parameter {@code name}, or null */
  String queryParam(String name) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return java.net.URLDecoder.decode(
            pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
