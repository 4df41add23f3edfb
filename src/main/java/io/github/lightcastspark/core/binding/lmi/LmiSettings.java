package io.github.lightcastspark.core.binding.lmi;

import io.github.lightcastspark.core.options.Environment;
import io.github.lightcastspark.core.options.ReadOption;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.options.Secret;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The options only the Labor Market Intelligence datasets have, read from a read's options.
 *
 * @param options the read's options
 */
public record LmiSettings(ReadOptions options) {
  /** @return the platform key, sent as a bearer token */
  public Secret platformKey() {
    return options.get(ReadOption.PLATFORM_KEY);
  }

  /** @return the end-customer key, if given (required in production) */
  public Optional<Secret> customerKey() {
    return options.find(ReadOption.CUSTOMER_KEY);
  }

  /** @return the header that carries the customer key */
  public String customerKeyHeader() {
    return options.get(ReadOption.CUSTOMER_KEY_HEADER);
  }

  /** @return the API environment */
  public Environment environment() {
    return options.get(ReadOption.ENVIRONMENT);
  }

  /** @return whether to request skill requirements */
  public boolean includeSkills() {
    return options.get(ReadOption.INCLUDE_SKILLS);
  }

  /** @return whether MSA requests may fall back to state projections */
  public boolean fallbackToState() {
    return options.get(ReadOption.FALLBACK_TO_STATE);
  }

  /** @return the JSON name of the fallback flag */
  public String fallbackToStateField() {
    return options.get(ReadOption.FALLBACK_TO_STATE_FIELD);
  }

  /** @return the user's label of the data's vintage, empty when none is given */
  public String cacheVintage() {
    return options.find(ReadOption.CACHE_VINTAGE).orElse("");
  }

  /** @return environment, platform key, customer key and its header: what tells one LMI credential from another */
  public List<Object> credentialIdentity() {
    return Arrays.asList(
        environment(), platformKey(), customerKey().orElse(null), customerKeyHeader());
  }
}
