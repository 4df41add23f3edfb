package io.github.lightcastspark.core.transport;

import java.util.Map;

/**
 * A successful response.
 *
 * @param status the HTTP status (2xx)
 * @param body the raw body
 * @param headers the response headers, names lower-cased
 */
public record ApiResponse(int status, byte[] body, Map<String, String> headers) {
}
