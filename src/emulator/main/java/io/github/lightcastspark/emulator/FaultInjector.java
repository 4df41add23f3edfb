package io.github.lightcastspark.emulator;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Faults a test switches on: latency, dropped connections, bursts of 429, 5xx on every Nth data request or at random,
 * malformed bodies, failing token requests. Counted faults ("the next N requests") are consumed in arrival order;
 * "data requests" are those that ask for data ({@code by-soc} and {@code by-cip}, not {@code regions}). All counters
 * start at zero. Thread-safe.
 */
public final class FaultInjector {
  /** What to do with one request before the API handles it. */
  sealed interface Fault permits None, Drop, Refused {}

  /** No fault: handle normally. */
  record None() implements Fault {}

  /** Close the connection without answering. */
  record Drop() implements Fault {}

  /** Answer {@code status} (429 or a 5xx) with the error envelope, and {@code Retry-After} when it is not negative. */
  record Refused(int status, int retryAfterSeconds) implements Fault {}

  private long latencyMinMillis;
  private long latencyMaxMillis;
  private int everyNth;
  private int everyNthStatus;
  private long dataRequestCount;
  private double errorRate;
  private Random errorRandom;
  private int tooManyLeft;
  private int retryAfterSeconds;
  private int unavailableLeft;
  private int untilFailure;
  private int failureStatus;
  private int unavailableRetryAfterSeconds;
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
    if (min.isNegative() || max.compareTo(min) < 0) {
      throw new IllegalArgumentException("latency needs 0 <= min <= max, got " + min + ", " + max);
    }
    latencyMinMillis = min.toMillis();
    latencyMaxMillis = max.toMillis();
    return this;
  }

  /**
   * @return this injector, answering every {@code n}th data request from now on (counting from one) with
   *     {@code status}, a 5xx, in the API's error format
   */
  public synchronized FaultInjector failEveryNth(int n, int status) {
    requireNthAndServerError("failEveryNth", n, status);
    everyNth = n;
    everyNthStatus = status;
    dataRequestCount = 0;
    return this;
  }

  /** @return this injector, answering a random share of data requests with 503, the same ones for the same seed */
  public synchronized FaultInjector serverErrorRate(double probability, long seed) {
    if (probability < 0 || probability > 1) {
      throw new IllegalArgumentException(
          "serverErrorRate needs a probability in [0, 1], got " + probability);
    }
    errorRate = probability;
    errorRandom = new Random(seed);
    return this;
  }

  /**
   * @return this injector, answering the next {@code count} requests with 429 and {@code Retry-After:
   *     retryAfterSeconds}, or without that header when {@code retryAfterSeconds < 0}
   */
  public synchronized FaultInjector tooManyRequests(int count, int retryAfterSeconds) {
    tooManyLeft = count;
    this.retryAfterSeconds = retryAfterSeconds;
    return this;
  }

  /**
   * @return this injector, answering the next {@code count} data requests with 503 and {@code Retry-After:
   *     retryAfterSeconds}: a service that says when it will be back
   */
  public synchronized FaultInjector serviceUnavailable(int count, int retryAfterSeconds) {
    unavailableLeft = count;
    unavailableRetryAfterSeconds = retryAfterSeconds;
    return this;
  }

  /**
   * @return this injector, answering only the {@code n}th data request from now (counting from one) with {@code
   *     status}, a 5xx, and the others normally: a failure at a known point of a read
   */
  public synchronized FaultInjector failNth(int n, int status) {
    requireNthAndServerError("failNth", n, status);
    untilFailure = n;
    failureStatus = status;
    return this;
  }

  private static void requireNthAndServerError(String fault, int n, int status) {
    if (n < 1 || status < 500 || status > 599) {
      throw new IllegalArgumentException(
          fault + " needs n >= 1 and a 5xx status, got " + n + ", " + status);
    }
  }

  /** @return this injector, cutting the body of the next {@code count} 200 responses in half: invalid JSON */
  public synchronized FaultInjector malformedBody(int count) {
    malformedLeft = count;
    return this;
  }

  /** @return this injector, closing the connection of the next {@code count} requests without any response */
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
    dataRequestCount = 0;
    errorRate = 0;
    errorRandom = null;
    tooManyLeft = 0;
    unavailableLeft = 0;
    untilFailure = 0;
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

  /** @return the fault for the request arriving now; {@code dataRequest}: whether it asks for data */
  synchronized Fault next(boolean dataRequest) {
    if (dropsLeft > 0) {
      dropsLeft--;
      return new Drop();
    }
    if (tooManyLeft > 0) {
      tooManyLeft--;
      return new Refused(429, retryAfterSeconds);
    }
    if (!dataRequest) {
      return new None();
    }
    if (unavailableLeft > 0) {
      unavailableLeft--;
      return new Refused(503, unavailableRetryAfterSeconds);
    }
    if (untilFailure > 0 && --untilFailure == 0) {
      return new Refused(failureStatus, -1);
    }
    dataRequestCount++;
    if (everyNth > 0 && dataRequestCount % everyNth == 0) {
      return new Refused(everyNthStatus, -1);
    }
    if (errorRandom != null && errorRandom.nextDouble() < errorRate) {
      return new Refused(503, -1);
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
