package io.github.lightcastspark.core.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CodeListTest {
  @Test
  void socHoldsEveryDetailedSoc2018CodeOnceInOrder() {
    List<String> soc = CodeList.every(CodeKind.SOC).orElseThrow();
    assertEquals(867, soc.size());
    assertEquals(List.copyOf(new TreeSet<>(soc)), soc);
    assertTrue(soc.stream().allMatch(CodeKind.SOC::isValid));
    assertTrue(soc.stream().noneMatch(c -> c.endsWith("0")), "a group code is in the list");
    // The 23 major groups, 11 to 55, odd.
    assertEquals(23, soc.stream().map(c -> c.substring(0, 2)).distinct().count());
    assertTrue(soc.containsAll(List.of("11-1011", "15-1252", "29-1141", "53-7121")));
  }

  @Test
  void cipHoldsEverySixDigitCip2020ProgramInUseOnceInOrder() {
    List<String> cip = CodeList.every(CodeKind.CIP).orElseThrow();
    assertEquals(2160, cip.size());
    assertEquals(List.copyOf(new TreeSet<>(cip)), cip);
    assertTrue(cip.stream().allMatch(CodeKind.CIP::isValid));
    Set<String> families =
        cip.stream().map(c -> c.substring(0, 2)).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(48, families.size(), families.toString());
    assertTrue(!families.contains("21") && !families.contains("55"), "a reserved family is listed");
    assertTrue(cip.containsAll(List.of("11.0701", "27.0501", "51.3801", "52.0301")));
  }

  @Test
  void occupationIdsHaveNoList() {
    assertTrue(CodeList.every(CodeKind.OCCUPATION_ID).isEmpty());
  }

  @Test
  void eachListNamesItsSourceAndLicence() throws IOException {
    for (String name : List.of("soc-2018-detailed.txt", "cip-2020-six-digit.txt")) {
      try (InputStream in = CodeList.class.getResourceAsStream("codes/" + name)) {
        String header = new String(in.readAllBytes(), StandardCharsets.UTF_8)
            .lines()
            .takeWhile(l -> l.startsWith("#"))
            .collect(Collectors.joining("\n"));
        assertTrue(header.contains("Source:") && header.contains("public domain"), header);
      }
    }
  }
}
