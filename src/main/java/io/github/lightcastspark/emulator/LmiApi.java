package io.github.lightcastspark.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lightcastspark.emulator.data.RegionFacts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The Labor Market Intelligence API (contract Part A) under {@code /v1/labor-market-intelligence}: authentication
 * with both header spellings, the per-customer token bucket and its headers, validation, the by-SOC, by-CIP and
 * regions endpoints.
 */
final class LmiApi implements EmulatedApi {
  static final String PREFIX = "/v1/labor-market-intelligence";
  private static final Pattern SOC = Pattern.compile("\\d{2}-\\d{4}");
  private static final Pattern CIP = Pattern.compile("\\d{2}\\.\\d{4}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EmulatorConfig config;
  private final EmulatorData data;
  private final EmulatorClock clock;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  LmiApi(EmulatorConfig config, EmulatorData data, EmulatorClock clock) {
    this.config = config;
    this.data = data;
    this.clock = clock;
  }

  @Override
  public boolean owns(String path) {
    return path.startsWith(PREFIX);
  }

  /** @return the reply to {@code request}, with the rate-limit headers */
  @Override
  public EmulatorReply handle(EmulatorRequest request) {
    TokenBucket bucket = null;
    EmulatorReply reply;
    try {
      String endpoint = endpoint(request);
      bucket = buckets.computeIfAbsent(authenticate(request), k -> new TokenBucket(config.lmiRateLimitRequests(),
          config.lmiRateLimitWindow().toNanos(), clock.nanos()));
      if (!bucket.tryTake(clock.nanos())) {
        long waitSeconds = Math.max(1, (bucket.nanosUntilToken(clock.nanos()) + 999_999_999L) / 1_000_000_000L);
        reply = new LmiError(429, "RATE_LIMITED", "Rate limit exceeded").reply()
            .withHeader("Retry-After", String.valueOf(waitSeconds));
      } else {
        reply = switch (endpoint) {
          case "by-soc" -> bySoc(LmiQuery.parse(request.body(), "socCodes", SOC, data));
          case "by-cip" -> byCip(LmiQuery.parse(request.body(), "cipCodes", CIP, data));
          default -> regions(request.queryParam("type"));
        };
      }
    } catch (LmiError e) {
      reply = e.reply();
    }
    return withRateLimitHeaders(reply, bucket);
  }

  @Override
  public EmulatorReply injected(int status, String message) {
    String code = status == 429 ? "RATE_LIMITED" : "INTERNAL_ERROR";
    return withRateLimitHeaders(new LmiError(status, code, message).reply(), null);
  }

  private String endpoint(EmulatorRequest request) {
    String name = request.path().substring(PREFIX.length()).replaceAll("^/+|/+$", "");
    String method = switch (name) {
      case "by-soc", "by-cip" -> "POST";
      case "regions" -> "GET";
      default -> throw new LmiError(404, "NOT_FOUND", "Resource not found: " + request.path());
    };
    if (!method.equals(request.method())) {
      throw new LmiError(405, "METHOD_NOT_ALLOWED", request.method() + " is not allowed on " + request.path());
    }
    return name;
  }

  /** @return the rate-limit key: the customer key, or the platform key when there is none */
  private String authenticate(EmulatorRequest request) {
    String authorization = request.headers().get("authorization");
    String platformKey = authorization != null && authorization.startsWith("Bearer ")
        ? authorization.substring("Bearer ".length()).strip() : request.headers().get("x-api-key");
    if (platformKey == null || platformKey.isBlank()) {
      throw new LmiError(401, "UNAUTHORIZED", "Missing Authorization header");
    }
    if (!config.acceptsPlatformKey(platformKey)) {
      throw new LmiError(401, "INVALID_API_KEY", "Invalid API key");
    }
    String customerKey = request.headers().getOrDefault("x-customer-key",
        request.headers().get("x-end-customer-api-key"));
    if (config.mode() == EmulatorConfig.Mode.PRODUCTION) {
      if (customerKey == null || customerKey.isBlank()) {
        throw new LmiError(403, "FORBIDDEN", "Missing X-Customer-Key header");
      }
      if (!config.acceptsCustomerKey(customerKey)) {
        throw new LmiError(403, "FORBIDDEN", "Invalid customer key");
      }
    }
    if (config.quotaExceeded()) {
      throw new LmiError(403, "QUOTA_EXCEEDED", "Access denied: quota exceeded");
    }
    return customerKey != null && !customerKey.isBlank() ? "customer " + customerKey : "platform " + platformKey;
  }

  private EmulatorReply bySoc(LmiQuery query) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode out = root.putObject("data");
    echo(out, "socCodes", query);
    ArrayNode occupations = out.putArray("matchedOccupations");
    ArrayNode warnings = out.putArray("warnings");
    for (String soc : new java.util.TreeSet<>(query.codes())) {
      if (data.occupation(soc).isEmpty()) {
        warnings.addObject().put("code", "INVALID_SOC_CODE").put("message", "SOC code " + soc + " not found")
            .put("socCode", soc);
      } else {
        occupations.add(occupation(soc, query, null, warnings));
      }
    }
    return EmulatorReply.json(200, root.toString());
  }

