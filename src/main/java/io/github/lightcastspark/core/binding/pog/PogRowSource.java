package io.github.lightcastspark.core.binding.pog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import io.github.lightcastspark.core.binding.RowSource;
import io.github.lightcastspark.core.plan.ApiRequest;
import io.github.lightcastspark.core.plan.KeyColumns;
import io.github.lightcastspark.core.transport.ApiException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Answers an {@code occupation_growth} request (one occupation id, one region) with its one row: the request keys,
 * the API's figures, and the vintage from {@code /meta}, asked for by the first task of each run of the read in
 * each JVM (on the executor, inside the task's rate limit, so that planning and EXPLAIN send nothing; per run, so
 * that a long-lived session sees a new model version when the API has one). An id the API has no data
 * for (404 {@code Not Found}, "Unrecognized id") still gets its row, with null figures and a {@code NOT_FOUND}
 * warning, as the LMI datasets treat a code the API does not know: a stale id among thousands costs one row, not the
 * query. Any other 404 (a wrong URL, dimension or taxonomy version: {@code URL not found}) fails as an error.
 */
public final class PogRowSource implements RowSource {
  /** The title of the API's 404 for an id without data; a wrong path is "URL not found". */
  private static final String NO_DATA_TITLE = "Not Found";

  private final PogSettings settings;
  private final PogClient client;
  private final Cache<String, CompletableFuture<PogVersions>> vintages;
  private final String runId;
  private PogVersions versions;

  /**
   * @param settings the read's POG settings
   * @param client sends the requests
   * @param vintages the vintage of each run of a read, as the JVM keeps them: asked of {@code /meta} by whichever
   *     of the run's tasks needs it first (the others wait for that answer); a failed fetch is not kept, so the next
   *     task asks again
   * @param runId the run of the read the rows are for
   */
  public PogRowSource(
      PogSettings settings,
      PogClient client,
      Cache<String, CompletableFuture<PogVersions>> vintages,
      String runId) {
    this.settings = settings;
    this.client = client;
    this.vintages = vintages;
    this.runId = runId;
  }

  @Override
  public List<ObjectNode> rows(ApiRequest request) {
    if (versions == null) {
      versions = vintage();
    }
    String dimension = settings.dimension();
    ObjectNode row = JsonNodeFactory.instance.objectNode();
    ArrayNode warnings = JsonNodeFactory.instance.arrayNode();
    JsonNode data;
    try {
      data = growthData(request, client.growth(request, versions));
    } catch (ApiException e) {
      if (!e.isNotFound(NO_DATA_TITLE)) {
        throw e;
      }
      data = MissingNode.getInstance();
      warnings.addObject().put("code", "NOT_FOUND").put("message", e.detail());
    }
    row.put("dimension", dimension);
    row.put("occupationId", request.codes().get(0));
    row.put(KeyColumns.REGION_TYPE, request.region().type().apiName());
    row.put(KeyColumns.REGION_CODE, request.region().code());
    row.set("name", data.path("name"));
    row.set("regionName", data.path("region").path("name"));
    row.set("baseEmployment", data.path("baseEmployment"));
    row.set("growthPercent", data.path("growthPercent"));
    row.put("modelVersion", versions.modelVersion());
    row.put("lotVersion", versions.lotVersion());
    row.put("areaVersion", versions.areaVersion());
    row.set("warnings", warnings);
    return List.of(row);
  }

  /**
   * @return the run's vintage: the run's first task in this JVM asks {@code /meta}, and the others wait for its answer,
   *     or share its failure, holding no lock while it is asked; a failure is not kept, so a later task asks again
   */
  private PogVersions vintage() {
    CompletableFuture<PogVersions> asked = new CompletableFuture<>();
    CompletableFuture<PogVersions> first = vintages.asMap().putIfAbsent(runId, asked);
    if (first != null) {
      try {
        return first.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
    }
    try {
      PogVersions answer = PogVersions.of(client.meta());
      asked.complete(answer);
      return answer;
    } catch (Throwable failure) {
      vintages.asMap().remove(runId, asked);
      asked.completeExceptionally(failure);
      throw failure;
    }
  }

  /**
   * @return the response's {@code data}: an object about the requested id
   * @throws ApiException {@code MALFORMED_RESPONSE} for any other shape, or an answer about another id, which would
   *     otherwise become a row of null figures under the requested id
   */
  private static JsonNode growthData(ApiRequest request, JsonNode root) {
    JsonNode data = root.path("data");
    if (!data.isObject()) {
      throw ApiException.malformed(request.toString(), "the response has no \"data\" object");
    }
    JsonNode id = data.path("id");
    if (!id.isTextual()) {
      throw ApiException.malformed(request.toString(), "the response names no occupation id");
    }
    if (!request.codes().get(0).equalsIgnoreCase(id.asText())) {
      throw ApiException.malformed(
          request.toString(),
          "the response is about occupation id " + id + ", not the one requested");
    }
    return data;
  }
}
