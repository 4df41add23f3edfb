package io.github.lightcastspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lightcastspark.spark.NationRow.Truth;
import java.util.EnumSet;
import java.util.Set;
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
import org.junit.jupiter.api.Test;

/** The nation's row (regionType 'national', regionCode null) under region filters, in SQL's three-valued logic. */
class NationRowTest {
  private static Set<Truth> of(Filter filter) {
    return NationRow.evaluate(filter);
  }

  @Test
  void filtersThatKeepTheNationsRow() {
    for (Filter keeps : new Filter[] {new Not(new EqualTo("regionType", "state")),
        new Not(new In("regionType", new Object[] {"state", "msa"})), new Not(new EqualNullSafe("regionCode", "06")),
        new Or(new IsNull("regionCode"), new EqualTo("regionCode", "06")),
        new Or(new EqualTo("regionType", "national"), new EqualTo("regionCode", "06")),
        new StringStartsWith("regionType", "nat")}) {
      assertEquals(EnumSet.of(Truth.TRUE), of(keeps), keeps.toString());
      assertFalse(NationRow.dropsIt(keeps));
    }
  }

  @Test
  void filtersThatDropIt() {
    assertEquals(EnumSet.of(Truth.NULL), of(new StringStartsWith("regionCode", "0")));
    assertEquals(EnumSet.of(Truth.NULL), of(new Not(new In("regionCode", new Object[] {"06"}))));
    assertEquals(EnumSet.of(Truth.NULL), of(new GreaterThan("regionCode", "05")));
    assertEquals(EnumSet.of(Truth.FALSE), of(new GreaterThan("regionType", "o")));
    assertEquals(EnumSet.of(Truth.FALSE), of(new And(new IsNull("regionCode"), new EqualTo("regionType", "state"))));
    assertEquals(EnumSet.of(Truth.NULL), of(new In("regionType", new Object[] {"state", null})));
  }

  @Test
  void anUnknownPartLeavesEveryValueItCouldGiveAndNoMore() {
    assertEquals(NationRow.ANY, of(new EqualTo("socCode", "15-1252")));
    assertFalse(NationRow.dropsIt(new Or(new StringStartsWith("regionCode", "0"), new EqualTo("socCode", "x"))));
    Filter surelyEmpty = new Or(new And(new StringStartsWith("regionCode", "0"), new EqualTo("socCode", "15-1252")),
        new EqualTo("regionType", "msa"));
    assertEquals(EnumSet.of(Truth.FALSE, Truth.NULL), of(surelyEmpty));
    assertTrue(NationRow.dropsIt(surelyEmpty));
    assertTrue(NationRow.dropsIt(new And(new GreaterThan("regionType", "o"), new EqualTo("socCode", "x"))));
  }
}
