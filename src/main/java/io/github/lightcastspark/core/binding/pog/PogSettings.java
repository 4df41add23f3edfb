package io.github.lightcastspark.core.binding.pog;

import io.github.lightcastspark.core.options.ReadOption;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.options.Secret;
import java.util.List;

/**
 * The options only the Projected Occupation Growth dataset has, read from a read's options.
 *
 * @param options the read's options
 */
public record PogSettings(ReadOptions options) {
  /** @return the OAuth client id (treated as a secret: it identifies the customer) */
  public Secret clientId() {
    return options.get(ReadOption.CLIENT_ID);
  }

  /** @return the OAuth client secret */
  public Secret clientSecret() {
    return options.get(ReadOption.CLIENT_SECRET);
  }

  /** @return the OAuth scope asked for */
  public String scope() {
    return options.get(ReadOption.SCOPE);
  }

  /** @return the token endpoint's full URL */
  public String authUrl() {
    return options.get(ReadOption.AUTH_URL);
  }

  /** @return {@code lotocc} or {@code lotspecocc} */
  public String dimension() {
    return options.get(ReadOption.DIMENSION);
  }

  /** @return the LOT taxonomy version, {@code 6} or {@code 7} */
  public String lotVersion() {
    return options.get(ReadOption.LOT_VERSION);
  }

  /**
   * @return what tells one OAuth client apart from another: token URL, client id, secret and scope (the secrets stay
   *     redacting {@link Secret}s, so the result is safe to print)
   */
  public List<Object> credentialIdentity() {
    return List.of(authUrl(), clientId(), clientSecret(), scope());
  }
}
