package io.github.lightcastspark.core.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/options.md} against the declarations: each API's table lists every option of that API's datasets, with
 * the default the declaration has; a row that names several options ("as above") takes the first table's defaults.
 */
class OptionsDocTest {
  private static final Map<Dataset.Api, String> TABLES = Map.of(
      Dataset.Api.LMI, "## Labor Market Intelligence datasets",
      Dataset.Api.POG, "## Projected Occupation Growth");
  private static final String AS_ABOVE = "as above";

  @Test
  void everyOptionIsDocumentedWithItsDefault() throws Exception {
    String doc =
        Files.readString(Path.of(System.getProperty("lightcast.docs", "../../docs"), "options.md"));
    Map<Dataset.Api, Map<String, String>> defaults = new EnumMap<>(Dataset.Api.class);
    TABLES.forEach((api, heading) -> defaults.put(api, table(doc, heading)));
    List<String> problems = new ArrayList<>();
    for (Dataset.Api api : Dataset.Api.values()) {
      Map<String, String> documented = defaults.get(api);
      for (ReadOption<?> option : ReadOption.all()) {
        boolean applies =
            Arrays.stream(Dataset.values()).anyMatch(d -> d.api() == api && option.appliesTo(d));
        String shown = documented.get(option.key());
        if (applies && shown == null) {
          problems.add(option.key() + " is missing from the " + api + " table");
        } else if (!applies && shown != null) {
          problems.add(
              option.key() + " is in the " + api + " table but does not apply to its datasets");
        } else if (applies) {
          String expected = option.documentedDefault(api);
          String actual =
              shown.equals(AS_ABOVE) ? defaults.get(Dataset.Api.LMI).get(option.key()) : shown;
          if (!expected.equals(actual)) {
            problems.add(option.key() + " (" + api + "): the doc says default " + actual
                + ", the code " + expected);
          }
        }
      }
      for (String key : new TreeSet<>(documented.keySet())) {
        if (ReadOption.fromKey(key).filter(o -> o.key().equals(key)).isEmpty()) {
          problems.add(key + " is documented in the " + api + " table but is no option");
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  /** @return the default column of the table under {@code heading}, by option name */
  private static Map<String, String> table(String doc, String heading) {
    int start = doc.indexOf(heading);
    assertTrue(start >= 0, "no section " + heading);
    Map<String, String> defaults = new LinkedHashMap<>();
    boolean inTable = false;
    for (String line : doc.substring(start).lines().skip(1).toList()) {
      if (line.startsWith("## ")) {
        break;
      }
      if (!line.startsWith("| `")) {
        if (inTable) {
          break;
        }
        continue;
      }
      inTable = true;
      String[] cells = line.split("\\|");
      String dflt = cells[2].strip();
      String[] names = cells[1].strip().split(",\\s*");
      for (String name : names) {
        defaults.put(name.strip().replace("`", ""), names.length > 1 ? AS_ABOVE : dflt);
      }
    }
    return defaults;
  }
}
