package io.github.lightcastspark.core.rows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lightcastspark.core.http.PogClient;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.plan.ApiRequest;
import io.github.lightcastspark.core.plan.KeyColumns;
import java.util.List;

/**
 * Answers an {@code occupation_growth} request (one occupation id, one region) with its one row: the request keys,
 * the API's figures, and the vintage from {@code /meta}, asked for by the first task of each JVM that needs it (on
 * the executor, inside the task's rate limit, so that planning and EXPLAIN send nothing).
 */
public final class PogRowSource implements RowSource {
  private final ReadOptions options;
  private final PogClient client;
  private PogVersions versions;

  /**
   * @param options the read's options
   * @param client sends the requests
   */
  public PogRowSource(ReadOptions options, PogClient client) {
    this.options = options;
    this.client = client;
  }

  @Override
  public List<ObjectNode> rows(ApiRequest request) {
    if (versions == null) {
      versions = PogVersionsCache.get(options, client);
    }
    String dimension = options.pog().dimension();
    JsonNode data = client.growth(request).path("data");
    ObjectNode row = JsonNodeFactory.instance.objectNode();
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
    return List.of(row);
  }
}
