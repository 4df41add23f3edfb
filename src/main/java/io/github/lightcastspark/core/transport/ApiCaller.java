package io.github.lightcastspark.core.transport;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.pacing.Pacer;
import io.github.lightcastspark.core.pacing.Sleep;
import io.github.lightcastspark.core.pacing.Turn;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one logical request until it succeeds or fails for good. Every attempt readies its {@link Credential}, if it
 * has one, then waits for its turn from the {@link Pacer}, is built and counted. A 429 holds back the whole JVM for
 * the server's {@code Retry-After} (or {@code X-RateLimit-Reset}); 500, 502, 503, 504 wait for their
 * {@code Retry-After} when they carry one, and they and I/O errors otherwise back off exponentially with jitter;
 * retries are bounded in number and in total time ({@link RetryPolicy}). Each attempt is cancelled when the request
 * timeout has passed, whatever it is waiting for (a pooled connection, the server, a body that trickles), and a body
 * over {@link #MAX_BODY_BYTES} fails the request unread. Any other status fails at once with the API's error code and
 * message (a spent quota saying so), except a first 401 when the caller can renew its credential.
 * A read that allows it is answered from the JVM's {@link ResponseCache} instead, sending nothing.
 */
public final class ApiCaller {
  private static final Logger LOG = LoggerFactory.getLogger(ApiCaller.class);
  /** Retried: a server error or timeout that may pass (408 is the server tiring of waiting for the request). */
  private static final Set<Integer> TRANSIENT = Set.of(408, 500, 502, 503, 504);

  private static final String QUOTA_EXCEEDED = "QUOTA_EXCEEDED";

  /**
   * The largest body read, 4 MiB. The largest answer the contract allows is 25 CIP codes with skills: 24 KB from the
   * emulator (30 occupations), and even 500 matched occupations at 3 KB each would be 1.5 MB. So a longer body is no
   * answer; and the tree it parses into (up to some hundred MB for 4 MiB of tiny JSON values) stays far from a
   * local-mode heap with a few tasks each holding one.
   */
  static final int MAX_BODY_BYTES = 4 << 20;
  /** Cancels a request when its time is up, whatever it is waiting for: a connection, the server, a trickle. */
  private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

  private final CloseableHttpClient client = SharedHttpClients.client();
  private final Duration timeout;
  private final RequestConfig config;
  private final RetryPolicy policy;
  private final Pacer pacer;
  private final RequestCounters counters;
  private final ResponseCache cache;

  /**
   * @param timeout the longest time one attempt may take, from asking for a connection to the body's last byte
   * @param policy how often and how long to retry
   * @param pacer when each attempt may go out
   * @param counters where attempts, retries, waits and cache hits are counted
   * @param cache responses that may be reused instead of sending a request
   */
  public ApiCaller(
      Duration timeout,
      RetryPolicy policy,
      Pacer pacer,
      RequestCounters counters,
      ResponseCache cache) {
    this.timeout = timeout;
    this.config = SharedHttpClients.configFor(timeout);
    this.policy = policy;
    this.pacer = pacer;
    this.counters = counters;
    this.cache = cache;
  }

  /**
   * @param options supply the timeout, the retry budget and how long responses may be reused
   * @param pacer when each attempt may go out
   * @param counters where attempts, retries, waits and cache hits are counted
   * @param responses the responses the JVM keeps
   * @return a caller on the JVM's shared HTTP client
   */
  public static ApiCaller of(
      ReadOptions options, Pacer pacer, RequestCounters counters, ResponseCache.Store responses) {
    return new ApiCaller(
        options.requestTimeout(),
        RetryPolicy.of(options.maxRetries(), options.maxRetryTime()),
        pacer,
        counters,
        ResponseCache.forRead(options, responses));
  }

  /**
   * The JSON object a request answers: from the JVM's response cache when the read allows it and the same request
   * succeeded within its TTL, else from the API ({@link #call(Supplier, String, Credential)}), keeping the response
   * once its body has parsed (a malformed body is never kept, so a retried task asks again).
   *
   * @param key identifies the request: credentials, method, URL and body
   * @param request builds a fresh request per attempt, when its turn has come, with the credential current then
   * @param description names the request in logs and errors (dataset, codes, region; never credentials)
   * @param credential readied before each attempt waits for its turn and renewed once on the first 401; null when
   *     the request needs none that must be fetched, and a 401 cannot be cured
   * @return the parsed body
   * @throws ApiException when the API refuses the request, the retries run out or the body is not a JSON object
   */
  public JsonNode json(
      ResponseCache.Key key,
      Supplier<ClassicHttpRequest> request,
      String description,
      Credential credential) {
    Optional<ApiResponse> cached = cache.get(key, counters);
    if (cached.isPresent()) {
      return JsonBodies.object(cached.get(), description);
    }
    if (cache.offline()) {
      throw new ApiException(
          description,
          0,
          "NOT_STORED",
          "the cachePath store holds no answer to"
              + " this request and cacheMode is offline, so it is not sent; run the read once with"
              + " cacheMode use to fill the store",
          null);
    }
    ApiResponse response = call(request, description, credential);
    JsonNode body = JsonBodies.object(response, description);
    cache.put(key, response, counters);
    return body;
  }

  /**
   * @param request builds a fresh request per attempt
   * @param description names the request in logs and errors (dataset, codes, region; never credentials)
   * @return the 2xx response
   * @throws ApiException when the API refuses the request or the retries run out
   */
  public ApiResponse call(Supplier<ClassicHttpRequest> request, String description) {
    return call(request, description, null);
  }

  /**
   * @param request builds a fresh request per attempt, when its turn has come, with the credential current then
   * @param description names the request in logs and errors (dataset, codes, region; never credentials)
   * @param credential readied before each attempt waits for its turn, so that a fetch (a token over HTTP) never
   *     spends the slot; renewed once on the first 401, after which the request is sent again at once (a bearer
   *     token may have expired or been revoked); null when a 401 cannot be cured
   * @return the 2xx response
   * @throws ApiException when the API refuses the request or the retries run out
   */
  private ApiResponse call(
      Supplier<ClassicHttpRequest> request, String description, Credential credential) {
    String lastFailure = null;
    boolean renewed = credential == null;
    long started = System.nanoTime();
    for (int attempt = 0; ; attempt++) {
      if (credential != null) {
        credential.ready();
      }
      Turn turn = pacer.awaitTurn();
      counters.addThrottleWait(turn.waitedNanos());
      counters.countRequest();
      Outcome outcome;
      HttpUriRequestBase exchange = exchange(request.get(), turn);
      AtomicBoolean expired = new AtomicBoolean();
      ScheduledFuture<?> deadline = DEADLINES.schedule(
          () -> {
            expired.set(true);
            exchange.cancel();
          },
          timeout.toMillis(),
          TimeUnit.MILLISECONDS);
      try {
        outcome = client.execute(
            exchange,
            response -> new Outcome(
                response.getCode(),
                body(response.getEntity(), exchange, description),
                headers(response.getHeaders())));
      } catch (IOException e) {
        lastFailure = expired.get()
            ? "no complete answer within requestTimeout (" + timeout.toMillis()
                + " ms for the whole exchange)"
            : "I/O error " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage());
        Duration wait = policy.backoff(attempt + 1);
        if (!policy.allowsRetry(attempt, started, wait)) {
          throw new ApiException(description, 0, null, gaveUp(attempt, started, lastFailure), e);
        }
        retry(description, lastFailure, wait, false);
        continue;
      } finally {
        deadline.cancel(false);
      }
      if (outcome.status >= 200 && outcome.status < 300) {
        pacer.answered(outcome.headers);
        return new ApiResponse(outcome.status, outcome.body);
      }
      ApiError error = ApiError.parse(outcome.body);
      if (outcome.status == 401 && !renewed) {
        renewed = true;
        counters.countRetry();
        LOG.info(
            "{} got 401 ({}); renewing the credential and sending it again", description, error);
        credential.renew();
        continue;
      }
      boolean rateLimited = outcome.status == 429;
      if (rateLimited) {
        counters.countRateLimited();
      }
      if (!rateLimited && !TRANSIENT.contains(outcome.status)) {
        String detail = refusal(outcome.status, error);
        throw outcome.status >= 400 && outcome.status < 500
            ? new ApiRefusal(
                description, outcome.status, error.code(), detail, remedy(outcome.status, error))
            : new ApiException(description, outcome.status, error.code(), detail, null);
      }
      lastFailure =
          "HTTP " + outcome.status + " " + error + (rateLimited ? limitOf(outcome.headers) : "");
      // X-RateLimit-Reset comes with every response; only on a 429 does it say when to come back.
      Duration wait = policy.serverWait(
          outcome.headers.get("retry-after"),
          rateLimited ? outcome.headers.get("x-ratelimit-reset") : null,
          attempt + 1,
          System.currentTimeMillis());
      if (!policy.allowsRetry(attempt, started, wait)) {
        throw new ApiException(
            description, outcome.status, error.code(), gaveUp(attempt, started, lastFailure), null);
      }
      retry(description, lastFailure, wait, rateLimited);
    }
  }

  /** A 429 holds back every task of the JVM (through the pacer); other failures only this request. */
  private void retry(String description, String failure, Duration wait, boolean rateLimited) {
    counters.countRetry();
    LOG.debug("Retrying {} in {} ms after {}", description, wait.toMillis(), failure);
    if (rateLimited) {
      if (pacer.pause(wait)) {
        LOG.warn(
            "{} was refused by the API's rate limit: {}. This JVM holds its requests for {} ms and slows down;"
                + " other reads of the same credential (another job, a notebook) share the limit (see"
                + " docs/performance.md).",
            description,
            failure,
            wait.toMillis());
      }
      return;
    }
    Sleep.millis(
        wait.toMillis(),
        e -> new ApiException(
            description, 0, null, "interrupted while waiting to retry after " + failure, e));
  }

  /** @return the deadline timer: one daemon thread, which forgets a deadline as soon as its request is done */
  private static ScheduledThreadPoolExecutor deadlines() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "lightcast-request-deadlines");
      t.setDaemon(true);
      return t;
    });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  /**
   * @return {@code request} as one that can be cancelled at its deadline, with this caller's timeouts, telling its
   *     turn when it really leaves: when its body is written, or now when it has none
   */
  private HttpUriRequestBase exchange(ClassicHttpRequest request, Turn turn) {
    HttpUriRequestBase exchange;
    try {
      exchange = new HttpUriRequestBase(request.getMethod(), request.getUri());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(
          "a request URL that the options check should have refused", e);
    }
    exchange.setHeaders(request.getHeaders());
    exchange.setConfig(config);
    HttpEntity entity = request.getEntity();
    if (entity == null) {
      turn.sent(System.currentTimeMillis());
      return exchange;
    }
    exchange.setEntity(new HttpEntityWrapper(entity) {
      @Override
      public void writeTo(OutputStream out) throws IOException {
        turn.sent(System.currentTimeMillis());
        super.writeTo(out);
      }
    });
    return exchange;
  }

  /**
   * @return the body, read up to {@link #MAX_BODY_BYTES}
   * @throws ApiException {@code RESPONSE_TOO_LARGE} for a longer one, after dropping the connection rather than
   *     reading the rest: an endless body would otherwise be drained until the deadline
   */
  private static byte[] body(HttpEntity entity, HttpUriRequestBase exchange, String description)
      throws IOException {
    if (entity == null) {
      return new byte[0];
    }
    byte[] body = entity.getContentLength() > MAX_BODY_BYTES
        ? null
        : entity.getContent().readNBytes(MAX_BODY_BYTES + 1);
    if (body == null || body.length > MAX_BODY_BYTES) {
      exchange.cancel();
      throw new ApiException(
          description,
          0,
          "RESPONSE_TOO_LARGE",
          "the response body is over " + (MAX_BODY_BYTES >> 20)
              + " MiB, far more than any answer of the API; it was not read to its end",
          null);
    }
    return body;
  }

  /** @return the explanation of a refusal: the API's message, and for a spent quota, that it is not the rate */
  private static String refusal(int status, ApiError error) {
    String message = String.valueOf(error.message());
    return status == 403 && QUOTA_EXCEEDED.equalsIgnoreCase(error.code())
        ? "the credential's quota of requests is spent (not its rate limit; retrying cannot help until the quota"
            + " renews or is raised): " + message
        : message;
  }

  /**
   * @return what a user can do about a refusal, for the statuses whose cause is nearly always the read's options; null
   *     for the others, whose message says enough
   */
  private static String remedy(int status, ApiError error) {
    return switch (status) {
      case 401 ->
        "Check the read's credentials: secret.platformKey for the LMI (a pk_test_ key needs option"
            + " environment testing), secret.clientId and secret.clientSecret for occupation_growth"
            + " (docs/troubleshooting.md)";
      case 403 ->
        QUOTA_EXCEEDED.equalsIgnoreCase(error.code())
            ? null
            : "The credential may not read this: check secret.customerKey and what the licence covers"
                + " (docs/troubleshooting.md)";
      case 404 ->
        "Check option baseUrl: it must be the API's root with its version prefix, such as"
            + " https://<host>/v1 for the LMI (docs/troubleshooting.md)";
      default -> null;
    };
  }

  /** @return what the server said of its limit, for the message that ends the retries of a 429 */
  private static String limitOf(Map<String, String> headers) {
    StringBuilder said = new StringBuilder();
    for (String header : List.of("X-RateLimit-Limit", "Retry-After")) {
      String value = headers.get(header.toLowerCase(Locale.ROOT));
      if (value != null) {
        said.append(said.length() == 0 ? " (" : ", ")
            .append(header)
            .append(": ")
            .append(value);
      }
    }
    return said.length() == 0 ? "" : said.append(')').toString();
  }

  private static String gaveUp(int attempt, long startedNanos, String lastFailure) {
    return "gave up after " + (attempt + 1) + " attempts in "
        + (System.nanoTime() - startedNanos) / 1_000_000_000 + " s; the last one got "
        + lastFailure;
  }

  private static Map<String, String> headers(Header[] headers) {
    Map<String, String> map = new HashMap<>();
    for (Header h : headers) {
      map.put(h.getName().toLowerCase(Locale.ROOT), h.getValue());
    }
    return map;
  }

  private record Outcome(int status, byte[] body, Map<String, String> headers) {}
}
