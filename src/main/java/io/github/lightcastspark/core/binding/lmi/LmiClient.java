package io.github.lightcastspark.core.binding.lmi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lightcastspark.core.options.Dataset;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.options.RegionType;
import io.github.lightcastspark.core.plan.ApiRequest;
import io.github.lightcastspark.core.transport.ApiCaller;
import io.github.lightcastspark.core.transport.JsonBodies;
import io.github.lightcastspark.core.transport.ResponseCache;
import java.util.List;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;

/**
 * The Labor Market Intelligence API: builds each request (URL, auth headers, JSON body) and parses the answer. Every
 * call goes through an {@link ApiCaller}, so it is throttled, retried and counted.
 */
public final class LmiClient {
  private static final ObjectMapper JSON = JsonBodies.MAPPER;

  private final ReadOptions options;
  private final LmiSettings settings;
  private final ApiCaller caller;

  /**
   * @param options the read's options (base URL, keys, request flags)
   * @param caller sends the requests
   */
  public LmiClient(ReadOptions options, ApiCaller caller) {
    this.options = options;
    this.settings = new LmiSettings(options);
    this.caller = caller;
  }

  /**
   * @param request the codes and region to ask for
   * @param fields the occupation fields to return (sparse fieldset)
   * @return the parsed response body
   * @throws ApiException when the API refuses the request, retries run out or the body is not JSON
   */
  public JsonNode fetch(ApiRequest request, List<String> fields) {
    ObjectNode body = body(request, fields);
    String url = occupationsUrl(request);
    return caller.json(
        occupationsKey(request, body),
        () -> authorized(ClassicRequestBuilder.post(url))
            .setEntity(JsonBodies.entity(body))
            .build(),
        request.toString(),
        null);
  }

  /**
   * @param type the region type to list, or null for every type
   * @return the parsed regions list
   */
  public JsonNode regions(RegionType type) {
    String url = regionsUrl(type);
    return caller.json(
        regionsKey(type),
        () -> authorized(ClassicRequestBuilder.get(url)).build(),
        describeRegions(type),
        null);
  }

  /**
   * @param request a planned request: of occupations, or of the regions list
   * @param fields the occupation fields it asks for
   * @return what makes it the same request as another, for the response cache and its store
   */
  public ResponseCache.Key keyOf(ApiRequest request, List<String> fields) {
    return request.dataset() == Dataset.REGIONS
        ? regionsKey(request.region() == null ? null : request.region().type())
        : occupationsKey(request, body(request, fields));
  }

  private ResponseCache.Key occupationsKey(ApiRequest request, ObjectNode body) {
    return key("POST", occupationsUrl(request), body.toString());
  }

  private ResponseCache.Key regionsKey(RegionType type) {
    return key("GET", regionsUrl(type), "");
  }

  private String occupationsUrl(ApiRequest request) {
    return options.baseUrl() + request.dataset().path();
  }

  private String regionsUrl(RegionType type) {
    return options.baseUrl() + "/labor-market-intelligence/regions"
        + (type == null ? "" : "?type=" + type.apiName());
  }

  /** @return how logs and errors name the regions request of {@code type} (null: every type) */
  public static String describeRegions(RegionType type) {
    return "regions @ " + (type == null ? "all regions" : type.apiName());
  }

  /** @return the JSON body of {@code request}, with the contract's field names */
  public ObjectNode body(ApiRequest request, List<String> fields) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode codes = body.putArray(request.dataset().codeKind().orElseThrow().optionName());
    request.codes().forEach(codes::add);
    body.put("regionType", request.region().type().apiName());
    if (request.region().code() != null) {
      body.put("region", request.region().apiCode());
    }
    ArrayNode fieldArray = body.putArray("fields");
    fields.forEach(fieldArray::add);
    body.put("includeSkills", settings.includeSkills());
    if (settings.fallbackToState() && request.region().type() == RegionType.MSA) {
      body.put(settings.fallbackToStateField(), true);
    }
    return body;
  }

  private ClassicRequestBuilder authorized(ClassicRequestBuilder builder) {
    builder
        .addHeader("Authorization", "Bearer " + settings.platformKey().reveal())
        .addHeader("Accept", "application/json");
    settings
        .customerKey()
        .ifPresent(key -> builder.addHeader(settings.customerKeyHeader(), key.reveal()));
    return builder;
  }

  private ResponseCache.Key key(String method, String url, String body) {
    return new ResponseCache.Key(settings.credentialIdentity(), method, url, body)
        .ofVintage(settings.cacheVintage());
  }
}
