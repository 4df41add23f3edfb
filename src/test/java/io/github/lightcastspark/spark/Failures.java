package io.github.lightcastspark.spark;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.lightcastspark.core.transport.ApiException;
import java.io.PrintWriter;
import java.io.StringWriter;

/** The API failure behind what a Spark action threw, however Spark wrapped it. */
final class Failures {
  private Failures() {}

  /** @return the {@link ApiException} in {@code thrown}'s causes */
  static ApiException apiException(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof ApiException api) {
        return api;
      }
    }
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    throw new AssertionError("no ApiException in " + trace);
  }

  /** @return the {@link ApiException} that {@code read} fails with */
  static ApiException failure(Runnable read) {
    return apiException(assertThrows(Exception.class, read::run));
  }
}
