package io.github.lightcastspark.core.binding.pog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.plan.ApiRequest;
import io.github.lightcastspark.core.plan.Region;
import io.github.lightcastspark.core.transport.ApiCaller;
import io.github.lightcastspark.core.transport.JsonBodies;
import io.github.lightcastspark.core.transport.ResponseCache;
import java.util.function.Supplier;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;

/**
 * The Projected Occupation Growth API: one occupation and one region per growth request, with the JVM's shared
 * bearer token; a 401 renews the token once and sends the request again.
 */
public final class PogClient {
  private static final ObjectMapper JSON = JsonBodies.MAPPER;

  private final ReadOptions options;
  private final PogSettings pog;
  private final ApiCaller caller;
  private final TokenProvider tokens;
  /**
   * The token of the request built last. The caller builds each attempt just before sending it, so on a 401 this is
   * the token the refused request carried; one reader's task uses a client, one request at a time.
   */
  private String tokenInUse;

  /**
   * @param options the read's options
   * @param caller sends the requests (throttled, retried, counted)
   * @param tokens the JVM's token provider of the read's OAuth client
   */
  public PogClient(ReadOptions options, ApiCaller caller, TokenProvider tokens) {
    this.options = options;
    this.pog = new PogSettings(options);
    this.caller = caller;
    this.tokens = tokens;
  }

  /** @return the growth response for the one occupation id and region of {@code request} */
  public JsonNode growth(ApiRequest request) {
    ObjectNode body = body(request.codes().get(0), request.region());
    String url = options.baseUrl() + request.dataset().path() + pog.dimension() + "?lot_version=" + pog.lotVersion();
    return send(new ResponseCache.Key(pog.credentialIdentity(), "POST", url, body.toString()),
        () -> authorized(ClassicRequestBuilder.post(url)).setEntity(JsonBodies.entity(body)), request.toString());
  }

  /** @return the {@code /meta} response: model and taxonomy versions */
  public JsonNode meta() {
    String url = options.baseUrl() + "/meta?lot_version=" + pog.lotVersion();
    return send(new ResponseCache.Key(pog.credentialIdentity(), "GET", url, ""),
        () -> authorized(ClassicRequestBuilder.get(url)), "occupation_growth meta");
  }

  private JsonNode send(ResponseCache.Key key, Supplier<ClassicRequestBuilder> request, String description) {
    return caller.json(key, () -> request.get().build(), description, () -> tokens.invalidate(tokenInUse));
  }

  private ClassicRequestBuilder authorized(ClassicRequestBuilder builder) {
    tokenInUse = tokens.token();
    return builder.addHeader("Authorization", "Bearer " + tokenInUse).addHeader("Accept", "application/json");
  }

  private static ObjectNode body(String id, Region region) {
    ObjectNode body = JSON.createObjectNode().put("id", id);
    body.putObject("region").put("level", region.code() == null ? "nation" : "state")
        .put("id", region.code() == null ? "us" : region.apiCode());
    return body;
  }
}
