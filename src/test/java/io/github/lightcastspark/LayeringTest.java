package io.github.lightcastspark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers of {@code docs/architecture.md}, held by the sources: each package imports only the layers below it (a
 * binding never another binding), and the core imports nothing of Spark or Scala.
 */
class LayeringTest {
  /** From the bottom up; a package's layer is the last prefix it starts with. */
  private static final List<String> LAYERS = List.of(
      "core.options",
      "core.pacing",
      "core.store",
      "core.transport",
      "core.plan",
      "core.binding",
      "core.binding.lmi",
      "core.binding.pog",
      "core.jvm",
      "spark");

  private static final String ROOT = "io.github.lightcastspark.";
  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?([\\w.]+);", Pattern.MULTILINE);

  @Test
  void noImportRunsBackUpAndTheCoreIsSparkFree() throws IOException {
    Path sources = Path.of(System.getProperty("lightcast.sources", "../main/java"));
    List<String> problems = new ArrayList<>();
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String pkg =
            sources.relativize(file.getParent()).toString().replace('/', '.').replace('\\', '.');
        int layer = layerOf(pkg);
        Matcher imports = IMPORT.matcher(Files.readString(file));
        while (imports.find()) {
          String imported = imports.group(1);
          if (imported.startsWith(ROOT)) {
            int other = layerOf(imported.substring(0, imported.lastIndexOf('.')));
            boolean siblings = other != layer
                && LAYERS.get(other).startsWith("core.binding.")
                && LAYERS.get(layer).startsWith("core.binding.");
            if (other > layer || siblings) {
              problems.add(file.getFileName() + " (" + LAYERS.get(layer) + ") imports " + imported);
            }
          } else if (LAYERS.get(layer).startsWith("core")
              && imported.matches("(org\\.apache\\.spark|scala)\\..*")) {
            problems.add(file.getFileName() + " is in the core but imports " + imported);
          }
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  private static int layerOf(String pkg) {
    String name = pkg.startsWith(ROOT)
        ? pkg.substring(ROOT.length())
        : pkg.replaceFirst("^io\\.github\\.lightcastspark\\.?", "");
    int found = -1;
    for (int i = 0; i < LAYERS.size(); i++) {
      if (name.equals(LAYERS.get(i)) || name.startsWith(LAYERS.get(i) + ".")) {
        found = i;
      }
    }
    if (found < 0) {
      throw new AssertionError("package " + pkg + " is in no layer of docs/architecture.md");
    }
    return found;
  }
}
