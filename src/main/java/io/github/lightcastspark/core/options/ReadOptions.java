package io.github.lightcastspark.core.options;

import java.io.Serializable;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated, immutable options of one read, built by {@link ReadOptionsParser}: each option's value, or its
 * default, by its {@link ReadOption} declaration. Secrets are {@link Secret}s, so {@link #toString()} is safe to log.
 * The options only one API has are read through that API's settings (its binding's), the shared ones here.
 */
public final class ReadOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Dataset dataset;
  /** Values by option name; an option without a value (given or default) is absent. */
  private final Map<String, Object> values;

  ReadOptions(Dataset dataset, Map<String, Object> values) {
    this.dataset = dataset;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** @return the value of {@code option}, given or by default, if it has one */
  public <T> Optional<T> find(ReadOption<T> option) {
    return Optional.ofNullable(values.get(option.key())).map(option::cast);
  }

  /**
   * @return the value of {@code option}, given or by default
   * @throws IllegalStateException for an option without a default that was not given, or of another API
   */
  public <T> T get(ReadOption<T> option) {
    return find(option)
        .orElseThrow(() -> new IllegalStateException(
            "Option " + option.key() + " has no value for" + " dataset " + dataset.optionValue()));
  }

  /** @return the dataset read */
  public Dataset dataset() {
    return dataset;
  }

  /** @return the API root, without a trailing slash */
  public String baseUrl() {
    return get(ReadOption.BASE_URL);
  }

  /** @return the codes given by option, canonical and sorted, if any */
  public Optional<List<String>> codes() {
    return dataset.codeKind().flatMap(kind -> find(ReadOption.codesOf(kind)));
  }

  /** @return the table or view whose distinct keys the read asks for (option {@code keyTable}), if any */
  public Optional<String> keyTable() {
    return find(ReadOption.KEY_TABLE);
  }

  /** @return which of the key table's columns hold which request key (option {@code keyColumns}), if given */
  public Optional<Map<String, String>> keyColumns() {
    return find(ReadOption.KEY_COLUMNS);
  }

  /** @return the region type given by option, if any */
  public Optional<RegionType> regionType() {
    return find(ReadOption.REGION_TYPE);
  }

  /** @return the canonical region codes given by option, sorted, if any */
  public Optional<List<String>> regionCodes() {
    return find(ReadOption.REGION_CODES);
  }

  /** @return requests per second for the whole query */
  public double rateLimit() {
    return get(ReadOption.RATE_LIMIT);
  }

  /** @return retries per request after a retryable failure */
  public int maxRetries() {
    return get(ReadOption.MAX_RETRIES);
  }

  /** @return the longest time one request may spend retrying */
  public Duration maxRetryTime() {
    return get(ReadOption.MAX_RETRY_TIME);
  }

  /** @return the longest time one attempt may take */
  public Duration requestTimeout() {
    return get(ReadOption.REQUEST_TIMEOUT);
  }

  /** @return the number of partitions the user asks for, if any */
  public Optional<Integer> maxPartitions() {
    return find(ReadOption.MAX_PARTITIONS);
  }

  /** @return the level of the connector's own log lines the read asks for, if any */
  public Optional<String> logLevel() {
    return find(ReadOption.LOG_LEVEL);
  }

  /** @return about how long one partition's requests take */
  public Duration partitionTime() {
    return get(ReadOption.PARTITION_TIME);
  }

  /** @return the most requests the read may plan */
  public int maxRequests() {
    return get(ReadOption.MAX_REQUESTS);
  }

  /** @return how long a response may be reused; zero when responses are not kept */
  public Duration cacheTtl() {
    return find(ReadOption.CACHE_TTL)
        .orElse(cachePath().isPresent() ? ReadOption.STORE_DEFAULT_TTL : Duration.ZERO);
  }

  /** @return the folder of the response store, if the read keeps one */
  public Optional<String> cachePath() {
    return find(ReadOption.CACHE_PATH);
  }

  /** @return how the read uses the response store */
  public CacheMode cacheMode() {
    return CacheMode.of(get(ReadOption.CACHE_MODE));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ReadOptions o && o.dataset == dataset && o.values.equals(values);
  }

  @Override
  public int hashCode() {
    return dataset.hashCode() * 31 + values.hashCode();
  }

  @Override
  public String toString() {
    return "ReadOptions[dataset=" + dataset.optionValue() + ", " + values + "]";
  }
}
