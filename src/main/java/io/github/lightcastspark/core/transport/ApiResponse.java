package io.github.lightcastspark.core.transport;

/**
 * A successful response.
 *
 * @param status the HTTP status (2xx)
 * @param body the raw body
 */
public record ApiResponse(int status, byte[] body) {}
