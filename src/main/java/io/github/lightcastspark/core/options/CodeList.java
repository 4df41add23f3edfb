package io.github.lightcastspark.core.options;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The official public list of every code of a kind, which a read that names none asks for: every detailed SOC 2018
 * occupation and every six-digit CIP 2020 program. Lightcast occupation ids have no public list. The lists are
 * resource files of the connector, each with its provenance in its header.
 */
public final class CodeList {
  private static final List<String> SOC = load("soc-2018-detailed.txt");
  private static final List<String> CIP = load("cip-2020-six-digit.txt");

  private CodeList() {}

  /** @return every code of {@code kind} in ascending order, empty when it has no public list */
  public static Optional<List<String>> every(CodeKind kind) {
    return switch (kind) {
      case SOC -> Optional.of(SOC);
      case CIP -> Optional.of(CIP);
      case OCCUPATION_ID -> Optional.empty();
    };
  }

  /**
   * @return what the list of {@code kind} is, for EXPLAIN and the docs ("every detailed SOC 2018 code (867)"), empty
   *     when it has no list
   */
  public static Optional<String> describe(CodeKind kind) {
    return switch (kind) {
      case SOC -> Optional.of("every detailed SOC 2018 code (" + SOC.size() + ")");
      case CIP -> Optional.of("every six-digit CIP 2020 code (" + CIP.size() + ")");
      case OCCUPATION_ID -> Optional.empty();
    };
  }

  private static List<String> load(String name) {
    try (InputStream in = CodeList.class.getResourceAsStream("codes/" + name)) {
      if (in == null) {
        throw new IllegalStateException(
            "The connector's code list " + name + " is missing from its jar.");
      }
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        return reader
            .lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .sorted()
            .toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the connector's code list " + name, e);
    }
  }
}
