package io.github.lightcastspark.core.binding.pog;

import io.github.lightcastspark.core.transport.ApiException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth 2.0 client-credentials tokens, one provider per JVM and (token URL, client credentials, scope), shared by
 * every task of an executor. At most one fetch is in flight however many tasks ask at the same moment: the first
 * fetches, holding no lock over the HTTP exchange; while it renews a token that is still valid, the others go on with
 * that token at once, and with none valid they wait for the fetch's result. A request readies its token
 * ({@link #token()}) before it waits for its rate-limit slot and carries the one valid when it leaves
 * ({@link #current()}). A token is renewed well before it expires ({@link #refreshMargin}), and dropped when the API
 * answers 401 so that the next request fetches a new one. A fetch ({@link TokenFetcher}) has its own small retry
 * budget; a refused client or scope fails at once with a message that names the scope, never the secret. A renewal
 * that fails while the current token is still valid keeps that token (and tries again a little later) rather than
 * failing tasks that could still run; a fetch that fails with no valid token to fall back on fails every caller for a
 * second without being sent again, so that tasks waiting for it do not each repeat it in turn.
 */
public final class TokenProvider {
  private static final Logger LOG = LoggerFactory.getLogger(TokenProvider.class);
  private static final Duration MAX_MARGIN = Duration.ofMinutes(5);
  /** How long a failed fetch with no valid token to fall back on is answered with its failure. */
  private static final Duration FAILURE_MEMORY = Duration.ofSeconds(1);
  /** When to try a failed renewal again, while the current token is still valid. */
  private static final Duration RENEWAL_RETRY = Duration.ofSeconds(10);

  private final PogSettings settings;
  private final TokenFetcher fetcher;
  private final LongSupplier clock;
  private String token;
  private long refreshAtNanos;
  private long expiresAtNanos;
  private ApiException lastFailure;
  private long failedAtNanos;
  /** The fetch in flight, which every caller without a valid token waits for; null when none is. */
  private CompletableFuture<String> inFlight;

  TokenProvider(PogSettings settings, Duration timeout, LongSupplier clock) {
    this.settings = settings;
    this.clock = clock;
    this.fetcher = new TokenFetcher(settings, timeout);
  }

  /**
   * @param settings the OAuth client: token URL, client id, secret and scope
   * @param timeout the longest one token request may take
   */
  public TokenProvider(PogSettings settings, Duration timeout) {
    this(settings, timeout, System::nanoTime);
  }

  /**
   * How long before expiry a token is renewed: a quarter of its lifetime, at most five minutes, so that an hour-long
   * token is renewed at 55 minutes and a two-second one at 1.5 seconds.
   */
  static Duration refreshMargin(Duration lifetime) {
    Duration quarter = lifetime.dividedBy(4);
    return quarter.compareTo(MAX_MARGIN) < 0 ? quarter : MAX_MARGIN;
  }

  /**
   * @return a valid access token: the current one while it is not due for renewal, or while another caller renews it
   *     and it is still valid; else the one fetch in flight's, which this caller starts if there is none
   * @throws ApiException when the fetch failed with no valid token to fall back on, or one did within the last second
   */
  public String token() {
    while (true) {
      CompletableFuture<String> flight;
      boolean fetches;
      synchronized (this) {
        long now = clock.getAsLong();
        if (token != null && (now < refreshAtNanos || inFlight != null && now < expiresAtNanos)) {
          return token;
        }
        fetches = inFlight == null;
        if (fetches) {
          if (lastFailure != null && now - failedAtNanos < FAILURE_MEMORY.toNanos()) {
            throw lastFailure;
          }
          inFlight = new CompletableFuture<>();
        }
        flight = inFlight;
      }
      if (fetches) {
        return fetchFor(flight);
      }
      try {
        return flight.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof ApiException failed) {
          throw failed;
        }
        // The fetching caller failed on its own account (interrupted, say), not the endpoint: fetch
        // anew.
      }
    }
  }

  /**
   * @return the token for a request leaving now: the current one while it is valid, even if due for renewal (the
   *     next {@link #token()} renews it, before its request waits for a slot); else one fetched as {@link #token()}
   */
  public String current() {
    synchronized (this) {
      if (token != null && clock.getAsLong() < expiresAtNanos) {
        return token;
      }
    }
    return token();
  }

  /** Drops {@code rejected} if it is still the current token, so that the next {@link #token()} fetches anew. */
  public synchronized void invalidate(String rejected) {
    if (rejected != null && rejected.equals(token)) {
      token = null;
    }
  }

  /** Fetches, holding no lock, and settles {@code flight} (the one in flight) for the callers waiting for it. */
  private String fetchFor(CompletableFuture<String> flight) {
    TokenFetcher.Issued issued;
    try {
      issued = fetcher.fetch();
    } catch (ApiException e) {
      return keepOrFail(e, flight);
    } catch (RuntimeException | Error e) {
      synchronized (this) {
        inFlight = null;
      }
      flight.completeExceptionally(e);
      throw e;
    }
    long now = clock.getAsLong();
    synchronized (this) {
      token = issued.token();
      refreshAtNanos =
          now + issued.lifetime().minus(refreshMargin(issued.lifetime())).toNanos();
      expiresAtNanos = now + issued.lifetime().toNanos();
      lastFailure = null;
      inFlight = null;
    }
    flight.complete(issued.token());
    return issued.token();
  }

  /** @return the current token, kept after a failed renewal while it is valid; else throws {@code e} to every caller */
  private synchronized String keepOrFail(ApiException e, CompletableFuture<String> flight) {
    inFlight = null;
    // The fetch and its retries took time: judge the old token, and time the failure, from when it
    // ended.
    long now = clock.getAsLong();
    if (token == null || now >= expiresAtNanos) {
      lastFailure = e;
      failedAtNanos = now;
      flight.completeExceptionally(e);
      throw e;
    }
    long retryInNanos = Math.min(RENEWAL_RETRY.toNanos(), (expiresAtNanos - now) / 2);
    LOG.warn(
        "Could not renew the {} ({}); the current one stays in use for up to {} s more, and renewal is tried"
            + " again in {} ms",
        settings.scope() + " token",
        e.getMessage(),
        (expiresAtNanos - now) / 1_000_000_000,
        retryInNanos / 1_000_000);
    refreshAtNanos = now + retryInNanos;
    flight.complete(token);
    return token;
  }
}
