package io.github.lightcastspark.emulator;

import java.util.Optional;

/**
 * The Labor Market Intelligence API (contract Part A), which owns everything under {@code /v1}: routing to the
 * by-SOC, by-CIP and regions endpoints, then authentication, the rate limit and validation, in that order. Every
 * reply carries the rate-limit headers.
 */
final class LmiApi implements EmulatedApi {
  static final String BASE_PATH = "/v1";
  static final String PREFIX = BASE_PATH + "/labor-market-intelligence";

  private final EmulatorData data;
  private final LmiCredentials credentials;
  private final LmiRateLimiter rateLimiter;
  private final LmiResponses responses;

  LmiApi(EmulatorConfig config, EmulatorData data, EmulatorClock clock) {
    this.data = data;
    this.credentials = new LmiCredentials(config);
    this.rateLimiter = new LmiRateLimiter(config, clock);
    this.responses = new LmiResponses(config, data);
  }

  @Override
  public boolean owns(String path) {
    return path.equals(BASE_PATH) || path.startsWith(BASE_PATH + "/");
  }

  @Override
  public boolean isDataRequest(EmulatorRequest request) {
    return endpoint(request.path())
        .filter(e -> e.equals("by-soc") || e.equals("by-cip"))
        .isPresent();
  }

  @Override
  public EmulatorReply handle(EmulatorRequest request) {
    Optional<String> endpoint = endpoint(request.path());
    if (endpoint.isEmpty()) {
      return rateLimiter.withHeaders(
          new LmiError(404, "NOT_FOUND", "Resource not found: " + request.path()).reply(), null);
    }
    String method = endpoint.get().equals("regions") ? "GET" : "POST";
    if (!method.equals(request.method())) {
      return rateLimiter.withHeaders(
          new LmiError(
                  405,
                  "METHOD_NOT_ALLOWED",
                  request.method() + " is not allowed on " + request.path() + "; use " + method)
              .reply()
              .withHeader("Allow", method),
          null);
    }
    String key = null;
    EmulatorReply reply;
    try {
      key = credentials.authenticate(request);
      reply = rateLimiter.take(key).orElseGet(() -> answer(endpoint.get(), request));
    } catch (LmiError e) {
      reply = e.reply();
    }
    return rateLimiter.withHeaders(reply, key);
  }

  @Override
  public EmulatorReply injected(int status, String message) {
    EmulatorReply reply = new LmiError(
            status,
            switch (status) {
              case 429 -> "RATE_LIMITED";
              case 502 -> "BAD_GATEWAY";
              case 503 -> "SERVICE_UNAVAILABLE";
              case 504 -> "GATEWAY_TIMEOUT";
              default -> "INTERNAL_ERROR";
            },
            message)
        .reply();
    return status == 429
        ? rateLimiter.withExhaustedHeaders(reply)
        : rateLimiter.withHeaders(reply, null);
  }

  /** @throws LmiError when the request is invalid */
  private EmulatorReply answer(String endpoint, EmulatorRequest request) {
    if (!endpoint.equals("regions")
        && !request.headers().getOrDefault("content-type", "").startsWith("application/json")) {
      throw new LmiError(
          400,
          "INVALID_INPUT",
          "Content-Type must be application/json",
          "Content-Type",
          request.headers().getOrDefault("content-type", "(none)"));
    }
    return EmulatorReply.json(
        200,
        switch (endpoint) {
          case "by-soc" ->
            responses
                .bySoc(LmiQuery.parse(request.body(), "socCodes", EmulatorData.SOC_FORMAT, data))
                .toString();
          case "by-cip" ->
            responses
                .byCip(LmiQuery.parse(request.body(), "cipCodes", EmulatorData.CIP_FORMAT, data))
                .toString();
          default -> responses.regions(request.queryParam("type")).toString();
        });
  }

  private static Optional<String> endpoint(String path) {
    if (!path.startsWith(PREFIX + "/")) {
      return Optional.empty();
    }
    String name = path.substring(PREFIX.length() + 1).replaceAll("/+$", "");
    return name.equals("by-soc") || name.equals("by-cip") || name.equals("regions")
        ? Optional.of(name)
        : Optional.empty();
  }
}
