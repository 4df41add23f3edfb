package io.github.lightcastspark.emulator;

import java.util.Locale;

/**
 * Checks an LMI request's keys (contract A.2): the platform key as {@code Authorization: Bearer} or, as the older
 * docs have it, {@code X-API-Key}; the end-customer key as {@code X-Customer-Key} or {@code X-End-Customer-API-Key},
 * required in production only. Messages never contain a key.
 */
final class LmiCredentials {
  private static final String BEARER = "bearer ";

  private final EmulatorConfig config;

  LmiCredentials(EmulatorConfig config) {
    this.config = config;
  }

  /**
   * @return the key whose bucket the request draws on: the customer key, or the platform key when there is none
   *     (the contract limits per customer)
   * @throws LmiError 401 or 403 when the request may not pass
   */
  String authenticate(EmulatorRequest request) {
    String platformKey = platformKey(request);
    if (platformKey == null) {
      throw new LmiError(401, "UNAUTHORIZED", "Missing Authorization header");
    }
    if (!config.acceptsPlatformKey(platformKey)) {
      throw new LmiError(401, "INVALID_API_KEY", "Invalid API key");
    }
    String customerKey = nonBlank(request.headers().get("x-customer-key"));
    if (customerKey == null) {
      customerKey = nonBlank(request.headers().get("x-end-customer-api-key"));
    }
    if (config.mode() == EmulatorConfig.Mode.PRODUCTION) {
      if (customerKey == null) {
        throw new LmiError(403, "FORBIDDEN", "Missing X-Customer-Key header");
      }
      if (!config.acceptsCustomerKey(customerKey)) {
        throw new LmiError(403, "FORBIDDEN", "Invalid customer key");
      }
    }
    if (config.quotaExceeded()) {
      throw new LmiError(403, "QUOTA_EXCEEDED", "Access denied: quota exceeded");
    }
    return customerKey != null ? "customer " + customerKey : "platform " + platformKey;
  }

  private static String platformKey(EmulatorRequest request) {
    String authorization = nonBlank(request.headers().get("authorization"));
    if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      return nonBlank(authorization.substring(BEARER.length()));
    }
    return nonBlank(request.headers().get("x-api-key"));
  }

  private static String nonBlank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
