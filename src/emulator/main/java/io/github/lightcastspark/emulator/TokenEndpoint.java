package io.github.lightcastspark.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OAuth 2.0 client-credentials token endpoint ({@code POST /connect/token}, form-encoded): checks the client,
 * its secret, the grant type and the scope, and issues opaque bearer tokens that expire after the configured TTL.
 */
final class TokenEndpoint {
  static final String PATH = "/connect/token";
  private static final ObjectMapper JSON = Json.MAPPER;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A token issued: to whom, for which scopes, until when (emulator clock). */
  record Issued(String clientId, Set<String> scopes, long expiresAtNanos) {}

  private final EmulatorConfig config;
  private final EmulatorClock clock;
  private final FaultInjector faults;
  private final Map<String, Issued> issued = new ConcurrentHashMap<>();

  TokenEndpoint(EmulatorConfig config, EmulatorClock clock, FaultInjector faults) {
    this.config = config;
    this.clock = clock;
    this.faults = faults;
  }

  boolean owns(String path) {
    return path.equals(PATH);
  }

  EmulatorReply handle(EmulatorRequest request) {
    int injected = faults.takeTokenError();
    if (injected > 0) {
      return error(injected, "temporarily_unavailable");
    }
    String contentType = request.headers().getOrDefault("content-type", "");
    if (!request.method().equals("POST")
        || !contentType.startsWith("application/x-www-form-urlencoded")) {
      return error(400, "invalid_request");
    }
    Map<String, String> form = form(request.body());
    if (!"client_credentials".equals(form.get("grant_type"))) {
      return error(400, "unsupported_grant_type");
    }
    Optional<Set<String>> grantable =
        config.grantableScopes(form.get("client_id"), form.get("client_secret"));
    if (grantable.isEmpty()) {
      return error(400, "invalid_client");
    }
    Set<String> scopes =
        new LinkedHashSet<>(Arrays.asList(form.getOrDefault("scope", "").trim().split("\\s+")));
    scopes.remove("");
    if (scopes.isEmpty()
        || !(grantable.get().contains("*") || grantable.get().containsAll(scopes))) {
      return error(400, "invalid_scope");
    }
    byte[] bytes = new byte[48];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    issued.put(
        token,
        new Issued(
            form.get("client_id"), scopes, clock.nanos() + config.tokenTtl().toNanos()));
    String body = JSON.createObjectNode()
        .put("access_token", token)
        .put("expires_in", Math.max(1, config.tokenTtl().toSeconds()))
        .put("token_type", "Bearer")
        .toString();
    return noStore(EmulatorReply.json(200, body));
  }

  /** @return the grant behind a bearer token that is known, unrevoked and unexpired */
  Optional<Issued> validate(String token) {
    Issued grant = token == null ? null : issued.get(token);
    return grant != null && grant.expiresAtNanos() > clock.nanos()
        ? Optional.of(grant)
        : Optional.empty();
  }

  void revokeAll() {
    issued.clear();
  }

  private static EmulatorReply error(int status, String code) {
    return noStore(
        EmulatorReply.json(status, JSON.createObjectNode().put("error", code).toString()));
  }

  private static EmulatorReply noStore(EmulatorReply reply) {
    return reply
        .withHeader("Cache-Control", "no-store, no-cache, max-age=0")
        .withHeader("Pragma", "no-cache");
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }
}
