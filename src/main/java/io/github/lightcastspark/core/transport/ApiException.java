package io.github.lightcastspark.core.transport;

import io.github.lightcastspark.core.options.Secret;

/**
 * A request that failed for good: a refusal by the API (4xx), or a retryable failure that outlasted its retries. The
 * message names the request (dataset, codes, region), the HTTP status, and the API's error code and message; it
 * never holds a credential (every one the JVM holds is scrubbed from it, whatever the server echoed).
 */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The error code of a response whose body is not the contract's shape. */
  public static final String MALFORMED_RESPONSE = "MALFORMED_RESPONSE";

  private final int status;
  private final String errorCode;
  private final String detail;

  /**
   * @param request what was asked, for the message
   * @param status the last HTTP status, or 0 when no response arrived
   * @param errorCode the API's error code, or null
   * @param detail the rest of the explanation
   * @param cause the underlying I/O or parse failure, or null
   */
  public ApiException(
      String request, int status, String errorCode, String detail, Throwable cause) {
    this(request, status, errorCode, detail, cause, null);
  }

  /**
   * @param remedy what the user can do about it, after the message; null when nothing but the message helps
   */
  ApiException(
      String request, int status, String errorCode, String detail, Throwable cause, String remedy) {
    super(
        Secret.scrub("Lightcast request failed for " + request + ": "
            + (status > 0 ? "HTTP " + status + " " : "")
            + (errorCode == null ? "" : errorCode + ": ") + detail
            + (remedy == null ? "" : ". " + remedy)),
        cause);
    this.status = status;
    this.errorCode = Secret.scrub(errorCode);
    this.detail = Secret.scrub(detail);
  }

  /**
   * @param request what was asked, for the message
   * @param why what in the 200 response is not the contract's shape
   * @return the failure of a response that arrived but cannot be read as the dataset's rows
   */
  public static ApiException malformed(String request, String why) {
    return new ApiException(request, 200, MALFORMED_RESPONSE, why, null);
  }

  /** @return the last HTTP status, or 0 when no response arrived */
  public int status() {
    return status;
  }

  /** @return the API's error code, or null */
  public String errorCode() {
    return errorCode;
  }

  /**
   * @return whether the API answered 404 with {@code code}: for some codes, the API's way of saying that a requested
   *     code has no data, which the dataset turns into a row with a warning rather than a failure
   */
  public boolean isNotFound(String code) {
    return status == 404 && code.equalsIgnoreCase(errorCode);
  }

  /** @return the explanation without the request: for a refusal, the API's own message */
  public String detail() {
    return detail;
  }
}
