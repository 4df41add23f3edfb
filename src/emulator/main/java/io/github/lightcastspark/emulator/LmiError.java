package io.github.lightcastspark.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** An LMI API error, rendered in the contract's envelope (A.3); thrown to end the handling of a request. */
final class LmiError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = Json.MAPPER;

  private final int status;
  private final String code;
  private final String field;
  private final String value;

  LmiError(int status, String code, String message) {
    this(status, code, message, null, null);
  }

  /**
   * @param field the request field at fault, named in {@code details}
   * @param value its offending value, or null when it has none (a missing field)
   */
  LmiError(int status, String code, String message, String field, String value) {
    // No stack trace: these are answers, not failures of the emulator.
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.field = field;
    this.value = value;
  }

  /** @return the reply: {@code {"object":"error","error":{code,message,details,documentationUrl}}} */
  EmulatorReply reply() {
    ObjectNode root = JSON.createObjectNode().put("object", "error");
    ObjectNode error = root.putObject("error").put("code", code).put("message", getMessage());
    ObjectNode details = error.putObject("details");
    if (field != null) {
      details.put("field", field);
    }
    if (value != null) {
      details.put("value", value);
    }
    error.put(
        "documentationUrl",
        "https://docs.mapademics.com/errors/" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    return EmulatorReply.json(status, root.toString());
  }
}
