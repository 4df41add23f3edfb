package io.github.lightcastspark.core.plan;

import io.github.lightcastspark.core.options.Dataset;
import java.io.Serializable;
import java.util.List;

/**
 * One planned API call: up to 25 codes for one region, or one region type for the regions list.
 *
 * @param dataset the dataset whose endpoint is called
 * @param codes the requested codes, sorted; empty for the regions list
 * @param region the region; for the regions list, the type asked for (null: every type)
 */
public record ApiRequest(Dataset dataset, List<String> codes, Region region)
    implements Serializable {

  /** Copies the codes so that the record is immutable. */
  public ApiRequest {
    codes = List.copyOf(codes);
  }

  /** @return a description for logs and error messages: dataset, codes and region */
  @Override
  public String toString() {
    String where = region == null ? "all regions" : region.toString();
    return dataset.optionValue() + (codes.isEmpty() ? "" : " " + codes) + " @ " + where;
  }
}