  private EmulatorReply byCip(LmiQuery query) {
    Map<String, Set<String>> cipsBySoc = new TreeMap<>();
    List<ObjectNode> unknown = new ArrayList<>();
    for (String cip : new LinkedHashSet<>(query.codes())) {
      List<String> socs = data.socCodesForCip(cip);
      if (socs.isEmpty()) {
        unknown.add(JSON.createObjectNode().put("code", "INVALID_CIP_CODE").put("message", "CIP code " + cip
            + " not found").put("cipCode", cip));
      }
      socs.forEach(soc -> cipsBySoc.computeIfAbsent(soc, k -> new LinkedHashSet<>()).add(cip));
    }
    if (cipsBySoc.isEmpty() && config.unknownCipAs404()) {
      throw new LmiError(404, "CIP_NOT_FOUND", "None of the CIP codes was found");
    }
    ObjectNode root = JSON.createObjectNode();
    ObjectNode out = root.putObject("data");
    echo(out, "cipCodes", query);
    ArrayNode occupations = out.putArray("matchedOccupations");
    ArrayNode warnings = out.putArray("warnings");
    unknown.forEach(warnings::add);
    cipsBySoc.forEach((soc, cips) -> occupations.add(occupation(soc, query,
        config.cipAttribution() ? cips : null, warnings)));
    return EmulatorReply.json(200, root.toString());
  }

  private ObjectNode occupation(String soc, LmiQuery query, Set<String> matchedCips, ArrayNode warnings) {
    ObjectNode occupation = data.occupationJson(soc, query.regionType(), query.region(), query.includeSkills(),
        query.fallbackToState());
    occupation.path("warnings").forEach(warnings::add);
    if (matchedCips != null) {
      ArrayNode cips = occupation.putArray("cipCodes");
      matchedCips.forEach(cips::add);
    }
    if (query.fields() != null) {
      Set<String> keep = new LinkedHashSet<>(query.fields());
      keep.add("warnings");
      occupation.retain(keep);
    }
    return occupation;
  }

  private static void echo(ObjectNode out, String codesField, LmiQuery query) {
    ArrayNode codes = out.putArray(codesField);
    query.codes().forEach(codes::add);
    out.put("regionType", query.regionType());
    if (query.region() != null) {
      out.put("region", query.region());
    }
  }

  private EmulatorReply regions(String type) {
    if (type != null && !Set.of("state", "msa", "national").contains(type)) {
      throw new LmiError(400, "INVALID_INPUT", "type must be state or msa", "type", type);
    }
    ObjectNode root = JSON.createObjectNode();
    ArrayNode regions = root.putObject("data").putArray("regions");
    for (RegionFacts r : data.regions("national".equals(type) ? "none" : type)) {
      ObjectNode region = regions.addObject().put("type", r.type())
          .put("code", r.type().equals("state") ? String.valueOf(Integer.parseInt(r.code())) : r.code())
          .put("name", r.name());
      if (r.type().equals("msa")) {
        ArrayNode states = region.putArray("stateCodes");
        r.stateCodes().forEach(s -> states.add(String.valueOf(Integer.parseInt(s))));
      }
    }
    return EmulatorReply.json(200, root.toString());
  }

  private EmulatorReply withRateLimitHeaders(EmulatorReply reply, TokenBucket bucket) {
    long now = clock.nanos();
    int limit = bucket == null ? config.lmiRateLimitRequests() : bucket.capacity();
    int remaining = bucket == null ? limit : bucket.remaining(now);
    long untilFull = bucket == null ? 0 : bucket.nanosUntilFull(now);
    long resetEpoch = (clock.epochMillis() + untilFull / 1_000_000 + 999) / 1000;
    return reply.withHeader("X-RateLimit-Limit", String.valueOf(limit))
        .withHeader("X-RateLimit-Remaining", String.valueOf(remaining))
        .withHeader("X-RateLimit-Reset", String.valueOf(resetEpoch));
  }
}
