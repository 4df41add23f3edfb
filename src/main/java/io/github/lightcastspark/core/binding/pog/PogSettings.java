package io.github.lightcastspark.core.binding.pog;

import io.github.lightcastspark.core.options.Secret;
import java.io.Serializable;
import java.util.List;

/**
 * The options only the Projected Occupation Growth dataset has.
 *
 * @param clientId the OAuth client id (treated as a secret: it identifies the customer)
 * @param clientSecret the OAuth client secret
 * @param scope the OAuth scope asked for
 * @param authUrl the token endpoint's full URL
 * @param dimension {@code lotocc} or {@code lotspecocc}
 * @param lotVersion the LOT taxonomy version, {@code 6} or {@code 7}
 */
public record PogSettings(Secret clientId, Secret clientSecret, String scope, String authUrl, String dimension,
    String lotVersion) implements Serializable {
  /** The scope of this API. */
  public static final String DEFAULT_SCOPE = "projected-occupation-growth";
  /** Lightcast's token endpoint. */
  public static final String DEFAULT_AUTH_URL = "https://auth.emsicloud.com/connect/token";
  /** The API's root. */
  public static final String DEFAULT_BASE_URL = "https://api.lightcast.io/projected-occupation-growth";

  /**
   * @return what tells one OAuth client apart from another: token URL, client id, secret and scope (the secrets stay
   *     redacting {@link Secret}s, so the result is safe to print)
   */
  public List<Object> credentialIdentity() {
    return List.of(authUrl, clientId, clientSecret, scope);
  }
}
