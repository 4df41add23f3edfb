package io.github.lightcastspark.emulator;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Faults a test switches on: latency, dropped connections, bursts of 429, 5xx on every Nth request or at random, and
 * malformed bodies, failing token requests. Counted faults ("the next N requests") are consumed in arrival order. Thread-safe.
 */
public final class FaultInjector {
  /** What to do with one request before the API handles it. */
  sealed interface Fault permits None, Drop, TooMany, ServerError {
  }

  /** No fault: handle normally. */
  record None() implements Fault {
  }

  /** Close the connection without answering. */
  record Drop() implements Fault {
  }

  /** Answer 429, with {@code Retry-After} when {@code retryAfterSeconds >= 0}. */
  record TooMany(int retryAfterSeconds) implements Fault {
  }

  /** Answer {@code status} with the error envelope. */
  record ServerError(int status) implements Fault {
  }

  private long latencyMinMillis;
  private long latencyMaxMillis;
  private int everyNth;
  private int everyNthStatus;
  private long requestCount;
  private double errorRate;
  private Random errorRandom;
  private int tooManyLeft;
  private int retryAfterSeconds;
  private int malformedLeft;
  private int dropsLeft;
  private int tokenErrorsLeft;
  private int tokenErrorStatus;

  /** @return this injector, delaying every response by {@code fixed} */
  public FaultInjector latency(Duration fixed) {
    return latency(fixed, fixed);
  }

  /** @return this injector, delaying every response by a uniformly random time in [min, max] */
  public synchronized FaultInjector latency(Duration min, Duration max) {
    latencyMinMillis = min.toMillis();
    latencyMaxMillis = Math.max(min.toMillis(), max.toMillis());
    return this;
  }

  /** @return this injector, answering every {@code n}th API request with {@code status} */
  public synchronized FaultInjector failEveryNth(int n, int status) {
    everyNth = n;
    everyNthStatus = status;
    requestCount = 0;
    return this;
  }

  /** @return this injector, answering a random share of API requests with 503 */
  public synchronized FaultInjector serverErrorRate(double probability, long seed) {
    errorRate = probability;
    errorRandom = new Random(seed);
    return this;
  }

  /** @return this injector, answering the next {@code count} requests with 429 */
  public synchronized FaultInjector tooManyRequests(int count, int retryAfterSeconds) {
    tooManyLeft = count;
    this.retryAfterSeconds = retryAfterSeconds;
    return this;
  }

  /** @return this injector, truncating the body of the next {@code count} successful responses */
  public synchronized FaultInjector malformedBody(int count) {
    malformedLeft = count;
    return this;
  }

  /** @return this injector, dropping the connection of the next {@code count} requests */
  public synchronized FaultInjector dropConnection(int count) {
    dropsLeft = count;
    return this;
  }

  /** @return this injector, answering the next {@code count} token requests with {@code status} */
  public synchronized FaultInjector tokenErrors(int count, int status) {
    tokenErrorsLeft = count;
    tokenErrorStatus = status;
    return this;
  }

  /** @return this injector, with every fault off */
  public synchronized FaultInjector reset() {
    latencyMinMillis = 0;
    latencyMaxMillis = 0;
    everyNth = 0;
    requestCount = 0;
    errorRate = 0;
    errorRandom = null;
    tooManyLeft = 0;
    malformedLeft = 0;
    dropsLeft = 0;
    tokenErrorsLeft = 0;
    return this;
  }

  long latencyMillis() {
    long min;
    long max;
    synchronized (this) {
      min = latencyMinMillis;
      max = latencyMaxMillis;
    }
    return max <= min ? min : ThreadLocalRandom.current().nextLong(min, max + 1);
  }

  synchronized Fault next() {
    requestCount++;
    if (dropsLeft > 0) {
      dropsLeft--;
      return new Drop();
    }
    if (tooManyLeft > 0) {
      tooManyLeft--;
      return new TooMany(retryAfterSeconds);
    }
    if (everyNth > 0 && requestCount % everyNth == 0) {
      return new ServerError(everyNthStatus);
    }
    if (errorRandom != null && errorRandom.nextDouble() < errorRate) {
      return new ServerError(503);
    }
    return new None();
  }

  /** @return the status to fail this token request with, or 0 */
  synchronized int takeTokenError() {
    if (tokenErrorsLeft > 0) {
      tokenErrorsLeft--;
      return tokenErrorStatus;
    }
    return 0;
  }

  synchronized boolean takeMalformed() {
    if (malformedLeft > 0) {
      malformedLeft--;
      return true;
    }
    return false;
  }
}
