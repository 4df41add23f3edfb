package io.github.lightcastspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.lightcastspark.spark.NationRow.Truth;
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
  private static Truth of(Filter filter) {
    return NationRow.evaluate(filter);
  }

  @Test
  void filtersThatKeepTheNationsRow() {
    assertEquals(Truth.TRUE, of(new Not(new EqualTo("regionType", "state"))));
    assertEquals(Truth.TRUE, of(new Not(new In("regionType", new Object[] {"state", "msa"}))));
    assertEquals(Truth.TRUE, of(new Not(new EqualNullSafe("regionCode", "06"))));
    assertEquals(Truth.TRUE, of(new Or(new IsNull("regionCode"), new EqualTo("regionCode", "06"))));
    assertEquals(Truth.TRUE, of(new Or(new EqualTo("regionType", "national"), new EqualTo("regionCode", "06"))));
    assertEquals(Truth.TRUE, of(new StringStartsWith("regionType", "nat")));
  }

  @Test
  void filtersThatDropIt() {
    assertEquals(Truth.NULL, of(new StringStartsWith("regionCode", "0")));
    assertEquals(Truth.NULL, of(new Not(new In("regionCode", new Object[] {"06"}))));
    assertEquals(Truth.NULL, of(new GreaterThan("regionCode", "05")));
    assertEquals(Truth.FALSE, of(new GreaterThan("regionType", "o")));
    assertEquals(Truth.FALSE, of(new And(new IsNull("regionCode"), new EqualTo("regionType", "state"))));
    assertEquals(Truth.NULL, of(new In("regionType", new Object[] {"state", null})));
  }

  @Test
  void whatItCannotTellItDoesNotClaim() {
    assertEquals(Truth.UNKNOWN, of(new EqualTo("socCode", "15-1252")));
    assertEquals(Truth.UNKNOWN, of(new Or(new StringStartsWith("regionCode", "0"), new EqualTo("socCode", "x"))));
    assertEquals(Truth.FALSE, of(new And(new GreaterThan("regionType", "o"), new EqualTo("socCode", "x"))));
  }
}
