package io.github.lightcastspark.core.transport;

/**
 * A request the API refused for a reason no retry can cure (a 4xx other than 429: a key it does not know, a quota
 * spent, a request it cannot read). Its own class, so that the driver can tell it from a failure that a task retry
 * might outlast, and fail the job at the first one instead of paying for every task attempt
 * ({@code spark.task.maxFailures}) to be refused again.
 */
public final class ApiRefusal extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * @param request what was asked, for the message
   * @param status the HTTP status
   * @param errorCode the API's error code, or null
   * @param detail the API's explanation
   */
  public ApiRefusal(String request, int status, String errorCode, String detail) {
    this(request, status, errorCode, detail, null);
  }

  /** @param remedy what the user can do about it, after the message; null when nothing but the message helps */
  ApiRefusal(String request, int status, String errorCode, String detail, String remedy) {
    super(request, status, errorCode, detail, null, remedy);
  }
}
