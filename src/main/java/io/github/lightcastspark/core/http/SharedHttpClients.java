package io.github.lightcastspark.core.http;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * One pooled HTTP client per JVM and timeout, shared by every task of an executor so that connections are reused
 * across partitions. The client's own retries are off: {@link ApiCaller} retries, counts and throttles every attempt.
 */
public final class SharedHttpClients {
  private static final ConcurrentMap<Duration, CloseableHttpClient> CLIENTS = new ConcurrentHashMap<>();
  private static final int MAX_CONNECTIONS = 64;

  private SharedHttpClients() {
  }

  /** @return the JVM's client whose connect, response and pool-wait timeouts are {@code timeout} */
  public static CloseableHttpClient forTimeout(Duration timeout) {
    return CLIENTS.computeIfAbsent(timeout, SharedHttpClients::create);
  }

  private static CloseableHttpClient create(Duration timeout) {
    Timeout t = Timeout.of(timeout);
    return HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(t).setSocketTimeout(t).build())
            .setMaxConnTotal(MAX_CONNECTIONS)
            .setMaxConnPerRoute(MAX_CONNECTIONS)
            .build())
        .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(t).setConnectionRequestTimeout(t).build())
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableRedirectHandling()
        .setUserAgent("lightcast-spark")
        .build();
  }
}
