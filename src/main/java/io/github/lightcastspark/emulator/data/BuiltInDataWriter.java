package io.github.lightcastspark.emulator.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes the emulator's built-in data set: a curated subset of the public-data directory (a few dozen occupations
 * across the SOC major groups, every program that maps to them, every state, a dozen MSAs), so that tests and the
 * demo run without that directory. Run by hand when the curation changes:
 * {@code java -cp <classpath> io.github.lightcastspark.emulator.data.BuiltInDataWriter ../shared/data
 * src/main/resources/io/github/lightcastspark/emulator/builtin-data.json}.
 */
public final class BuiltInDataWriter {
  /** The built-in occupations. */
  public static final Set<String> SOC_CODES = Set.of(
      "11-1021", "11-3021", "11-9121", "13-1111", "13-2011", "13-2051", "15-1211", "15-1212", "15-1221", "15-1231",
      "15-1241", "15-1242", "15-1243", "15-1244", "15-1251", "15-1252", "15-1253", "15-1254", "15-1255", "15-2041",
      "15-2051", "17-2051", "17-2141", "19-1042", "23-1011", "25-1021", "25-1072", "25-2021", "27-1024", "29-1141",
      "29-1171", "29-2061", "33-3051", "35-2014", "41-2031", "43-4051", "47-2061", "49-3023", "51-4121", "53-3032");
  /** The built-in MSAs. */
  public static final Set<String> MSA_CODES = Set.of("41860", "31080", "35620", "16980", "19100", "26420", "47900",
      "33100", "37980", "12060", "14460", "42660");

  private BuiltInDataWriter() {
  }

  /** @param args the public-data directory and the JSON file to write */
  public static void main(String[] args) throws IOException {
    DataSet all = SharedDataImporter.importAll(Path.of(args[0]));
    List<OccupationFacts> occupations = all.occupations().stream().filter(o -> SOC_CODES.contains(o.socCode()))
        .toList();
    if (occupations.size() != SOC_CODES.size()) {
      throw new IllegalStateException("Missing built-in occupations: " + SOC_CODES.stream()
          .filter(s -> occupations.stream().noneMatch(o -> o.socCode().equals(s))).sorted().toList());
    }
    Map<String, List<String>> cipToSoc = new TreeMap<>();
    all.cipToSoc().forEach((cip, socs) -> {
      List<String> kept = socs.stream().filter(SOC_CODES::contains).toList();
      if (!kept.isEmpty()) {
        cipToSoc.put(cip, kept);
      }
    });
    DataSet builtIn = new DataSet(occupations, cipToSoc,
        all.regions().stream().filter(r -> r.type().equals("state") || MSA_CODES.contains(r.code())).toList(),
        all.figures().stream().filter(f -> SOC_CODES.contains(f.socCode())).collect(Collectors.toList()));
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(Path.of(args[1]).toFile(), builtIn);
  }
}
