package io.github.lightcastspark.spark;

import static io.github.lightcastspark.spark.TestEmulators.PLATFORM_KEY;
import static io.github.lightcastspark.spark.TestEmulators.dataRequests;
import static io.github.lightcastspark.spark.TestEmulators.socCodesIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lightcastspark.emulator.LightcastEmulator;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code lightcast} catalog, as a SQL user meets it: registered and given its credentials with {@code SET}, it
 * lists the datasets, describes them, and reads them as the data source does. Only SQL is used.
 */
@ExtendWith(SharedEmulatorExtension.class)
class CatalogSqlTest {
  private final LightcastEmulator emulator;
  private final SparkSession spark = TestSpark.session();

  CatalogSqlTest(LightcastEmulator emulator) {
    this.emulator = emulator;
    spark.sql("SET spark.sql.catalog.lightcast=" + LightcastCatalog.class.getName());
    spark.sql("SET spark.sql.catalog.lightcast.baseUrl=" + emulator.lmiBaseUrl());
    spark.sql("SET spark.sql.catalog.lightcast.environment=testing");
    spark.sql("SET spark.sql.catalog.lightcast.rateLimit=1000");
    spark.sql("SET spark.sql.catalog.lightcast.secret.platformKey=" + PLATFORM_KEY);
  }

  private List<String> strings(String sql, int column) {
    return spark.sql(sql).collectAsList().stream().map(r -> r.getString(column)).toList();
  }

  private static List<Row> sorted(List<Row> rows) {
    return rows.stream()
        .sorted(java.util.Comparator.comparing(r -> r.getString(0)))
        .toList();
  }

  @Test
  void showTablesListsTheDatasetsAndDescribeShowsTheSchemaWithItsComments() {
    assertEquals(
        List.of("occupation_growth", "occupations", "occupations_by_cip", "regions"),
        strings("SHOW TABLES IN lightcast", 1).stream().sorted().toList());
    List<Row> described = spark.sql("DESCRIBE TABLE lightcast.occupations").collectAsList();
    assertEquals("socCode", described.get(0).getString(0));
    assertEquals("string", described.get(0).getString(1));
    assertEquals(
        "the SOC 2018 code asked for, such as 15-1252", described.get(0).getString(2));
    assertTrue(
        described.stream()
            .anyMatch(r -> r.getString(0).equals("laborMarketData")
                && r.getString(2).equals("the occupation's figures in the region")),
        String.valueOf(described));
    assertEquals(0, emulator.journal().entries().size(), "listing and describing send nothing");
  }

  @Test
  void aSelectPlansAndReadsAsTheDataSourceDoes() {
    String query = "SELECT socCode, regionCode, name, laborMarketData.medianAnnualSalary AS median"
        + " FROM lightcast.occupations WHERE socCode IN ('15-1252', '29-1141') AND regionCode = '06'";
    String explained = strings("EXPLAIN " + query, 0).get(0);
    assertTrue(
        explained.contains("RequestKeys: socCode=[15-1252, 29-1141] (2), regions=[state 06] (1)")
            && explained.contains("PlannedRequests: 1, "),
        explained);
    assertEquals(0, emulator.journal().entries().size(), "EXPLAIN sends nothing");

    // Sorted here: ORDER BY samples its input first, which reads the API twice
    // (docs/performance.md).
    List<Row> rows = sorted(spark.sql(query).collectAsList());
    assertEquals(2, rows.size());
    assertEquals("Software Developers", rows.get(0).getString(2));
    assertEquals(1, dataRequests(emulator).size(), "one request, as the data source sends it");
    assertEquals(Set.of("15-1252", "29-1141"), socCodesIn(dataRequests(emulator)));

    // The same rows as format("lightcast") with the same options and filter.
    spark.sql(
        "CREATE OR REPLACE TEMPORARY VIEW occupations_by_source USING lightcast OPTIONS (dataset"
            + " 'occupations', baseUrl '" + emulator.lmiBaseUrl()
            + "', environment 'testing', rateLimit '1000',"
            + " secret.platformKey '" + PLATFORM_KEY + "')");
    assertEquals(
        rows,
        spark
            .sql(query.replace("lightcast.occupations", "occupations_by_source")
                + " ORDER BY socCode")
            .collectAsList());
  }

  @Test
  void errorsAreTheDataSourcesAndTheCatalogIsReadOnly() {
    Exception malformed = assertThrows(
        Exception.class,
        () -> spark
            .sql("SELECT * FROM lightcast.occupations WHERE socCode = '15-125X'")
            .collect());
    assertEquals(
        "Filter on column socCode has invalid value '15-125X': codes are NN-NNNN, such as 15-1252.",
        malformed.getMessage());
    for (String statement : List.of(
        "DROP TABLE lightcast.occupations",
        "CREATE TABLE lightcast.mine (a INT)",
        "ALTER TABLE lightcast.occupations ADD COLUMN extra INT")) {
      Exception refused =
          assertThrows(Exception.class, () -> spark.sql(statement).collect());
      assertTrue(
          String.valueOf(refused.getMessage()).contains("The lightcast catalog is read-only"),
          statement + ": " + refused);
    }
    assertThrows(
        Exception.class, () -> spark.sql("SELECT * FROM lightcast.occupation").collect());
    assertEquals(0, emulator.journal().entries().size());
  }

  @Test
  void setShowsTheCatalogsCredentialRedacted() {
    String shown = spark
        .sql("SET spark.sql.catalog.lightcast.secret.platformKey")
        .collectAsList()
        .toString();
    assertFalse(shown.contains(PLATFORM_KEY), shown);
    assertTrue(shown.contains("redacted"), shown);
  }
}
