package io.github.lightcastspark.emulator;

/** One API the emulator plays under a path prefix. */
interface EmulatedApi {
  /** @return whether {@code path} belongs to this API */
  boolean owns(String path);

  /** @return the reply to a request this API owns */
  EmulatorReply handle(EmulatorRequest request);

  /** @return the reply for a fault a test injected, in this API's error format */
  EmulatorReply injected(int status, String message);
}
