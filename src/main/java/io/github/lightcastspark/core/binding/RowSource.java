package io.github.lightcastspark.core.binding;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lightcastspark.core.plan.ApiRequest;
import java.util.List;

/** Answers planned requests with rows, as JSON objects keyed by column name. */
public interface RowSource {
  /** @return the rows answering {@code request} */
  List<ObjectNode> rows(ApiRequest request);
}
