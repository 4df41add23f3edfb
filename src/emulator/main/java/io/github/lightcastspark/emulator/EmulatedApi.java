package io.github.lightcastspark.emulator;

/** One API the emulator plays under a path prefix; the server routes each request to the API that owns it. */
interface EmulatedApi {
  /** @return whether {@code path} belongs to this API */
  boolean owns(String path);

  /**
   * @return whether the request asks for data, the only kind that {@link FaultInjector#failEveryNth} and
   *     {@link FaultInjector#serverErrorRate} hit: by default every request of the API does
   */
  default boolean isDataRequest(EmulatorRequest request) {
    return true;
  }

  /** @return the reply to a request this API owns */
  EmulatorReply handle(EmulatorRequest request);

  /** @return the reply for a fault a test injected, in this API's error format */
  EmulatorReply injected(int status, String message);
}
