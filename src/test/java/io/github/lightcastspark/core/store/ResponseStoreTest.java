package io.github.lightcastspark.core.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on the local file system through Hadoop's API, as on any other it supports. */
class ResponseStoreTest {
  private static final Duration DAY = Duration.ofDays(1);
  private static final byte[] BODY = "{\"data\":[1,2,3]}".getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path dir;

  private ResponseStore store() {
    return ResponseStore.open(dir.toString(), new Configuration());
  }

  private Path entryFile(ResponseStore store, String digest) {
    return Path.of(store.entry(digest).toUri());
  }

  @Test
  void anEntryAnswersInAnotherStoreOfTheSameFolderUntilItsTtl() {
    ResponseStore first = store();
    String digest = ResponseStore.digest(first.credentialHash("key-a"), "POST", "/by-soc", "{}");
    assertEquals(Lookup.Outcome.MISS, first.read(digest, DAY, 1000).outcome());
    first.write(digest, BODY, 1000);

    ResponseStore second = store();
    assertEquals(first.credentialHash("key-a"), second.credentialHash("key-a"), "one salt");
    Lookup hit = second.read(digest, DAY, 1000 + DAY.toMillis());
    assertEquals(Lookup.Outcome.HIT, hit.outcome());
    assertArrayEquals(BODY, hit.body().orElseThrow());
    assertEquals(
        Lookup.Outcome.EXPIRED, second.read(digest, DAY, 1001 + DAY.toMillis()).outcome());
  }

  @Test
  void anotherCredentialOrRequestIsAnotherEntry() {
    ResponseStore store = store();
    assertNotEquals(store.credentialHash("key-a"), store.credentialHash("key-b"));
    String a = ResponseStore.digest(store.credentialHash("key-a"), "POST", "/by-soc", "{}");
    store.write(a, BODY, 0);
    for (String other : List.of(
        ResponseStore.digest(store.credentialHash("key-b"), "POST", "/by-soc", "{}"),
        ResponseStore.digest(store.credentialHash("key-a"), "POST", "/by-soc", "{ }"),
        ResponseStore.digest(store.credentialHash("key-a"), "POST", "/by-so", "c{}"))) {
      assertEquals(Lookup.Outcome.MISS, store.read(other, DAY, 0).outcome());
    }
  }

  @Test
  void aTruncatedAlteredOrMisplacedEntryIsCorrupt() throws IOException {
    ResponseStore store = store();
    String digest = ResponseStore.digest("x");
    store.write(digest, BODY, 0);
    Path file = entryFile(store, digest);
    byte[] whole = Files.readAllBytes(file);

    Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 1));
    assertEquals(Lookup.Outcome.CORRUPT, store.read(digest, DAY, 0).outcome());
    byte[] altered = whole.clone();
    altered[altered.length - 2] = '9';
    Files.write(file, altered);
    assertEquals(Lookup.Outcome.CORRUPT, store.read(digest, DAY, 0).outcome());
    Files.write(file, "not an entry".getBytes(StandardCharsets.UTF_8));
    assertEquals(Lookup.Outcome.CORRUPT, store.read(digest, DAY, 0).outcome());

    // Another request's entry copied under this name.
    String other = ResponseStore.digest("y");
    store.write(other, BODY, 0);
    Files.copy(entryFile(store, other), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertEquals(Lookup.Outcome.CORRUPT, store.read(digest, DAY, 0).outcome());

    store.write(digest, BODY, 0);
    assertEquals(Lookup.Outcome.HIT, store.read(digest, DAY, 0).outcome(), "written again");
  }

  @Test
  void concurrentWritersOfOneEntryLeaveOneWholeEntry() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> writes = new ArrayList<>();
      String digest = ResponseStore.digest("same");
      for (int i = 0; i < 16; i++) {
        writes.add(pool.submit(() -> store().write(digest, BODY, 0)));
      }
      for (Future<?> write : writes) {
        write.get();
      }
      assertArrayEquals(BODY, store().read(digest, DAY, 0).body().orElseThrow());
      try (Stream<Path> files = Files.walk(dir)) {
        assertEquals(
            List.of(),
            files.map(Path::toString).filter(name -> name.contains(".tmp-")).toList(),
            "no temporary file left");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theFolderHoldsNoCredential() throws IOException {
    ResponseStore store = store();
    String secret = "pk_live_not-a-real-key-0123456789";
    store.write(ResponseStore.digest(store.credentialHash(secret), "GET", "/x", ""), BODY, 0);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertEquals(-1, file.toString().indexOf(secret));
        assertEquals(-1, Files.readString(file, StandardCharsets.ISO_8859_1).indexOf(secret));
      }
    }
  }
}
