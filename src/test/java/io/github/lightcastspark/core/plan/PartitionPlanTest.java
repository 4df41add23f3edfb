package io.github.lightcastspark.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.lightcastspark.core.options.Dataset;
import io.github.lightcastspark.core.options.RegionType;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Partitions sized by time at each task's share of the rate, or as the user asks; stored answers spread evenly. */
class PartitionPlanTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private static List<ApiRequest> requests(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> new ApiRequest(
            Dataset.OCCUPATION_GROWTH,
            List.of(String.valueOf(i)),
            new Region(RegionType.STATE, "06")))
        .toList();
  }

  private static List<Integer> sizes(PartitionPlan plan) {
    return plan.partitions().stream().map(List::size).toList();
  }

  @Test
  void aShortReadHasOnePartitionPerCoreAndTheUsersCountWins() {
    List<ApiRequest> nine = requests(9);
    PartitionPlan two =
        PartitionPlan.of(nine, Set.of(), new PartitionPlan.Sizing(2, 4.8, MINUTE, 0));
    assertEquals(List.of(5, 4), sizes(two));
    assertEquals(nine, two.partitions().stream().flatMap(List::stream).toList());
    assertEquals(
        List.of(3, 3, 3),
        sizes(PartitionPlan.of(nine, Set.of(), new PartitionPlan.Sizing(8, 4.8, MINUTE, 3))));
    assertEquals(
        List.of(2, 1, 1, 1, 1, 1, 1, 1),
        sizes(PartitionPlan.of(nine, Set.of(), new PartitionPlan.Sizing(2, 4.8, MINUTE, 8))));
    assertEquals(
        1,
        PartitionPlan.of(nine.subList(0, 1), Set.of(), new PartitionPlan.Sizing(8, 4.8, MINUTE, 0))
            .partitions()
            .size());
    assertEquals(
        0,
        PartitionPlan.of(List.of(), Set.of(), new PartitionPlan.Sizing(8, 4.8, MINUTE, 0))
            .partitions()
            .size());
  }

  /**
   * 40,800 growth requests at 4.8/s over 2 cores: each task sends 2.4 a second, so a minute is 144 requests and the
   * read is 284 partitions, not 2 of 68 minutes each.
   */
  @Test
  void aLongReadIsCutIntoPartitionsOfAboutAMinuteAtEachTasksShareOfTheRate() {
    List<ApiRequest> planned = requests(40_800);
    PartitionPlan plan =
        PartitionPlan.of(planned, Set.of(), new PartitionPlan.Sizing(2, 4.8, MINUTE, 0));
    assertEquals(284, plan.partitions().size());
    assertEquals(144, plan.partitions().get(0).size());
    assertEquals(planned, plan.partitions().stream().flatMap(List::stream).toList());
    assertEquals(
        1134,
        PartitionPlan.of(
                planned, Set.of(), new PartitionPlan.Sizing(2, 4.8, Duration.ofSeconds(15), 0))
            .partitions()
            .size());
  }

  /** The stored answers cost next to nothing: the partitions follow the requests to send, each with its share. */
  @Test
  void storedAnswersAreSpreadOverThePartitionsOfTheRequestsToSend() {
    List<ApiRequest> planned = requests(1_000);
    Set<ApiRequest> stored = Set.copyOf(planned.subList(0, 760));
    PartitionPlan plan =
        PartitionPlan.of(planned, stored, new PartitionPlan.Sizing(2, 4.8, MINUTE, 0));
    assertEquals(760, plan.answered());
    assertEquals(240, plan.toSend());
    assertEquals(
        2,
        plan.partitions().size(),
        "100 s of requests to send at 2.4/s per task and 15 s of stored answers");
    assertEquals(List.of(500, 500), sizes(plan));
    for (List<ApiRequest> partition : plan.partitions()) {
      assertEquals(120, partition.stream().filter(r -> !stored.contains(r)).count());
    }
    assertEquals(
        Set.copyOf(planned),
        Set.copyOf(plan.partitions().stream().flatMap(List::stream).toList()));

    // All stored: still split so that a store on an object store shows progress (3,000 reads a
    // minute).
    List<ApiRequest> many = requests(9_000);
    assertEquals(
        3,
        PartitionPlan.of(many, Set.copyOf(many), new PartitionPlan.Sizing(2, 4.8, MINUTE, 0))
            .partitions()
            .size());
  }
}
