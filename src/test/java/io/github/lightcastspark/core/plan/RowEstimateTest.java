package io.github.lightcastspark.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.lightcastspark.core.options.Dataset;
import io.github.lightcastspark.core.options.RegionType;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowEstimateTest {
  private static final Region CALIFORNIA = Region.of("06");

  @Test
  void occupationsAndGrowthReturnOneRowPerCodeAndRegion() {
    assertEquals(
        27,
        RowEstimate.of(List.of(
            new ApiRequest(Dataset.OCCUPATIONS, RequestPlannerTest.socCodes(25), Region.NATIONAL),
            new ApiRequest(Dataset.OCCUPATIONS, RequestPlannerTest.socCodes(2), CALIFORNIA))));
    assertEquals(
        2,
        RowEstimate.of(List.of(
            new ApiRequest(Dataset.OCCUPATION_GROWTH, List.of("A"), CALIFORNIA),
            new ApiRequest(Dataset.OCCUPATION_GROWTH, List.of("A"), Region.NATIONAL))));
  }

  @Test
  void aCipCodeMatchesThreeOccupationsOnAverage() {
    assertEquals(
        6,
        RowEstimate.of(List.of(new ApiRequest(
            Dataset.OCCUPATIONS_BY_CIP, List.of("11.0701", "51.3801"), CALIFORNIA))));
  }

  @Test
  void theRegionsListHasEveryStateAndMsaButNoEntryForTheNation() {
    assertEquals(
        52 + 392, RowEstimate.of(List.of(new ApiRequest(Dataset.REGIONS, List.of(), null))));
    assertEquals(
        52,
        RowEstimate.of(List.of(
            new ApiRequest(Dataset.REGIONS, List.of(), new Region(RegionType.STATE, null)))));
    assertEquals(
        0, RowEstimate.of(List.of(new ApiRequest(Dataset.REGIONS, List.of(), Region.NATIONAL))));
  }

  @Test
  void noRequestsNoRows() {
    assertEquals(0, RowEstimate.of(List.of()));
  }
}
