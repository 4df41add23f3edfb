package io.github.lightcastspark.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A local HTTP server that plays the Labor Market Intelligence API, the Projected Occupation Growth API and its
 * OAuth token endpoint from the contract over loopback, for tests, the demo and notebooks: real auth and validation,
 * token-bucket rate limits with 429, a request journal and fault injection. Start it with {@link #start}; stop it
 * with {@link #close}. It binds 127.0.0.1 only: it is a test double, not a service.
 */
public final class LightcastEmulator implements AutoCloseable {
  static {
    // The JDK's server writes a response's headers and body separately: without TCP_NODELAY,
    // Nagle's algorithm and
    // the client's delayed ACK add some 40 ms to every response. The JDK reads this property once,
    // when its server
    // first loads, so it is set here unless the user chose otherwise.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private static final String HOST = "127.0.0.1";

  private final EmulatorConfig config;
  private final EmulatorData data;
  private final EmulatorClock clock = new EmulatorClock();
  private final RequestJournal journal = new RequestJournal();
  private final FaultInjector faults = new FaultInjector();
  private final PogData pogData;
  private final TokenEndpoint tokens;
  private final List<EmulatedApi> apis;
  private final HttpServer server;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "lightcast-emulator");
    t.setDaemon(true);
    return t;
  });

  private LightcastEmulator(EmulatorConfig config) throws IOException {
    this.config = config;
    this.data = config.dataDir() == null
        ? EmulatorData.builtIn()
        : EmulatorData.fromDirectory(config.dataDir());
    this.tokens = new TokenEndpoint(config, clock, faults);
    this.pogData = new PogData(data);
    this.apis =
        List.of(new LmiApi(config, data, clock), new PogApi(config, pogData, clock, tokens));
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getByName(HOST), config.port()), 64);
    server.createContext("/", this::serve);
    server.setExecutor(executor);
    server.start();
  }

  /** @return a running emulator on 127.0.0.1 */
  public static LightcastEmulator start(EmulatorConfig config) {
    try {
      return new LightcastEmulator(config);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the emulator on port " + config.port(), e);
    }
  }

  /** @return the port it listens on */
  public int port() {
    return server.getAddress().getPort();
  }

  /** @return the Projected Occupation Growth API root, such as
   *     {@code http://127.0.0.1:8787/projected-occupation-growth} */
  public String pogBaseUrl() {
    return url(PogApi.PREFIX);
  }

  /** @return the OAuth token endpoint's URL */
  public String tokenUrl() {
    return url(TokenEndpoint.PATH);
  }

  /** Revokes every access token issued so far, as a credential rotation would; later requests with them get 401. */
  public void revokeTokens() {
    tokens.revokeAll();
  }

  /** @return the LMI API root, such as {@code http://127.0.0.1:8787/v1} */
  public String lmiBaseUrl() {
    return url(LmiApi.BASE_PATH);
  }

  /** @return every request received */
  public RequestJournal journal() {
    return journal;
  }

  /** @return the faults tests switch on */
  public FaultInjector faults() {
    return faults;
  }

  /** @return the data it serves */
  public EmulatorData data() {
    return data;
  }

  /** @return the growth data it serves */
  public PogData pogData() {
    return pogData;
  }

  /** @return its configuration */
  public EmulatorConfig config() {
    return config;
  }

  /** Stops at once, dropping requests in flight; closing again does nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  private String url(String path) {
    return "http://" + HOST + ":" + port() + path;
  }

  private void serve(HttpExchange exchange) throws IOException {
    long received = clock.nanos();
    EmulatorRequest request = read(exchange);
    try {
      sleep(faults.latencyMillis());
      EmulatedApi api =
          apis.stream().filter(a -> a.owns(request.path())).findFirst().orElse(null);
      // The token endpoint has faults of its own (FaultInjector#tokenErrors).
      FaultInjector.Fault fault = tokens.owns(request.path())
          ? new FaultInjector.None()
          : faults.next(api != null && api.isDataRequest(request));
      if (fault instanceof FaultInjector.Drop) {
        journal.add(entry(received, request, 0));
        exchange.close();
        return;
      }
      EmulatorReply reply = route(request, api, fault);
      journal.add(entry(received, request, reply.status()));
      write(exchange, reply);
    } finally {
      exchange.close();
    }
  }

  private EmulatorReply route(EmulatorRequest request, EmulatedApi api, FaultInjector.Fault fault) {
    if (tokens.owns(request.path())) {
      return tokens.handle(request);
    }
    if (api == null) {
      return new LmiError(404, "NOT_FOUND", "Resource not found: " + request.path()).reply();
    }
    if (fault instanceof FaultInjector.Refused refused) {
      EmulatorReply reply = api.injected(
          refused.status(),
          refused.status() == 429 ? "Rate limit exceeded" : "Injected server error");
      return refused.retryAfterSeconds() < 0
          ? reply
          : reply.withHeader("Retry-After", String.valueOf(refused.retryAfterSeconds()));
    }
    EmulatorReply reply;
    try {
      reply = api.handle(request);
    } catch (RuntimeException e) {
      // A bug of the emulator answers 500 rather than dropping the connection, which a client would
      // retry as a
      // network error and so hide.
      reply = api.injected(500, "Emulator error: " + e);
    }
    if (reply.status() == 200 && faults.takeMalformed()) {
      return new EmulatorReply(
          200, reply.body().substring(0, reply.body().length() / 2), reply.headers());
    }
    return reply;
  }

  private static EmulatorRequest read(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new HashMap<>();
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return new EmulatorRequest(
        exchange.getRequestMethod(),
        exchange.getRequestURI().getPath(),
        exchange.getRequestURI().getRawQuery(),
        Map.copyOf(headers),
        body);
  }

  private static JournalEntry entry(long received, EmulatorRequest request, int status) {
    return new JournalEntry(
        received,
        request.method(),
        request.path(),
        request.query(),
        request.headers(),
        request.body(),
        status);
  }

  private static void write(HttpExchange exchange, EmulatorReply reply) throws IOException {
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().put("Content-Type", List.of("application/json; charset=utf-8"));
    reply
        .headers()
        .forEach((name, value) -> exchange.getResponseHeaders().put(name, List.of(value)));
    exchange.sendResponseHeaders(reply.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static void sleep(long millis) {
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
