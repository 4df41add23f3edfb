package io.github.lightcastspark.core.transport;

import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The JVM's one pooled HTTP client, shared by every task of an executor so that connections are reused across
 * partitions, reads and timeouts: a timeout is each request's own ({@link #configFor}), not a pool's. The pool is
 * bounded, and a connection idle for {@link #IDLE} is closed, so that a long-lived session holds no sockets between
 * reads. The client's own retries are off: {@link ApiCaller} retries, counts and throttles every attempt. Its
 * connections never log headers or bytes ({@link QuietConnection}).
 */
public final class SharedHttpClients {
  /** How long an unused connection stays open: long enough for the next request of a read, not for the next read. */
  static final TimeValue IDLE = TimeValue.ofSeconds(30);

  private static final int MAX_CONNECTIONS = 64;
  private static final CloseableHttpClient CLIENT = create();

  private SharedHttpClients() {}

  /** @return the JVM's client */
  public static CloseableHttpClient client() {
    return CLIENT;
  }

  /**
   * @return the timeouts of one request: {@code timeout} to wait for a pooled connection, to connect, and between
   *     two packets of the answer; {@link ApiCaller} also bounds the whole exchange by it
   */
  @SuppressWarnings(
      "deprecation") // a connect timeout per request, as the pool serves every timeout
  public static RequestConfig configFor(Duration timeout) {
    Timeout t = Timeout.of(timeout);
    return RequestConfig.custom()
        .setConnectionRequestTimeout(t)
        .setConnectTimeout(t)
        .setResponseTimeout(t)
        .build();
  }

  private static CloseableHttpClient create() {
    return HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setConnectionFactory(QuietConnection.FACTORY)
            .setDefaultConnectionConfig(
                ConnectionConfig.custom().setTimeToLive(TimeValue.ofMinutes(5)).build())
            .setMaxConnTotal(MAX_CONNECTIONS)
            .setMaxConnPerRoute(MAX_CONNECTIONS)
            .build())
        .evictIdleConnections(IDLE)
        .evictExpiredConnections()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableRedirectHandling()
        .setUserAgent("lightcast-spark")
        .build();
  }
}
