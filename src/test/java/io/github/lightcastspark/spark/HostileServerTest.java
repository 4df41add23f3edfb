package io.github.lightcastspark.spark;

import static io.github.lightcastspark.spark.Failures.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpHandler;
import io.github.lightcastspark.StubServer;
import io.github.lightcastspark.core.transport.ApiException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;
import org.apache.spark.sql.DataFrameReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Servers that never finish an answer: a body that trickles a byte at a time (which no socket timeout notices), one
 * that never ends, one that declares 300 MB. Every attempt ends at its request timeout, every body at its size cap,
 * on executors and on the driver alike (the token, the planner's regions list), and the read fails naming the request.
 */
@Timeout(120)
class HostileServerTest {
  private static final String TRICKLE_TIMEOUT =
      "no complete answer within requestTimeout (1000 ms for the whole" + " exchange)";

  /** Answers 200 and then one byte every 200 ms, for ever: each packet is well within any socket timeout. */
  private static HttpHandler trickling() {
    return exchange -> {
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      out.write('{');
      while (true) {
        pause(200);
        out.write(' ');
        out.flush();
      }
    };
  }

  /** Answers 200 and then whitespace as fast as it can, for ever. */
  private static HttpHandler endless() {
    byte[] chunk = new byte[1 << 16];
    Arrays.fill(chunk, (byte) ' ');
    return exchange -> {
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      out.write('{');
      while (true) {
        out.write(chunk);
      }
    };
  }

  /** Declares a 300 MB body, sends a little of it and waits. */
  private static HttpHandler declaringHugeBody() {
    return exchange -> {
      exchange.sendResponseHeaders(200, 300L << 20);
      exchange.getResponseBody().write("{\"data\":".getBytes());
      exchange.getResponseBody().flush();
      pause(60_000);
    };
  }

  private static void pause(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new InterruptedIOException("stub stopped");
    }
  }

  private static DataFrameReader lmi(StubServer api) {
    return TestSpark.session()
        .read()
        .format("lightcast")
        .option("baseUrl", api.url() + "/v1")
        .option("secret.platformKey", TestEmulators.PLATFORM_KEY)
        .option("environment", "testing")
        .option("requestTimeout", "1s")
        .option("maxRetries", "1")
        .option("maxRetryTime", "10s");
  }

  @Test
  void aTricklingDataAnswerEndsAtTheRequestTimeoutAndIsRetriedWithinItsBudget() {
    try (StubServer api = StubServer.routing(Map.of("/v1" + TestEmulators.BY_SOC, trickling()))) {
      ApiException e = failure(
          () -> lmi(api).option("socCodes", "15-1252").load("occupations").collectAsList());
      assertTrue(
          e.getMessage()
              .startsWith("Lightcast request failed for occupations [15-1252] @ national: gave up"
                  + " after 2 attempts"),
          e.getMessage());
      assertTrue(e.getMessage().endsWith(TRICKLE_TIMEOUT), e.getMessage());
      assertEquals(2, api.requests());
    }
  }

  @Test
  void aTricklingRegionsListAtPlanningEndsToo() {
    try (StubServer api = StubServer.routing(Map.of("/v1" + TestEmulators.REGIONS, trickling()))) {
      ApiException e = failure(() -> lmi(api)
          .option("socCodes", "15-1252")
          .option("regionType", "state")
          .load("occupations")
          .collectAsList());
      assertTrue(
          e.getMessage()
              .startsWith(
                  "Lightcast request failed for regions @ state: gave up after 2" + " attempts"),
          e.getMessage());
      assertTrue(e.getMessage().endsWith(TRICKLE_TIMEOUT), e.getMessage());
    }
  }

  @Test
  void aTricklingTokenEndpointEndsToo() {
    try (StubServer api = StubServer.routing(Map.of("/token", trickling()))) {
      ApiException e = failure(() -> TestEmulators.pogOf(api)
          .option("requestTimeout", "1s")
          .option("occupationIds", "LO-15-1252")
          .load("occupation_growth")
          .collectAsList());
      assertTrue(
          e.getMessage()
              .startsWith("Lightcast request failed for access token for scope"
                  + " 'projected-occupation-growth'"),
          e.getMessage());
      assertTrue(e.getMessage().endsWith(TRICKLE_TIMEOUT), e.getMessage());
    }
  }

  /** A server that echoes what it was sent: its words reach the user with every credential taken out. */
  @Test
  void aTokenErrorThatEchoesTheFormIsQuotedWithoutTheSecret() {
    String id = "probe-client-id-echo";
    String secret = "probe secret/with+chars";
    String form = "grant_type=client_credentials&client_id=" + id + "&client_secret="
        + java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8);
    try (StubServer api = StubServer.routing(Map.of("/token", exchange -> {
      byte[] body = ("{\"error\":\"invalid_request\",\"error_description\":\"cannot parse " + form
              + " (raw: " + secret + ")\"}")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(400, body.length);
      exchange.getResponseBody().write(body);
    }))) {
      ApiException e = failure(() -> TestSpark.session()
          .read()
          .format("lightcast")
          .option("baseUrl", api.url() + "/pog")
          .option("authUrl", api.url() + "/token")
          .option("secret.clientId", id)
          .option("secret.clientSecret", secret)
          .option("occupationIds", "LO-15-1252")
          .load("occupation_growth")
          .collectAsList());
      assertTrue(
          e.getMessage()
              .contains("HTTP 400 invalid_request: cannot parse grant_type=client_credentials&"
                  + "client_id=<redacted>&client_secret=<redacted> (raw: <redacted>)"),
          e.getMessage());
    }
  }

  /** One pool for the JVM: a timeout belongs to a request, so reads with different ones reuse one connection. */
  @Test
  void readsWithDifferentTimeoutsShareTheirConnections() {
    try (StubServer api = StubServer.answering(
        "/v1" + TestEmulators.BY_SOC,
        "{\"data\":{\"matchedOccupations\":["
            + "{\"socCode\":\"15-1252\",\"name\":\"Software Developers\"}]}}")) {
      for (int seconds = 1; seconds <= 6; seconds++) {
        assertEquals(
            1,
            lmi(api)
                .option("requestTimeout", seconds + "s")
                .option("socCodes", "15-1252")
                .load("occupations")
                .count());
      }
      assertEquals(6, api.requests());
      assertEquals(
          1, api.connections(), "six reads one after another, six timeouts, one connection");
    }
  }

  @Test
  void anEndlessOrHugeBodyFailsAtItsCapWithoutRetryOrReadingTheRest() {
    for (HttpHandler huge : new HttpHandler[] {endless(), declaringHugeBody()}) {
      try (StubServer api = StubServer.routing(Map.of("/v1" + TestEmulators.BY_SOC, huge))) {
        ApiException e = failure(() -> lmi(api)
            .option("requestTimeout", "30s")
            .option("socCodes", "15-1252")
            .load("occupations")
            .collectAsList());
        assertEquals("RESPONSE_TOO_LARGE", e.errorCode(), e.getMessage());
        assertTrue(
            e.getMessage()
                .startsWith("Lightcast request failed for occupations [15-1252] @ national:"
                    + " RESPONSE_TOO_LARGE: the response body is over 4 MiB"),
            e.getMessage());
        assertEquals(1, api.requests());
      }
    }
  }
}
