package io.github.lightcastspark.core.options;

import io.github.lightcastspark.core.binding.pog.PogSettings;
import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The validated, immutable options of one read, built by {@link ReadOptionsParser}. Secrets are {@link Secret}s, so
 * {@link #toString()} is safe to log.
 *
 * @param dataset the dataset read
 * @param platformKey the LMI platform key (bearer token)
 * @param customerKey the end-customer key, or null (allowed only in testing)
 * @param customerKeyHeader the header that carries the customer key
 * @param environment the API environment
 * @param baseUrl the API root with its version prefix, without a trailing slash
 * @param codes the codes given by option, canonical and sorted, or null when not given
 * @param regionType the region type given by option, or null when not given
 * @param regionCodes canonical region codes given by option, sorted, or null when not given
 * @param includeSkills whether to request skill requirements
 * @param fallbackToState whether MSA queries may fall back to state projections
 * @param fallbackToStateField the JSON name of the fallback flag
 * @param rateLimit requests per second for the whole query
 * @param maxRetries retries per request after a retryable failure
 * @param maxRetryTime longest time one request may spend retrying
 * @param requestTimeout timeout of one request
 * @param maxPartitions the user's cap on partitions, or null
 * @param cacheTtl how long a response may be reused by its JVM; zero when responses are not kept
 * @param pog the Projected Occupation Growth settings, null for the LMI datasets
 */
public record ReadOptions(
    Dataset dataset,
    Secret platformKey,
    Secret customerKey,
    String customerKeyHeader,
    Environment environment,
    String baseUrl,
    List<String> codes,
    RegionType regionType,
    List<String> regionCodes,
    boolean includeSkills,
    boolean fallbackToState,
    String fallbackToStateField,
    double rateLimit,
    int maxRetries,
    Duration maxRetryTime,
    Duration requestTimeout,
    Integer maxPartitions,
    Duration cacheTtl,
    PogSettings pog) implements Serializable {

  /** The longest time a response may be reused ({@code cacheTtl}). */
  public static final Duration MAX_CACHE_TTL = Duration.ofHours(24);

  /** Copies the lists so that the record is truly immutable. */
  public ReadOptions {
    codes = codes == null ? null : List.copyOf(codes);
    regionCodes = regionCodes == null ? null : List.copyOf(regionCodes);
  }

  /** @return the codes given by option, if any */
  public Optional<List<String>> optionCodes() {
    return Optional.ofNullable(codes);
  }

  /** @return the region codes given by option, if any */
  public Optional<List<String>> optionRegionCodes() {
    return Optional.ofNullable(regionCodes);
  }

  /** @return the region type given by option, if any */
  public Optional<RegionType> optionRegionType() {
    return Optional.ofNullable(regionType);
  }

  /** @return the partition cap, if the user set one */
  public OptionalInt partitionCap() {
    return maxPartitions == null ? OptionalInt.empty() : OptionalInt.of(maxPartitions);
  }

  /**
   * @return what tells this read's credentials apart from another's, for keys that must not mix them (the secrets
   *     stay {@link Secret}s, so the result is safe to print)
   */
  public List<Object> credentialIdentity() {
    return pog == null ? Arrays.asList(environment, platformKey, customerKey, customerKeyHeader)
        : pog.credentialIdentity();
  }
}
