package io.github.lightcastspark.spark;

import io.github.lightcastspark.core.options.Dataset;
import java.util.Arrays;
import java.util.Map;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableCatalog;
import org.apache.spark.sql.connector.catalog.TableChange;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The Lightcast datasets as a read-only Spark catalog, for SQL users: {@code spark.sql.catalog.lightcast=}this class,
 * with the reads' settings under {@code spark.sql.catalog.lightcast.*} (credentials as
 * {@code spark.sql.catalog.lightcast.secret.platformKey}, which Spark redacts as it does every key naming a
 * secret). {@code SHOW TABLES IN lightcast} lists the datasets, {@code DESCRIBE TABLE lightcast.occupations} shows a
 * schema with its comments, and {@code SELECT … FROM lightcast.occupations WHERE …} plans as
 * {@code format("lightcast")} does, with the same pushdown, requests and errors. Creating, altering, renaming or
 * dropping a table is refused.
 */
public final class LightcastCatalog implements TableCatalog {
  private String name;
  private Map<String, String> settings = Map.of();

  @Override
  public void initialize(String name, CaseInsensitiveStringMap options) {
    this.name = name;
    this.settings = Map.copyOf(options.asCaseSensitiveMap());
  }

  @Override
  public String name() {
    return name;
  }

  /** @return every dataset, in the catalog's root; a namespace below it holds none */
  @Override
  public Identifier[] listTables(String[] namespace) {
    return namespace.length > 0
        ? new Identifier[0]
        : Arrays.stream(Dataset.values())
            .map(dataset -> Identifier.of(new String[0], dataset.optionValue()))
            .toArray(Identifier[]::new);
  }

  @Override
  public Table loadTable(Identifier ident) throws NoSuchTableException {
    if (ident.namespace().length > 0) {
      throw new NoSuchTableException(ident);
    }
    return Dataset.fromOptionValue(ident.name())
        .map(dataset -> new LightcastTable(dataset, settings))
        .orElseThrow(() -> new NoSuchTableException(ident));
  }

  @Override
  @SuppressWarnings("deprecation")
  public Table createTable(
      Identifier ident, StructType schema, Transform[] partitions, Map<String, String> properties) {
    throw readOnly("create", ident);
  }

  @Override
  public Table alterTable(Identifier ident, TableChange... changes) {
    throw readOnly("alter", ident);
  }

  @Override
  public boolean dropTable(Identifier ident) {
    throw readOnly("drop", ident);
  }

  @Override
  public void renameTable(Identifier oldIdent, Identifier newIdent) {
    throw readOnly("rename", oldIdent);
  }

  private UnsupportedOperationException readOnly(String verb, Identifier ident) {
    return new UnsupportedOperationException(
        "The " + name + " catalog is read-only: it serves the" + " Lightcast datasets ("
            + Dataset.validValues() + ") and cannot " + verb + " " + ident + ".");
  }

  /** @return the catalog's name only: its settings hold credentials */
  @Override
  public String toString() {
    return "LightcastCatalog(" + name + ")";
  }
}
