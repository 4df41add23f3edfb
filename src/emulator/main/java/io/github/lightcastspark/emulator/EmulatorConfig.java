package io.github.lightcastspark.emulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** How an emulator behaves: environment, accepted keys and OAuth clients, rate limits, contract variants and data.
 * Immutable. */
public final class EmulatorConfig {
  /** Whether the emulator plays the testing or the production environment. */
  public enum Mode {
    /** Customer key optional; platform keys start with {@code pk_test_}. */
    TESTING,
    /** Customer key required; platform keys start with {@code pk_live_}. */
    PRODUCTION
  }

  private final int port;
  private final Mode mode;
  private final Set<String> platformKeys;
  private final Set<String> customerKeys;
  private final int lmiRateLimitRequests;
  private final Duration lmiRateLimitWindow;
  private final boolean cipAttribution;
  private final boolean unknownCipAs404;
  private final boolean quotaExceeded;
  private final Path dataDir;
  private final Map<String, PogClient> pogClients;
  private final Duration tokenTtl;
  private final int pogRequestsPerSecond;

  /**
   * An OAuth client the token endpoint knows.
   *
   * @param secret its secret
   * @param scopes the scopes it may ask for
   */
  record PogClient(String secret, Set<String> scopes) {}

  private EmulatorConfig(Builder b) {
    port = b.port;
    mode = b.mode;
    platformKeys = b.platformKeys;
    customerKeys = b.customerKeys;
    lmiRateLimitRequests = b.lmiRateLimitRequests;
    lmiRateLimitWindow = b.lmiRateLimitWindow;
    cipAttribution = b.cipAttribution;
    unknownCipAs404 = b.unknownCipAs404;
    quotaExceeded = b.quotaExceeded;
    dataDir = b.dataDir;
    pogClients = Map.copyOf(b.pogClients);
    tokenTtl = b.tokenTtl;
    pogRequestsPerSecond = b.pogRequestsPerSecond;
  }

  /** @return a builder with the contract's defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the contract's defaults: testing mode, any {@code pk_test_} key, 60 requests per 60 s, built-in data */
  public static EmulatorConfig defaults() {
    return builder().build();
  }

  /** @return the port, 0 for an ephemeral one */
  public int port() {
    return port;
  }

  /** @return the environment played */
  public Mode mode() {
    return mode;
  }

  /** @return whether {@code key} is an accepted platform key */
  public boolean acceptsPlatformKey(String key) {
    return platformKeys.isEmpty()
        ? key.startsWith(mode == Mode.TESTING ? "pk_test_" : "pk_live_")
        : platformKeys.contains(key);
  }

  /** @return whether {@code key} is an accepted end-customer key */
  public boolean acceptsCustomerKey(String key) {
    return customerKeys.isEmpty() ? key.startsWith("ck_") : customerKeys.contains(key);
  }

  /** @return LMI bucket capacity */
  public int lmiRateLimitRequests() {
    return lmiRateLimitRequests;
  }

  /** @return the time in which the LMI bucket refills completely */
  public Duration lmiRateLimitWindow() {
    return lmiRateLimitWindow;
  }

  /** @return whether by-CIP occupations say which requested CIP codes matched them */
  public boolean cipAttribution() {
    return cipAttribution;
  }

  /** @return whether a by-CIP request whose codes are all unknown gets 404 {@code CIP_NOT_FOUND} */
  public boolean unknownCipAs404() {
    return unknownCipAs404;
  }

  /** @return whether every authenticated LMI request gets 403 {@code QUOTA_EXCEEDED} */
  public boolean quotaExceeded() {
    return quotaExceeded;
  }

  /** @return the public-data directory to load instead of the built-in data, or null */
  public Path dataDir() {
    return dataDir;
  }

