package io.github.lightcastspark.emulator;

/**
 * A token bucket on the emulator's clock: {@code capacity} requests at once, refilled continuously at
 * {@code capacity / window}. Thread-safe.
 */
final class TokenBucket {
  private final int capacity;
  private final double tokensPerNano;
  private double tokens;
  private long lastNanos;

  TokenBucket(int capacity, long windowNanos, long nowNanos) {
    this.capacity = capacity;
    this.tokensPerNano = (double) capacity / windowNanos;
    this.tokens = capacity;
    this.lastNanos = nowNanos;
  }

  /** @return whether a request may pass now (and takes its token) */
  synchronized boolean tryTake(long nowNanos) {
    refill(nowNanos);
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  synchronized int remaining(long nowNanos) {
    refill(nowNanos);
    return (int) Math.floor(tokens);
  }

  /** @return nanoseconds until one token is available */
  synchronized long nanosUntilToken(long nowNanos) {
    refill(nowNanos);
    return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / tokensPerNano);
  }

  /** @return nanoseconds until the bucket is full */
  synchronized long nanosUntilFull(long nowNanos) {
    refill(nowNanos);
    return (long) Math.ceil((capacity - tokens) / tokensPerNano);
  }

  private void refill(long nowNanos) {
    tokens = Math.min(capacity, tokens + (nowNanos - lastNanos) * tokensPerNano);
    lastNanos = Math.max(lastNanos, nowNanos);
  }
}
