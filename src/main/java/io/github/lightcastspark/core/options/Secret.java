package io.github.lightcastspark.core.options;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * A credential that must reach the executors but never a log line, a plan string or an exception message:
 * {@link #toString()} always redacts it. Every credential the JVM holds (each secret made or received from the
 * driver, and each access token) is also remembered, so that {@link #scrub} can remove it, raw or URL-encoded, from
 * any text the connector did not write itself: what a server says in an error (a token endpoint may echo the form it
 * was sent), and the message of every exception the connector throws.
 */
public final class Secret implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String REDACTED = "<redacted>";
  /** Shorter values are not scrubbed: no real credential is that short, and "x" would garble every message. */
  private static final int MIN_SCRUBBED_LENGTH = 8;
  /**
   * Every credential of the JVM, raw and in each URL encoding, longest first (so that a credential containing another
   * is replaced whole); a few per credential and token, never removed.
   */
  private static final Set<String> KNOWN = new ConcurrentSkipListSet<>(
      Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));

  private final String value;

  private Secret(String value) {
    this.value = value;
    remember(value);
  }

  /** @return a secret holding {@code value}, or {@code null} when it is null or blank */
  public static Secret ofNullable(String value) {
    return value == null || value.isBlank() ? null : new Secret(value.strip());
  }

  /** Remembers {@code credential} (a token the JVM received) for {@link #scrub}. */
  public static void remember(String credential) {
    if (credential != null && credential.length() >= MIN_SCRUBBED_LENGTH) {
      String form = URLEncoder.encode(credential, StandardCharsets.UTF_8);
      KNOWN.add(credential);
      KNOWN.add(form);
      KNOWN.add(form.replace("+", "%20"));
      // RFC 3986, as most clients other than Java's form encoder write it: '~' bare, '*' escaped.
      KNOWN.add(form.replace("+", "%20").replace("*", "%2A").replace("%7E", "~"));
      KNOWN.add(lowerCaseEscapes(form));
    }
  }

  private static String lowerCaseEscapes(String encoded) {
    StringBuilder out = new StringBuilder(encoded);
    for (int i = encoded.indexOf('%');
        i >= 0 && i + 2 < encoded.length();
        i = encoded.indexOf('%', i + 1)) {
      out.replace(i + 1, i + 3, encoded.substring(i + 1, i + 3).toLowerCase(java.util.Locale.ROOT));
    }
    return out.toString();
  }

  /** @return {@code text} with every credential the JVM holds replaced by {@code <redacted>}; null stays null */
  public static String scrub(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String credential : KNOWN) {
      out = out.replace(credential, REDACTED);
    }
    return out;
  }

  /** A secret received from the driver is remembered on the executor too. */
  private Object readResolve() {
    remember(value);
    return this;
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
