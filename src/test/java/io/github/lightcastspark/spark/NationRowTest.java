package io.github.lightcastspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lightcastspark.spark.NationRow.Truth;
import java.util.EnumSet;
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
import org.apache.spark.sql.sources.IsNull;
import org.apache.spark.sql.sources.Not;
import org.apache.spark.sql.sources.Or;
import org.apache.spark.sql.sources.StringStartsWith;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

/** The nation's row (regionType 'national', regionCode null) under region filters, in SQL's three-valued logic. */
class NationRowTest {
  private static Set<Truth> of(Filter filter) {
    return NationRow.evaluate(filter.toV2());
  }

  @Test
  void filtersThatKeepTheNationsRow() {
    for (Filter keeps : new Filter[] {new Not(new EqualTo("regionType", "state")),
        new Not(new In("regionType", new Object[] {"state", "msa"})), new Not(new EqualNullSafe("regionCode", "06")),
        new Or(new IsNull("regionCode"), new EqualTo("regionCode", "06")),
        new Or(new EqualTo("regionType", "national"), new EqualTo("regionCode", "06")),
        new StringStartsWith("regionType", "nat")}) {
      assertEquals(EnumSet.of(Truth.TRUE), of(keeps), keeps.toString());
      assertTrue(NationRow.surelyKeepsIt(keeps.toV2()));
    }
  }

  @Test
  void filtersThatDropIt() {
    assertEquals(EnumSet.of(Truth.NULL), of(new StringStartsWith("regionCode", "0")));
    assertEquals(EnumSet.of(Truth.NULL), of(new Not(new In("regionCode", new Object[] {"06"}))));
    assertEquals(EnumSet.of(Truth.NULL), of(new GreaterThan("regionCode", "05")));
    assertEquals(EnumSet.of(Truth.FALSE), of(new GreaterThan("regionType", "o")));
    assertEquals(EnumSet.of(Truth.FALSE), of(new And(new IsNull("regionCode"), new EqualTo("regionType", "state"))));
    // As Spark states regionType IN ('state', NULL): the NULL typed as the column's string.
    assertEquals(EnumSet.of(Truth.NULL), NationRow.evaluate(new Predicate("IN", new Expression[] {
        Expressions.column("regionType"), new LiteralValue<>(UTF8String.fromString("state"), DataTypes.StringType),
        new LiteralValue<>(null, DataTypes.StringType)})));
  }

  @Test
  void anUnknownPartLeavesEveryValueItCouldGiveAndNoMore() {
    assertEquals(NationRow.ANY, of(new EqualTo("socCode", "15-1252")));
    // Rows of region '06' for one code, or every row of another: the nation alone is not what it asks for.
    assertFalse(NationRow.surelyKeepsIt(new Or(new EqualTo("socCode", "15-1252"), new EqualTo("regionCode", "06"))
        .toV2()));
    assertFalse(NationRow.surelyKeepsIt(new Or(new StringStartsWith("regionCode", "0"), new EqualTo("socCode", "x"))
        .toV2()));
    assertTrue(NationRow.surelyKeepsIt(new Or(new EqualTo("regionType", "national"), new EqualTo("socCode", "x"))
        .toV2()));
    Filter surelyEmpty = new Or(new And(new StringStartsWith("regionCode", "0"), new EqualTo("socCode", "15-1252")),
        new EqualTo("regionType", "msa"));
    assertEquals(EnumSet.of(Truth.FALSE, Truth.NULL), of(surelyEmpty));
    assertFalse(NationRow.surelyKeepsIt(surelyEmpty.toV2()));
    assertFalse(NationRow.surelyKeepsIt(new And(new GreaterThan("regionType", "o"), new EqualTo("socCode", "x"))
        .toV2()));
  }
}
