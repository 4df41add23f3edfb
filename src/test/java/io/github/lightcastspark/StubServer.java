package io.github.lightcastspark;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain HTTP server on loopback that answers one path with one fixed JSON body, for API answers the emulator, being
 * faithful to the contract, never gives (an empty regions list, a number of the wrong kind).
 */
public final class StubServer implements AutoCloseable {
  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();

  private StubServer(String path, String json) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    server.createContext(path, exchange -> {
      requests.incrementAndGet();
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  /** @return a running server answering requests to {@code path} (and below it) with {@code json} */
  public static StubServer answering(String path, String json) {
    try {
      return new StubServer(path, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the server's root URL, such as {@code http://127.0.0.1:40123} */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** @return how many requests it has answered */
  public int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
