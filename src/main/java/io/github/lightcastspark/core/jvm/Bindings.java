package io.github.lightcastspark.core.jvm;

import io.github.lightcastspark.core.binding.ApiBinding;
import io.github.lightcastspark.core.binding.lmi.LmiBinding;
import io.github.lightcastspark.core.binding.pog.PogBinding;
import io.github.lightcastspark.core.options.Dataset;

/** The binding of each API: the one place that maps an API to the code that knows it. */
public final class Bindings {
  private Bindings() {
  }

  /** @return the binding of the API that serves {@code dataset} */
  public static ApiBinding of(Dataset dataset) {
    return switch (dataset.api()) {
      case LMI -> new LmiBinding();
      case POG -> new PogBinding();
    };
  }
}
