package io.github.lightcastspark.core.binding.pog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lightcastspark.TestOptions;
import io.github.lightcastspark.core.jvm.ExecutorState;
import io.github.lightcastspark.core.transport.ApiException;
import io.github.lightcastspark.emulator.EmulatorConfig;
import io.github.lightcastspark.emulator.JournalEntry;
import io.github.lightcastspark.emulator.LightcastEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token cache against the emulator's token endpoint. */
class TokenProviderTest {
  private static final String SCOPE = "projected-occupation-growth";

  /** 31 s into a 40 s token: due for renewal (at 30 s), still valid. */
  private static final Duration DUE_FOR_RENEWAL = Duration.ofSeconds(31);

  private static LightcastEmulator fortySecondTokens() {
    return LightcastEmulator.start(EmulatorConfig.builder()
        .pogClient("tp-client", "<client-secret>", SCOPE)
        .tokenTtl(Duration.ofSeconds(40))
        .build());
  }

  private static PogSettings settings(LightcastEmulator emulator) {
    return new PogSettings(TestOptions.growth(emulator, "tp-client"));
  }

  @Test
  void tasksStartingTogetherShareOneFetch() throws Exception {
    try (LightcastEmulator emulator = LightcastEmulator.start(EmulatorConfig.builder()
        .pogClient("tp-client", "<client-secret>", SCOPE)
        .build())) {
      emulator.faults().latency(Duration.ofMillis(200));
      TokenProvider provider = ExecutorState.get().tokenProvider(settings(emulator));
      ExecutorService pool = Executors.newFixedThreadPool(16);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> tokens = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        tokens.add(pool.submit(() -> {
          start.await();
          return provider.token();
        }));
      }
      start.countDown();
      Set<String> distinct = new HashSet<>();
      for (Future<String> t : tokens) {
        distinct.add(t.get());
      }
      pool.shutdown();
      assertEquals(1, distinct.size());
      assertEquals(1, emulator.journal().entries("/connect/token").size());
      assertEquals(
          provider, ExecutorState.get().tokenProvider(settings(emulator)), "one per JVM and key");

      String first = distinct.iterator().next();
      provider.invalidate("some-other-token");
      assertEquals(first, provider.token(), "only the rejected token is dropped");
      provider.invalidate(first);
      assertNotEquals(first, provider.token());
      assertEquals(2, emulator.journal().entries("/connect/token").size());
    }
  }

  @Test
  void aFailedRenewalKeepsTheStillValidTokenAndAFailedFetchIsNotRepeatedByEveryWaiter() {
    try (LightcastEmulator emulator = fortySecondTokens()) {
      AtomicLong nanos = new AtomicLong();
      TokenProvider provider =
          new TokenProvider(settings(emulator), Duration.ofSeconds(5), nanos::get);
      String first = provider.token();
      nanos.set(DUE_FOR_RENEWAL.toNanos());
      emulator.faults().tokenErrors(3, 503);
      assertEquals(first, provider.token(), "due for renewal at 30 s, but valid until 40 s");
      assertEquals(
          4,
          emulator.journal().entries("/connect/token").size(),
          "one fetch, then a renewal of 3 tries");
      nanos.set(Duration.ofSeconds(35).toNanos());
      assertEquals(
          first, provider.token(), "renewal tried again only after 10 s, or half the time left");
      assertEquals(4, emulator.journal().entries("/connect/token").size());
      nanos.set(Duration.ofSeconds(36).toNanos());
      assertNotEquals(first, provider.token());
      assertEquals(5, emulator.journal().entries("/connect/token").size());

      nanos.set(Duration.ofSeconds(100).toNanos());
      emulator.faults().tokenErrors(3, 503);
      ApiException failed = assertThrows(ApiException.class, provider::token);
      assertSame(
          failed, assertThrows(ApiException.class, provider::token), "a waiter within a second");
      assertEquals(
          8, emulator.journal().entries("/connect/token").size(), "the failed fetch was sent once");
      nanos.set(Duration.ofSeconds(102).toNanos());
      provider.token();
      assertEquals(9, emulator.journal().entries("/connect/token").size());
    }
  }

  @Test
  void aTaskAskingDuringARenewalGetsTheStillValidTokenAtOnce() throws Exception {
    try (LightcastEmulator emulator = fortySecondTokens()) {
      AtomicLong nanos = new AtomicLong();
      TokenProvider provider =
          new TokenProvider(settings(emulator), Duration.ofSeconds(5), nanos::get);
      String first = provider.token();
      nanos.set(DUE_FOR_RENEWAL.toNanos());
      emulator.faults().latency(Duration.ofMillis(1000));
      ExecutorService renewer = Executors.newSingleThreadExecutor();
      Future<String> renewal = renewer.submit(provider::token);
      Thread.sleep(200);
      long asked = System.nanoTime();
      String during = provider.token();
      long waitedMillis = (System.nanoTime() - asked) / 1_000_000;
      assertEquals(first, during, "due for renewal at 30 s, being renewed, and valid until 40 s");
      assertTrue(
          waitedMillis < 100, "waited " + waitedMillis + " ms for the renewal another task makes");
      String renewed = renewal.get();
      renewer.shutdown();
      assertNotEquals(first, renewed, "the task that began the renewal waits for it");
      assertEquals(renewed, provider.token());
      assertEquals(
          2, emulator.journal().entries("/connect/token").size(), "one fetch, one renewal");
    }
  }

  @Test
  void aRequestLeavingNowCarriesTheStillValidTokenWithoutRenewingIt() {
    try (LightcastEmulator emulator = fortySecondTokens()) {
      AtomicLong nanos = new AtomicLong();
      TokenProvider provider =
          new TokenProvider(settings(emulator), Duration.ofSeconds(5), nanos::get);
      String first = provider.token();
      nanos.set(DUE_FOR_RENEWAL.toNanos());
      assertEquals(first, provider.current(), "due for renewal at 30 s, but valid until 40 s");
      assertEquals(
          1,
          emulator.journal().entries("/connect/token").size(),
          "no fetch inside a request's slot");
      nanos.set(Duration.ofSeconds(40).toNanos());
      assertNotEquals(first, provider.current(), "expired: there is no other token to send");
      assertEquals(2, emulator.journal().entries("/connect/token").size());
    }
  }

  @Test
  void aSlowFailedFetchIsRememberedFromWhenItEnded() {
    try (LightcastEmulator emulator = LightcastEmulator.start(EmulatorConfig.builder()
        .pogClient("tp-client", "<client-secret>", SCOPE)
        .build())) {
      emulator.faults().latency(Duration.ofMillis(400)).tokenErrors(6, 503);
      TokenProvider provider =
          new TokenProvider(settings(emulator), Duration.ofSeconds(5), System::nanoTime);
      ApiException failed = assertThrows(ApiException.class, provider::token);
      assertSame(
          failed, assertThrows(ApiException.class, provider::token), "the next task, right after");
      assertEquals(
          3,
          emulator.journal().entries("/connect/token").size(),
          "one fetch of 3 tries, well over 1 s");
    }
  }

  @Test
  void tokensAreRenewedWellBeforeTheyExpire() {
    assertEquals(Duration.ofMinutes(5), TokenProvider.refreshMargin(Duration.ofHours(1)));
    assertEquals(Duration.ofMillis(500), TokenProvider.refreshMargin(Duration.ofSeconds(2)));
  }

  @Test
  void aFailingTokenEndpointIsRetriedWithinItsOwnBudget() {
    try (LightcastEmulator emulator = LightcastEmulator.start(EmulatorConfig.builder()
        .pogClient("tp-client", "<client-secret>", SCOPE)
        .build())) {
      emulator.faults().tokenErrors(2, 503);
      TokenProvider provider = ExecutorState.get().tokenProvider(settings(emulator));
      provider.token();
      assertEquals(
          List.of(503, 503, 200),
          emulator.journal().entries("/connect/token").stream()
              .map(e -> e.status())
              .toList());
    }
  }

  @Test
  void aRateLimitedTokenRequestWaitsBeforeItsRetry() {
    try (LightcastEmulator emulator = LightcastEmulator.start(EmulatorConfig.builder()
        .pogClient("tp-client", "<client-secret>", SCOPE)
        .build())) {
      emulator.faults().tokenErrors(1, 429);
      ExecutorState.get().tokenProvider(settings(emulator)).token();
      List<JournalEntry> requests = emulator.journal().entries("/connect/token");
      assertEquals(
          List.of(429, 200), requests.stream().map(JournalEntry::status).toList());
      long waitedMillis = requests.get(1).millisAfter(requests.get(0));
      assertTrue(waitedMillis >= 100, "the retry of a 429 came after " + waitedMillis + " ms");
    }
  }
}
