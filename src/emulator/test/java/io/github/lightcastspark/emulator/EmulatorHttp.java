package io.github.lightcastspark.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Real HTTP calls to an emulator with the JDK's client, for the emulator's own tests. */
final class EmulatorHttp {
  /** The platform key the tests' emulators accept. */
  static final String KEY = "<platform-key>";
  /** The LMI endpoints' common path. */
  static final String LMI = "/v1/labor-market-intelligence";

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private EmulatorHttp() {}

  /**
   * A response.
   *
   * @param status HTTP status
   * @param body the body parsed, or a missing node when it is not JSON
   * @param raw the response itself, for headers and the raw body
   */
  record Reply(int status, JsonNode body, HttpResponse<String> raw) {
    /** @return the error code of an error envelope */
    String code() {
      return body.path("error").path("code").asText();
    }

    /** @return the {@code data} object of a successful response */
    JsonNode data() {
      return body.path("data");
    }

    /** @return the value of header {@code name}, or null */
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  /**
   * POSTs to a data endpoint with {@link #KEY} as bearer token.
   *
   * @param body JSON with single quotes for double ones, to keep the tests readable
   */
  static Reply post(LightcastEmulator emulator, String endpoint, String body) {
    return post(emulator, endpoint, body, "Authorization", "Bearer " + KEY);
  }

  /** POSTs to a data endpoint ({@code by-soc}, {@code by-cip}) with exactly the given header names and values. */
  static Reply post(LightcastEmulator emulator, String endpoint, String body, String... headers) {
    return send(emulator, "POST", LMI + "/" + endpoint, body.replace('\'', '"'), headers);
  }

  /** GETs the regions list ({@code query} may be null) with {@link #KEY} as bearer token. */
  static Reply regions(LightcastEmulator emulator, String query) {
    return send(
        emulator,
        "GET",
        LMI + "/regions" + (query == null ? "" : "?" + query),
        null,
        "Authorization",
        "Bearer " + KEY);
  }

  /**
   * @param path from the server's root, such as {@code /v1/labor-market-intelligence/regions}
   * @param body null for none
   * @throws java.io.UncheckedIOException when the connection fails, as a dropped one does
   */
  static Reply send(
      LightcastEmulator emulator, String method, String path, String body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + emulator.port() + path))
        .method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), parse(response.body()), response);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * @return {@code node} as it reads back from JSON text, so that it equals a parsed response (Jackson tells an
   *     {@code int} node from a {@code long} one of the same value)
   */
  static JsonNode reparsed(JsonNode node) {
    return parse(node.toString());
  }

  /** @return the text values of an array node */
  static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  /** @return the field names of an object node */
  static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }
}
