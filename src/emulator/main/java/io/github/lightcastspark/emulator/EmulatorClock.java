package io.github.lightcastspark.emulator;

/** The emulator's clock: nanoseconds since it started, which the journal and the rate limiter share. */
final class EmulatorClock {
  private final long start = System.nanoTime();

  long nanos() {
    return System.nanoTime() - start;
  }

  long epochMillis() {
    return System.currentTimeMillis();
  }
}
