package io.github.lightcastspark.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The emulator's one JSON mapper. */
final class Json {
  /** Thread-safe once configured, and costly to make. */
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}
}
