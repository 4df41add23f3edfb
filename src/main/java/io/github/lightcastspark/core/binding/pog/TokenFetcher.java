package io.github.lightcastspark.core.binding.pog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.lightcastspark.core.options.Secret;
import io.github.lightcastspark.core.pacing.Pacer;
import io.github.lightcastspark.core.transport.ApiCaller;
import io.github.lightcastspark.core.transport.ApiException;
import io.github.lightcastspark.core.transport.ApiRefusal;
import io.github.lightcastspark.core.transport.ApiResponse;
import io.github.lightcastspark.core.transport.JsonBodies;
import io.github.lightcastspark.core.transport.RequestCounters;
import io.github.lightcastspark.core.transport.ResponseCache;
import io.github.lightcastspark.core.transport.RetryPolicy;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the token endpoint for one access token, with a small retry budget of its own; a refused client or scope
 * fails with a message that names the scope, never the secret. When to ask is {@link TokenProvider}'s concern.
 */
final class TokenFetcher {
  private static final Logger LOG = LoggerFactory.getLogger(TokenFetcher.class);
  private static final ObjectMapper JSON = JsonBodies.MAPPER;
  private static final int TOKEN_RETRIES = 2;
  private static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

  /** A token as the endpoint issued it, valid for {@code lifetime} from its answer. */
  record Issued(String token, Duration lifetime) {}

  private final PogSettings settings;
  private final ApiCaller caller;

  /** @param timeout the longest time one attempt may take */
  TokenFetcher(PogSettings settings, Duration timeout) {
    this.settings = settings;
    this.caller = new ApiCaller(
        timeout,
        new RetryPolicy(
            TOKEN_RETRIES, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30)),
        Pacer.unscheduled(),
        new RequestCounters(),
        ResponseCache.off());
  }

  /**
   * @return a new token, remembered as a secret so that no log or error shows it
   * @throws ApiException when the endpoint refuses, its retries run out, or its answer holds no token
   */
  Issued fetch() {
    String description =
        "access token for scope '" + settings.scope() + "' from " + settings.authUrl();
    String form = "grant_type=client_credentials&client_id=" + encode(settings.clientId())
        + "&client_secret=" + encode(settings.clientSecret()) + "&scope="
        + URLEncoder.encode(settings.scope(), StandardCharsets.UTF_8);
    ApiResponse response;
    try {
      response = caller.call(
          () -> ClassicRequestBuilder.post(settings.authUrl())
              .addHeader("Accept", "application/json")
              .setEntity(new StringEntity(form, ContentType.APPLICATION_FORM_URLENCODED))
              .build(),
          description);
    } catch (ApiException e) {
      throw explain(e, description);
    }
    try {
      JsonNode body = JSON.readTree(response.body());
      String accessToken = body.path("access_token").asText("");
      if (accessToken.isEmpty()) {
        throw new IOException("no access_token");
      }
      Duration lifetime =
          body.path("expires_in").canConvertToLong() && body.path("expires_in").asLong() > 0
              ? Duration.ofSeconds(body.path("expires_in").asLong())
              : DEFAULT_LIFETIME;
      Secret.remember(accessToken);
      LOG.debug("Fetched an {} valid for {} s", description, lifetime.toSeconds());
      return new Issued(accessToken, lifetime);
    } catch (IOException e) {
      // Not the parser's exception as the cause: its message would quote the body, the token in it.
      throw new ApiException(
          description,
          response.status(),
          ApiException.MALFORMED_RESPONSE,
          "the token response has no access_token",
          null);
    }
  }

  private ApiException explain(ApiException e, String description) {
    if ("invalid_client".equals(e.errorCode())) {
      return new ApiRefusal(
          description,
          e.status(),
          e.errorCode(),
          "the token endpoint refused the client id or"
              + " secret; check options secret.clientId and secret.clientSecret (or LIGHTCAST_CLIENT_ID /"
              + " LIGHTCAST_CLIENT_SECRET)");
    }
    if ("invalid_scope".equals(e.errorCode())) {
      return new ApiRefusal(
          description,
          e.status(),
          e.errorCode(),
          "the token endpoint refused scope '"
              + settings.scope()
              + "': this client is not granted it; ask for the scope to be granted or set option"
              + " scope");
    }
    return e;
  }

  private static String encode(Secret secret) {
    return URLEncoder.encode(secret.reveal(), StandardCharsets.UTF_8);
  }
}
