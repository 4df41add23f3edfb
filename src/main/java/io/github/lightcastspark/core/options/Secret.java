package io.github.lightcastspark.core.options;

import java.io.Serializable;
import java.util.Objects;

/**
 * A credential that must reach the executors but never a log line, a plan string or an exception message:
 * {@link #toString()} always redacts it.
 */
public final class Secret implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String REDACTED = "<redacted>";

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** @return a secret holding {@code value}, or {@code null} when it is null or blank */
  public static Secret ofNullable(String value) {
    return value == null || value.isBlank() ? null : new Secret(value.strip());
  }

  /** @return the credential itself, for the one place that puts it on the wire */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value);
  }

  @Override
  public String toString() {
    return REDACTED;
  }
}