  /**
   * @return the scopes {@code clientId} may ask for when {@code secret} is right; empty when the client is refused.
   *     With no client configured, any non-blank id and secret may ask for any scope.
   */
  Optional<Set<String>> grantableScopes(String clientId, String secret) {
    if (clientId == null || clientId.isBlank() || secret == null || secret.isBlank()) {
      return Optional.empty();
    }
    if (pogClients.isEmpty()) {
      return Optional.of(Set.of("*"));
    }
    PogClient client = pogClients.get(clientId);
    return client != null && client.secret().equals(secret)
        ? Optional.of(client.scopes())
        : Optional.empty();
  }

  /** @return the lifetime of the access tokens it issues */
  public Duration tokenTtl() {
    return tokenTtl;
  }

  /** @return the Projected Occupation Growth API's limit per client */
  public int pogRequestsPerSecond() {
    return pogRequestsPerSecond;
  }

  /** Builds an {@link EmulatorConfig}. */
  public static final class Builder {
    private int port;
    private Mode mode = Mode.TESTING;
    private Set<String> platformKeys = Set.of();
    private Set<String> customerKeys = Set.of();
    private int lmiRateLimitRequests = 60;
    private Duration lmiRateLimitWindow = Duration.ofSeconds(60);
    private boolean cipAttribution = true;
    private boolean unknownCipAs404;
    private boolean quotaExceeded;
    private Path dataDir;
    private final Map<String, PogClient> pogClients = new HashMap<>();
    private Duration tokenTtl = Duration.ofHours(1);
    private int pogRequestsPerSecond = 5;

    private Builder() {}

    /** @return this builder, listening on {@code port} (0: ephemeral) */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be in 0..65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /** @return this builder, playing {@code mode} */
    public Builder mode(Mode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** @return this builder, accepting only these platform keys (none: any key of the mode's prefix) */
    public Builder platformKeys(String... keys) {
      this.platformKeys = Set.of(keys);
      return this;
    }

    /** @return this builder, accepting only these customer keys in production (none: any {@code ck_} key) */
    public Builder customerKeys(String... keys) {
      this.customerKeys = Set.of(keys);
      return this;
    }

    /** @return this builder, with a token bucket of {@code requests} refilled continuously over {@code window} */
    public Builder lmiRateLimit(int requests, Duration window) {
      if (requests < 1 || window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException(
            "the rate limit needs requests >= 1 and a positive window, got " + requests + " per "
                + window);
      }
      this.lmiRateLimitRequests = requests;
      this.lmiRateLimitWindow = window;
      return this;
    }

    /** @return this builder, with or without by-CIP attribution */
    public Builder cipAttribution(boolean on) {
      this.cipAttribution = on;
      return this;
    }

    /** @return this builder, answering all-unknown CIP requests with 404 or with 200 and warnings */
    public Builder unknownCipAs404(boolean on) {
      this.unknownCipAs404 = on;
      return this;
    }

    /** @return this builder, refusing every request with 403 {@code QUOTA_EXCEEDED} or not */
    public Builder quotaExceeded(boolean on) {
      this.quotaExceeded = on;
      return this;
    }

    /** @return this builder, serving a public-data directory instead of the built-in data */
    public Builder dataDir(Path dir) {
      this.dataDir = dir;
      return this;
    }

    /** @return this builder, with an OAuth client that may ask for {@code scopes} */
    public Builder pogClient(String clientId, String secret, String... scopes) {
      pogClients.put(clientId, new PogClient(secret, Set.of(scopes)));
      return this;
    }

    /** @return this builder, issuing tokens that expire after {@code ttl} (down to a second, to test expiry) */
    public Builder tokenTtl(Duration ttl) {
      this.tokenTtl = ttl;
      return this;
    }

    /** @return this builder, limiting each POG client to {@code perSecond} requests per second */
    public Builder pogRateLimit(int perSecond) {
      this.pogRequestsPerSecond = perSecond;
      return this;
    }

    /** @return the configuration */
    public EmulatorConfig build() {
      return new EmulatorConfig(this);
    }
  }
}
