package io.github.lightcastspark.core.binding.pog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * The POG vintage of each read, asked of {@code /meta} once per read and JVM, by whichever of the read's tasks
 * there needs it first (the others wait for that answer). Kept an hour after its last use.
 */
public final class PogVersionsCache {
  private static final Cache<String, PogVersions> BY_READ = Caffeine.newBuilder()
      .expireAfterAccess(Duration.ofHours(1)).build();

  private PogVersionsCache() {
  }

  /** @return the vintage of read {@code readId}, fetched with {@code client} on its first call in this JVM */
  public static PogVersions get(String readId, PogClient client) {
    // A failed fetch is not kept: the next task of the read asks again.
    return BY_READ.get(readId, k -> PogVersions.of(client.meta()));
  }
}
