package io.github.lightcastspark.core.binding.pog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.plan.ApiRequest;
import io.github.lightcastspark.core.plan.Region;
import io.github.lightcastspark.core.transport.ApiCaller;
import io.github.lightcastspark.core.transport.Credential;
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
  private final Bearer bearer = new Bearer();

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

  /**
   * @param vintage the model and taxonomy versions {@code /meta} gave this run: a stored answer of another vintage
   *     never answers
   * @return the growth response for the one occupation id and region of {@code request}
   */
  public JsonNode growth(ApiRequest request, PogVersions vintage) {
    ObjectNode body = body(request.codes().get(0), request.region());
    String url = growthUrl(request);
    return send(
        growthKey(url, body, vintage),
        () -> authorized(ClassicRequestBuilder.post(url)).setEntity(JsonBodies.entity(body)),
        request.toString());
  }

  /** @return what makes a growth request of {@code vintage} the same as another, for the cache and its store */
  public ResponseCache.Key growthKey(ApiRequest request, PogVersions vintage) {
    return growthKey(growthUrl(request), body(request.codes().get(0), request.region()), vintage);
  }

  private ResponseCache.Key growthKey(String url, ObjectNode body, PogVersions vintage) {
    return new ResponseCache.Key(pog.credentialIdentity(), "POST", url, body.toString())
        .ofVintage(vintage.toString());
  }

  private String growthUrl(ApiRequest request) {
    return options.baseUrl() + request.dataset().path() + pog.dimension() + "?lot_version="
        + pog.lotVersion();
  }

  /** @return the {@code /meta} response: model and taxonomy versions */
  public JsonNode meta() {
    String url = options.baseUrl() + "/meta?lot_version=" + pog.lotVersion();
    return send(
        new ResponseCache.Key(pog.credentialIdentity(), "GET", url, "").asLive(),
        () -> authorized(ClassicRequestBuilder.get(url)),
        "occupation_growth meta");
  }

  private JsonNode send(
      ResponseCache.Key key, Supplier<ClassicRequestBuilder> request, String description) {
    return caller.json(key, () -> request.get().build(), description, bearer);
  }

  private ClassicRequestBuilder authorized(ClassicRequestBuilder builder) {
    return builder
        .addHeader("Authorization", bearer.header())
        .addHeader("Accept", "application/json");
  }

  /** The JVM's shared token as this client's requests carry it, one request at a time (one reader's task). */
  private final class Bearer implements Credential {
    /** The token of the request built last: on a 401, the refused one, each attempt being built as it leaves. */
    private String inUse;

    @Override
    public void ready() {
      tokens.token();
    }

    @Override
    public void renew() {
      tokens.invalidate(inUse);
    }

    /** @return the {@code Authorization} value of the request leaving now */
    String header() {
      inUse = tokens.current();
      return "Bearer " + inUse;
    }
  }

  private static ObjectNode body(String id, Region region) {
    ObjectNode body = JSON.createObjectNode().put("id", id);
    body.putObject("region")
        .put("level", region.code() == null ? "nation" : "state")
        .put("id", region.code() == null ? "us" : region.apiCode());
    return body;
  }
}
