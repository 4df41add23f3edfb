package io.github.lightcastspark.core.binding;

import io.github.lightcastspark.core.binding.lmi.LmiClient;
import io.github.lightcastspark.core.binding.lmi.LmiRowSource;
import io.github.lightcastspark.core.binding.pog.PogClient;
import io.github.lightcastspark.core.binding.pog.PogRowSource;
import io.github.lightcastspark.core.options.Dataset;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.transport.ApiCaller;
import java.util.List;

/** Picks the row source of a dataset's API. */
public final class RowSources {
  private RowSources() {
  }

  /**
   * @param options the read's options
   * @param caller sends the requests of one task
   * @param fields the LMI sparse fieldset (unused for POG)
   * @param readId the run of the read the task belongs to (the POG vintage is asked once per run and JVM)
   * @return the row source for the read's dataset
   */
  public static RowSource of(ReadOptions options, ApiCaller caller, List<String> fields, String readId) {
    return options.dataset().api() == Dataset.Api.LMI
        ? new LmiRowSource(new LmiClient(options, caller), options.baseUrl(), fields)
        : new PogRowSource(options, new PogClient(options, caller), readId);
  }
}
