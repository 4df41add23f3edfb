package io.github.lightcastspark.core.jvm;

import io.github.lightcastspark.core.binding.ApiBinding;
import io.github.lightcastspark.core.binding.lmi.LmiBinding;
import io.github.lightcastspark.core.binding.pog.PogBinding;
import io.github.lightcastspark.core.options.Dataset;

/**
 * The binding of each API, over this JVM's state: the one place that maps an API to the code that knows it, and hands
 * that code what it keeps across reads.
 */
public final class Bindings {
  private Bindings() {}

  /** @return the binding of the API that serves {@code dataset} */
  public static ApiBinding of(Dataset dataset) {
    ExecutorState executor = ExecutorState.get();
    return switch (dataset.api()) {
      case LMI ->
        new LmiBinding(
            executor.responses(), DriverState.get().regionLists(), executor.unattributedCipApis());
      case POG ->
        new PogBinding(executor.responses(), executor::tokenProvider, executor.vintages());
    };
  }
}
