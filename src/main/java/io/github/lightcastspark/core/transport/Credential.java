package io.github.lightcastspark.core.transport;

/**
 * A credential that must be fetched and can be refused, such as a bearer token. {@link ApiCaller} readies it before
 * each attempt waits for its turn, so that a fetch never spends a rate-limit slot; the attempt's request, built once
 * the turn has come, carries the credential current then (one readied before a long wait may have expired during
 * it); and a first 401 renews it.
 */
public interface Credential {
  /** Makes sure a valid credential is at hand, fetching one now if it must. */
  void ready();

  /** Drops the credential the refused request carried, so that the next attempt is built with a new one. */
  void renew();
}
