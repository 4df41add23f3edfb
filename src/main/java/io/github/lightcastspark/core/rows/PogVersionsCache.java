package io.github.lightcastspark.core.rows;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.util.concurrent.UncheckedExecutionException;
import io.github.lightcastspark.core.http.PogClient;
import java.time.Duration;
import java.util.concurrent.ExecutionException;

/**
 * The POG vintage of each read, asked of {@code /meta} once per read and JVM, by whichever of the read's tasks
 * there needs it first (the others wait for that answer). Kept an hour after its last use.
 */
public final class PogVersionsCache {
  private static final Cache<String, PogVersions> BY_READ = CacheBuilder.newBuilder()
      .expireAfterAccess(Duration.ofHours(1)).build();

  private PogVersionsCache() {
  }

  /** @return the vintage of read {@code readId}, fetched with {@code client} on its first call in this JVM */
  public static PogVersions get(String readId, PogClient client) {
    try {
      return BY_READ.get(readId, () -> PogVersions.of(client.meta()));
    } catch (ExecutionException | UncheckedExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
