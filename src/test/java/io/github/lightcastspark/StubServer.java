package io.github.lightcastspark;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain HTTP server on loopback for API answers the emulator, being faithful to the contract, never gives: an empty
 * regions list, a number of the wrong kind, a body of the wrong shape, one that trickles or never ends.
 */
public final class StubServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final AtomicInteger requests = new AtomicInteger();
  private final Set<InetSocketAddress> clients = ConcurrentHashMap.newKeySet();

  private StubServer(Map<String, HttpHandler> routes) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    routes.forEach((path, handler) -> server.createContext(path, exchange -> {
      requests.incrementAndGet();
      clients.add(exchange.getRemoteAddress());
      exchange.getRequestBody().readAllBytes();
      try {
        handler.handle(exchange);
      } catch (IOException e) {
        // the client gave up on a slow or endless body: what the test wants
      } finally {
        exchange.close();
      }
    }));
    // One thread per exchange, so that a trickling answer does not hold up the next request.
    server.setExecutor(threads);
    server.start();
  }

  /** @return a running server answering requests to {@code path} (and below it) with {@code json} */
  public static StubServer answering(String path, String json) {
    return routing(Map.of(path, json(json)));
  }

  /** @return a running server whose handlers answer the requests to each path (and below it) */
  public static StubServer routing(Map<String, HttpHandler> routes) {
    try {
      return new StubServer(routes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return a handler answering 200 with {@code json} */
  public static HttpHandler json(String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    };
  }

  /** @return the server's root URL, such as {@code http://127.0.0.1:40123} */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** @return how many requests it has answered */
  public int requests() {
    return requests.get();
  }

  /** @return how many connections (client address and port) its requests came on */
  public int connections() {
    return clients.size();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
