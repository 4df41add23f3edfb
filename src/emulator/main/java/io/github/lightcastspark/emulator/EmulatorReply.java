package io.github.lightcastspark.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response the emulator sends.
 *
 * @param status HTTP status
 * @param body JSON text
 * @param headers extra headers
 */
record EmulatorReply(int status, String body, Map<String, String> headers) {

  /** @return a JSON reply without extra headers */
  static EmulatorReply json(int status, String body) {
    return new EmulatorReply(status, body, new LinkedHashMap<>());
  }

  /** @return this reply with one more header */
  EmulatorReply withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new EmulatorReply(status, body, copy);
  }
}
