package io.github.lightcastspark.spark;

import io.github.lightcastspark.core.plan.ApiRequest;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.connector.read.InputPartition;

/**
 * The requests one task sends, in order.
 *
 * @param index this partition's position
 * @param count how many partitions the query has
 * @param requests the requests
 */
public record LightcastInputPartition(int index, int count, List<ApiRequest> requests)
    implements InputPartition {

  /** Copies the requests so that the partition is immutable. */
  public LightcastInputPartition {
    requests = List.copyOf(requests);
  }

  @Override
  public String toString() {
    return "LightcastInputPartition " + (index + 1) + "/" + count + " (" + requests.size()
        + " requests: "
        + requests.stream().map(ApiRequest::toString).collect(Collectors.joining("; ")) + ")";
  }
}
