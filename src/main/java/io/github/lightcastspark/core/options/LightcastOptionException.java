package io.github.lightcastspark.core.options;

/**
 * A read option or a filter that the connector cannot honour. The message names the option or column, the bad value
 * (never a secret: any credential the JVM holds is scrubbed from it) and what is valid; it is thrown on the driver
 * before any request is sent.
 */
public final class LightcastOptionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** @param message the complete, user-facing explanation */
  public LightcastOptionException(String message) {
    super(Secret.scrub(message));
  }
}
