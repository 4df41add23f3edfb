package io.github.lightcastspark.core.binding.lmi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lightcastspark.core.binding.RowSource;
import io.github.lightcastspark.core.options.Dataset;
import io.github.lightcastspark.core.options.RegionType;
import io.github.lightcastspark.core.plan.ApiRequest;
import io.github.lightcastspark.core.transport.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a planned request with the dataset's rows. When a by-CIP response to several codes does not say which
 * code matched which occupation, pairing them would be a guess, so the request is asked again one code at a time;
 * the API is then remembered (per JVM) as one that needs this, so later requests go one code at a time at once
 * instead of paying twice, and the log says so once. A by-CIP request whose codes are all unknown may be answered
 * with 404 {@code CIP_NOT_FOUND} instead of warnings (API-CONTRACT A.5); it gives the same rows as the warnings would.
 */
public final class LmiRowSource implements RowSource {
  private static final Logger LOG = LoggerFactory.getLogger(LmiRowSource.class);
  private static final String CIP_NOT_FOUND = "CIP_NOT_FOUND";

  private final LmiClient client;
  private final String apiRoot;
  private final List<String> fields;
  private final Set<String> unattributed;

  /**
   * @param client sends the requests
   * @param apiRoot identifies the API, for the attribution memo
   * @param fields the sparse fieldset of every occupation request
   * @param unattributed the API roots the JVM found not to attribute by-CIP matches
   */
  public LmiRowSource(
      LmiClient client, String apiRoot, List<String> fields, Set<String> unattributed) {
    this.client = client;
    this.apiRoot = apiRoot;
    this.fields = List.copyOf(fields);
    this.unattributed = unattributed;
  }

  @Override
  public List<ObjectNode> rows(ApiRequest request) {
    if (request.dataset() == Dataset.REGIONS) {
      RegionType type = request.region() == null ? null : request.region().type();
      return RegionRows.of(client.regions(type), type, LmiClient.describeRegions(type));
    }
    boolean splitUpFront = request.dataset() == Dataset.OCCUPATIONS_BY_CIP
        && request.codes().size() > 1
        && unattributed.contains(apiRoot);
    if (!splitUpFront) {
      Optional<List<ObjectNode>> rows = OccupationRows.of(request, fetch(request));
      if (rows.isPresent()) {
        return rows.get();
      }
      if (unattributed.add(apiRoot)) {
        LOG.warn(
            "The by-cip response for {} does not say which CIP code matched each occupation; asking again one"
                + " CIP code per request, and doing so from the start for later requests to this API in this JVM.",
            request);
      }
    }
    List<ObjectNode> rows = new ArrayList<>();
    for (String code : request.codes()) {
      ApiRequest single = new ApiRequest(request.dataset(), List.of(code), request.region());
      rows.addAll(OccupationRows.of(single, fetch(single)).orElseThrow());
    }
    return rows;
  }

  /**
   * @return the response body; for a by-CIP 404 {@code CIP_NOT_FOUND}, the body the API sends otherwise: no
   *     occupation and one warning per requested code, carrying the API's code and message
   */
  private JsonNode fetch(ApiRequest request) {
    try {
      return client.fetch(request, fields);
    } catch (ApiException e) {
      if (request.dataset() != Dataset.OCCUPATIONS_BY_CIP || !e.isNotFound(CIP_NOT_FOUND)) {
        throw e;
      }
      ObjectNode root = JsonNodeFactory.instance.objectNode();
      ArrayNode warnings = root.putObject("data").putArray("warnings");
      request
          .codes()
          .forEach(code -> warnings
              .addObject()
              .put("code", CIP_NOT_FOUND)
              .put("message", e.detail())
              .put("cipCode", code));
      return root;
    }
  }
}
