package io.github.lightcastspark.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Projected Occupation Growth API (contract Part B) under {@code /projected-occupation-growth}: bearer tokens
 * from the {@link TokenEndpoint}, a 5-per-second token bucket per client, the {@code errors} envelope, {@code /meta},
 * {@code /dimensions}, {@code /dimensions/{dimension}} and the growth {@code POST}.
 */
final class PogApi implements EmulatedApi {
  static final String PREFIX = "/projected-occupation-growth";
  static final String SCOPE = "projected-occupation-growth";
  private static final ObjectMapper JSON = Json.MAPPER;

  private final EmulatorConfig config;
  private final PogData data;
  private final EmulatorClock clock;
  private final TokenEndpoint tokens;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  PogApi(EmulatorConfig config, PogData data, EmulatorClock clock, TokenEndpoint tokens) {
    this.config = config;
    this.data = data;
    this.clock = clock;
    this.tokens = tokens;
  }

  @Override
  public boolean owns(String path) {
    return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
  }

  @Override
  public EmulatorReply injected(int status, String message) {
    return error(status, status == 429 ? "Too Many Requests" : "Service Unavailable", message);
  }

  @Override
  public EmulatorReply handle(EmulatorRequest request) {
    String authorization = request.headers().getOrDefault("authorization", "");
    Optional<TokenEndpoint.Issued> grant = tokens.validate(
        authorization.startsWith("Bearer ")
            ? authorization.substring("Bearer ".length()).strip()
            : null);
    if (grant.isEmpty()) {
      return error(401, "Unauthorized", "Invalid or expired token");
    }
    if (!grant.get().scopes().contains(SCOPE)) {
      return error(401, "Unauthorized", "You do not have access to this endpoint");
    }
    TokenBucket bucket = buckets.computeIfAbsent(
        grant.get().clientId(),
        k -> new TokenBucket(config.pogRequestsPerSecond(), 1_000_000_000L, clock.nanos()));
    if (!bucket.tryTake(clock.nanos())) {
      return error(429, "Too Many Requests", "Rate limit exceeded");
    }
    String lotVersion = Optional.ofNullable(request.queryParam("lot_version")).orElse("7");
    if (!lotVersion.equals("6") && !lotVersion.equals("7")) {
      return error(400, "Invalid request", "lot_version must be 6 or 7");
    }
    String rest = request.path().substring(PREFIX.length()).replaceAll("/+$", "");
    if (rest.equals("/meta") && request.method().equals("GET")) {
      return ok(data.meta(lotVersion));
    }
    if (rest.equals("/dimensions") && request.method().equals("GET")) {
      return EmulatorReply.json(
          200,
          JSON.createObjectNode()
              .set("data", JSON.valueToTree(PogData.DIMENSIONS))
              .toString());
    }
    if (rest.startsWith("/dimensions/")) {
      String dimension = rest.substring("/dimensions/".length());
      if (!PogData.DIMENSIONS.contains(dimension)) {
        return error(404, "URL not found", "Unrecognized dimension '" + dimension + "'");
      }
      if (request.method().equals("GET")) {
        return ok(JSON.createObjectNode()
            .put("id", dimension)
            .put(
                "title",
                dimension.equals("lotocc") ? "LOT Occupation" : "LOT Specialized Occupation")
            .put(
                "description",
                "Lightcast Occupation Taxonomy (" + dimension
                    + "), as played by the lightcast-spark emulator")
            .put("version", lotVersion));
      }
      if (request.method().equals("POST")) {
        return growth(dimension, request);
      }
    }
    return error(404, "URL not found", "Unrecognized path " + request.path());
  }

  private EmulatorReply growth(String dimension, EmulatorRequest request) {
    if (!request.headers().getOrDefault("content-type", "").startsWith("application/json")) {
      return error(415, "Unsupported Content Type", "Content-Type must be application/json");
    }
    JsonNode body;
    try {
      body = JSON.readTree(request.body());
    } catch (IOException e) {
      return error(400, "Malformed Request", "Invalid request body");
    }
    if (body == null || !body.path("id").isTextual() || body.path("id").asText().isBlank()) {
      return error(400, "Invalid request", "Missing occupation id");
    }
    JsonNode region = body.path("region");
    if (!region.isMissingNode()
        && (!region.path("level").isTextual() || !region.path("id").isTextual())) {
      return error(400, "Invalid request", "region.level and region.id must be strings");
    }
    String level = region.isMissingNode() ? "nation" : region.path("level").asText();
    String regionId = region.isMissingNode() ? "us" : region.path("id").asText();
    String state = null;
    if (level.equals("nation")) {
      if (!regionId.equalsIgnoreCase("us")) {
        return error(400, "Invalid request", "Unrecognized nation '" + regionId + "'");
      }
    } else if (level.equals("state")) {
      if (!regionId.matches("\\d{1,2}") || !data.knowsState(regionId)) {
        return error(400, "Invalid request", "Unrecognized state '" + regionId + "'");
      }
      state = data.canonicalState(regionId);
    } else {
      return error(400, "Invalid request", "region.level must be nation or state");
    }
    String id = body.path("id").asText();
    return data.growth(dimension, id, state)
        .map(this::ok)
        .orElseGet(() -> error(404, "Not Found", "Unrecognized id '" + id + "'"));
  }

  private EmulatorReply ok(ObjectNode data) {
    ObjectNode root = JSON.createObjectNode();
    root.set("data", data);
    return EmulatorReply.json(200, root.toString());
  }

  private static EmulatorReply error(int status, String title, String detail) {
    ObjectNode root = JSON.createObjectNode();
    root.putArray("errors")
        .addObject()
        .put("status", status)
        .put("title", title)
        .put("detail", detail);
    return EmulatorReply.json(status, root.toString());
  }
}
