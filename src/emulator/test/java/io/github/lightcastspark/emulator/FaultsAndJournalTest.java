package io.github.lightcastspark.emulator;

import static io.github.lightcastspark.emulator.EmulatorHttp.KEY;
import static io.github.lightcastspark.emulator.EmulatorHttp.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.NullNode;
import io.github.lightcastspark.emulator.EmulatorHttp.Reply;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every fault a test can inject, and the journal of requests. */
class FaultsAndJournalTest extends SharedEmulatorTest {
  private static final String BODY = "{'socCodes':['15-1252']}";

  @BeforeEach
  void clean() {
    emulator.faults().reset();
    emulator.journal().clear();
  }

  private static List<Integer> statuses(int requests) {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      statuses.add(post(emulator, "by-soc", BODY).status());
    }
    return statuses;
  }

  @Test
  void tooManyRequestsAnswers429WithOrWithoutRetryAfter() {
    emulator.faults().tooManyRequests(2, 3);
    long now = System.currentTimeMillis() / 1000;
    Reply first = post(emulator, "by-soc", BODY);
    assertEquals(429, first.status());
    assertEquals("RATE_LIMITED", first.code());
    assertEquals("3", first.header("Retry-After"));
    assertEquals("0", first.header("X-RateLimit-Remaining"));
    long reset = Long.parseLong(first.header("X-RateLimit-Reset"));
    assertTrue(reset > now && reset <= now + 2, "the next second, got " + reset);
    assertEquals(
        429, EmulatorHttp.regions(emulator, "type=state").status(), "any request, not only data");
    assertEquals(200, post(emulator, "by-soc", BODY).status());

    emulator.faults().tooManyRequests(1, -1);
    Reply noHeader = post(emulator, "by-soc", BODY);
    assertEquals(429, noHeader.status());
    assertNull(noHeader.header("Retry-After"));
  }

  @Test
  void failEveryNthCountsDataRequestsOnly() {
    emulator.faults().failEveryNth(3, 502);
    assertEquals(List.of(200, 200), statuses(2));
    assertEquals(200, EmulatorHttp.regions(emulator, "type=msa").status(), "not a data request");
    Reply third = post(emulator, "by-cip", "{'cipCodes':['11.0701']}");
    assertEquals(502, third.status());
    assertEquals("error", third.body().path("object").asText());
    assertEquals("BAD_GATEWAY", third.code());
    assertEquals("10000", third.header("X-RateLimit-Limit"));
    assertEquals(List.of(200, 200, 502), statuses(3));
    emulator.faults().failEveryNth(1, 500);
    assertEquals(List.of(500, 500), statuses(2));
    assertEquals("INTERNAL_ERROR", post(emulator, "by-soc", BODY).code());
  }

  @Test
  void failNthFailsThatOneDataRequestAndServiceUnavailableSaysWhenToComeBack() {
    emulator.faults().failNth(2, 503);
    assertEquals(200, EmulatorHttp.regions(emulator, "type=msa").status(), "not a data request");
    assertEquals(List.of(200, 503, 200, 200), statuses(4));
    emulator.faults().serviceUnavailable(2, 3);
    Reply unavailable = post(emulator, "by-soc", BODY);
    assertEquals(503, unavailable.status());
    assertEquals("SERVICE_UNAVAILABLE", unavailable.code());
    assertEquals("3", unavailable.header("Retry-After"));
    assertEquals(List.of(503, 200), statuses(2));
  }

  @Test
  void serverErrorRateIsRandomButRepeatableBySeed() {
    emulator.faults().serverErrorRate(0.5, 42);
    List<Integer> first = statuses(12);
    emulator.faults().reset().serverErrorRate(0.5, 42);
    assertEquals(first, statuses(12));
    assertTrue(first.contains(503) && first.contains(200), first.toString());
    emulator.faults().reset().serverErrorRate(1.0, 1);
    assertEquals(200, EmulatorHttp.regions(emulator, null).status(), "not a data request");
  }

  @Test
  void malformedBodiesAreTruncatedJsonWithStatus200() {
    emulator.faults().malformedBody(1);
    assertEquals(
        400, post(emulator, "by-soc", "{}").status(), "only successful responses are spoilt");
    Reply malformed = post(emulator, "by-soc", BODY);
    assertEquals(200, malformed.status());
    assertTrue(malformed.body().isMissingNode(), malformed.raw().body());
    assertTrue(malformed.raw().body().startsWith("{\"data\":"));
    assertEquals(200, post(emulator, "by-soc", BODY).status());
    assertFalse(post(emulator, "by-soc", BODY).body().isMissingNode());
  }

  @Test
  void droppedConnectionsGetNoResponse() {
    emulator.faults().dropConnection(2);
    assertThrows(UncheckedIOException.class, () -> post(emulator, "by-soc", BODY));
    // A POST, because the JDK's client silently retries a GET whose reused connection closes
    // unanswered.
    assertThrows(
        UncheckedIOException.class, () -> post(emulator, "by-cip", "{'cipCodes':['11.0701']}"));
    assertEquals(200, post(emulator, "by-soc", BODY).status());
    assertEquals(
        List.of(0, 0, 200),
        emulator.journal().entries().stream().map(JournalEntry::status).toList());
  }

  @Test
  void latencyDelaysEveryResponse() {
    emulator.faults().latency(Duration.ofMillis(120));
    long start = System.nanoTime();
    assertEquals(200, post(emulator, "by-soc", BODY).status());
    assertTrue(System.nanoTime() - start >= 120_000_000L);
    emulator.faults().reset().latency(Duration.ofMillis(50), Duration.ofMillis(90));
    start = System.nanoTime();
    assertEquals(200, post(emulator, "by-soc", BODY).status());
    assertTrue(System.nanoTime() - start >= 50_000_000L);
  }

  @Test
  void invalidFaultsAreRefused() {
    FaultInjector faults = emulator.faults();
    assertThrows(IllegalArgumentException.class, () -> faults.failEveryNth(0, 503));
    assertThrows(IllegalArgumentException.class, () -> faults.failEveryNth(2, 404));
    assertThrows(IllegalArgumentException.class, () -> faults.failNth(0, 503));
    assertThrows(IllegalArgumentException.class, () -> faults.serverErrorRate(1.5, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> faults.latency(Duration.ofMillis(5), Duration.ofMillis(1)));
  }

  @Test
  void theJournalKeepsEveryRequestInOrderWithLowerCasedHeaders() {
    post(
        emulator, "by-soc", BODY, "Authorization", "Bearer " + KEY, "X-Customer-Key", "ck_journal");
    post(emulator, "by-cip", "not json");
    EmulatorHttp.regions(emulator, "type=state&x=1");
    List<JournalEntry> entries = emulator.journal().entries();
    assertEquals(3, entries.size());
    JournalEntry bySoc = entries.get(0);
    assertEquals("POST", bySoc.method());
    assertEquals("/v1/labor-market-intelligence/by-soc", bySoc.path());
    assertNull(bySoc.query());
    assertEquals("Bearer " + KEY, bySoc.headers().get("authorization"));
    assertEquals("ck_journal", bySoc.headers().get("x-customer-key"));
    assertEquals("15-1252", bySoc.bodyJson().path("socCodes").get(0).asText());
    assertEquals(200, bySoc.status());
    assertEquals(NullNode.getInstance(), entries.get(1).bodyJson());
    assertEquals(400, entries.get(1).status());
    assertEquals("type=state&x=1", entries.get(2).query());
    assertEquals("", entries.get(2).body());
    assertEquals(NullNode.getInstance(), entries.get(2).bodyJson());
    assertTrue(entries.get(0).receivedNanos() > 0);
    assertTrue(entries.get(0).receivedNanos() <= entries.get(1).receivedNanos()
        && entries.get(1).receivedNanos() <= entries.get(2).receivedNanos());

    assertEquals(List.of(entries.get(1)), emulator.journal().entries("/by-cip"));
    assertEquals(List.of(), emulator.journal().entries("/nothing"));
    emulator.journal().clear();
    assertEquals(List.of(), emulator.journal().entries());
  }
}
