package io.github.lightcastspark.core.jvm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.lightcastspark.core.binding.pog.PogSettings;
import io.github.lightcastspark.core.binding.pog.PogVersions;
import io.github.lightcastspark.core.binding.pog.TokenProvider;
import io.github.lightcastspark.core.pacing.PacingPlan;
import io.github.lightcastspark.core.pacing.SlotPacer;
import io.github.lightcastspark.core.transport.ResponseCache;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Everything an executor JVM keeps across tasks and reads (a local-mode driver runs tasks, so it has this too), in
 * one place, each entry with its lifetime. The classes that use an entry are handed it (through {@link Bindings});
 * none keeps state of its own. Two things the JVM holds are not here: its one HTTP client (connections, no state of
 * a read) and the credentials {@link Secret} remembers for scrubbing, which are never forgotten, since a message about
 * a credential still held must never show it.
 */
public final class ExecutorState {
  private static volatile ExecutorState current = new ExecutorState();

  /** Responses of the reads that set {@code cacheTtl}: each for its read's TTL, at most a day and 64 MiB in all. */
  private final ResponseCache.Store responses = new ResponseCache.Store();
  /**
   * One pacer per schedule and lane: as long as any task holds it (weakly kept), however long the read, since an
   * expiry would split a lane in two.
   */
  private final Cache<String, SlotPacer> pacers =
      Caffeine.newBuilder().weakValues().build();
  /**
   * One token provider per OAuth client (token URL, client id, secret and scope; the secret is part of the key, so
   * that a corrected secret is not served a provider that holds the wrong one): for the JVM's life.
   */
  private final ConcurrentMap<List<Object>, TokenProvider> tokenProviders =
      new ConcurrentHashMap<>();
  /** The POG vintage of each run of a read: an hour after its last use. */
  private final Cache<String, CompletableFuture<PogVersions>> vintages =
      Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(1)).build();
  /** The LMI roots found not to attribute by-CIP matches to their codes: for the JVM's life. */
  private final Set<String> unattributedCipApis = ConcurrentHashMap.newKeySet();

  private ExecutorState() {}

  /** @return the JVM's state */
  public static ExecutorState get() {
    return current;
  }

  /** Starts the JVM's state afresh, for tests: every entry is dropped, and reads planned later see none of it. */
  public static void reset() {
    current = new ExecutorState();
  }

  /** @return the responses the JVM keeps */
  public ResponseCache.Store responses() {
    return responses;
  }

  /**
   * @param plan the schedule, as the read's tasks were given it
   * @param executorId this JVM's Spark executor id
   * @param lanesById the lanes the driver gave the executors live when the read was planned
   * @return this JVM's pacer for the schedule, shared by all its tasks, held at the plan's rate until closed
   */
  public SlotPacer.Held pacerFor(
      PacingPlan plan, String executorId, Map<String, Integer> lanesById) {
    int lane = plan.laneOf(executorId, lanesById);
    return pacers
        .get(
            plan.scheduleId() + "/" + lane,
            k -> new SlotPacer(
                plan.originMillis(),
                plan.slotMillis(),
                lane,
                plan.lanes(),
                System::currentTimeMillis))
        .heldAt(plan.slotMillis());
  }

  /** @return the JVM's token provider for the OAuth client of {@code settings} */
  public TokenProvider tokenProvider(PogSettings settings) {
    return tokenProviders.computeIfAbsent(
        settings.credentialIdentity(),
        k -> new TokenProvider(settings, settings.options().requestTimeout()));
  }

  /** @return the POG vintage of each run of a read */
  public Cache<String, CompletableFuture<PogVersions>> vintages() {
    return vintages;
  }

  /** @return the LMI roots that do not attribute by-CIP matches, so that their requests go one code at a time */
  public Set<String> unattributedCipApis() {
    return unattributedCipApis;
  }
}
