package io.github.lightcastspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lightcastspark.spark.NationRow.Row;
import io.github.lightcastspark.spark.NationRow.Truth;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.Expressions;
import org.apache.spark.sql.connector.expressions.LiteralValue;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.sources.And;
import org.apache.spark.sql.sources.EqualNullSafe;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.GreaterThan;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.IsNotNull;
import org.apache.spark.sql.sources.IsNull;
import org.apache.spark.sql.sources.Not;
import org.apache.spark.sql.sources.Or;
import org.apache.spark.sql.sources.StringStartsWith;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

/**
 * Region filters on the nation's row (regionType 'national', regionCode null) and on another region's, in SQL's
 * three-valued logic: a read that names no regions answers a filter only when it selects the nation and nothing else.
 */
class NationRowTest {
  private static Set<Truth> of(Filter filter) {
    return NationRow.evaluate(filter.toV2(), Row.NATION);
  }

  private static boolean nationOnly(Filter... conjuncts) {
    return NationRow.firstNotSelectingTheNationOnly(
            Arrays.stream(conjuncts).map(Filter::toV2).toList())
        .isEmpty();
  }

  @Test
  void filtersThatSelectTheNationAndNothingElse() {
    for (Filter only : new Filter[] {
      new Not(new In("regionType", new Object[] {"state", "msa"})),
      new IsNull("regionCode"),
      new EqualNullSafe("regionCode", null),
      new StringStartsWith("regionType", "nat"),
      new Or(new IsNull("regionCode"), new EqualTo("regionType", "national"))
    }) {
      assertEquals(EnumSet.of(Truth.TRUE), of(only), only.toString());
      assertTrue(nationOnly(only), only.toString());
    }
  }

  /** True on the nation, but also on other regions: the nation alone would be a partial answer. */
  @Test
  void filtersThatKeepTheNationAndMore() {
    for (Filter more : new Filter[] {
      new Not(new EqualTo("regionType", "state")),
      new Not(new EqualNullSafe("regionCode", "06")),
      new Or(new IsNull("regionCode"), new EqualTo("regionCode", "06")),
      new Or(new EqualTo("regionType", "national"), new EqualTo("regionCode", "06")),
      new Or(new IsNull("regionCode"), new EqualTo("socCode", "15-1252")),
      new Or(new EqualTo("regionType", "national"), new EqualTo("socCode", "x"))
    }) {
      assertEquals(EnumSet.of(Truth.TRUE), of(more), more.toString());
      assertTrue(
          NationRow.evaluate(more.toV2(), Row.STATE).contains(Truth.TRUE)
              || NationRow.evaluate(more.toV2(), Row.MSA).contains(Truth.TRUE),
          more.toString());
      assertFalse(nationOnly(more), more.toString());
    }
  }

  /** Spark rewrites NOT (regionType = 'state' OR regionType = 'msa') into two filters, which select the nation. */
  @Test
  void theFiltersOfOneReadAreJudgedTogether() {
    assertTrue(nationOnly(), "no word on regions: the nation is all the read asks for");
    assertTrue(nationOnly(
        new Not(new EqualTo("regionType", "state")), new Not(new EqualTo("regionType", "msa"))));
    assertFalse(nationOnly(new Not(new EqualTo("regionType", "state"))));
    assertTrue(nationOnly(new Not(new EqualTo("regionType", "state")), new IsNull("regionCode")));
    assertEquals(
        "STARTS_WITH",
        NationRow.firstNotSelectingTheNationOnly(List.of(
                new IsNotNull("regionCode").toV2(), new StringStartsWith("regionCode", "0").toV2()))
            .orElseThrow()
            .name(),
        "the filter the user wrote is named before the IS NOT NULL Spark derives from it");
  }

  @Test
  void filtersThatDropIt() {
    assertEquals(EnumSet.of(Truth.NULL), of(new StringStartsWith("regionCode", "0")));
    assertEquals(EnumSet.of(Truth.NULL), of(new Not(new In("regionCode", new Object[] {"06"}))));
    assertEquals(EnumSet.of(Truth.NULL), of(new GreaterThan("regionCode", "05")));
    assertEquals(EnumSet.of(Truth.FALSE), of(new GreaterThan("regionType", "o")));
    assertEquals(
        EnumSet.of(Truth.FALSE),
        of(new And(new IsNull("regionCode"), new EqualTo("regionType", "state"))));
    assertEquals(EnumSet.of(Truth.FALSE), of(new IsNotNull("regionCode")));
    // As Spark states regionType IN ('state', NULL): the NULL typed as the column's string.
    assertEquals(
        EnumSet.of(Truth.NULL),
        NationRow.evaluate(
            new Predicate("IN", new Expression[] {
              Expressions.column("regionType"),
              new LiteralValue<>(UTF8String.fromString("state"), DataTypes.StringType),
              new LiteralValue<>(null, DataTypes.StringType)
            }),
            Row.NATION));
  }

  @Test
  void anUnknownPartLeavesEveryValueItCouldGiveAndNoMore() {
    assertEquals(NationRow.ANY, of(new EqualTo("socCode", "15-1252")));
    assertFalse(
        nationOnly(new Or(new EqualTo("socCode", "15-1252"), new EqualTo("regionCode", "06"))));
    assertFalse(
        nationOnly(new Or(new StringStartsWith("regionCode", "0"), new EqualTo("socCode", "x"))));
    Filter surelyEmpty = new Or(
        new And(new StringStartsWith("regionCode", "0"), new EqualTo("socCode", "15-1252")),
        new EqualTo("regionType", "msa"));
    assertEquals(EnumSet.of(Truth.FALSE, Truth.NULL), of(surelyEmpty));
    assertFalse(nationOnly(surelyEmpty));
    assertFalse(
        nationOnly(new And(new GreaterThan("regionType", "o"), new EqualTo("socCode", "x"))));
  }
}
