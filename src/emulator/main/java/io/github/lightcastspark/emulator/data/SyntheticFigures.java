package io.github.lightcastspark.emulator.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic, clearly made-up figures for codes the data does not hold, and the factors that derive MSA figures
 * from state ones. Everything comes from a stable hash of the code, so a test sees the same numbers every run.
 */
public final class SyntheticFigures {
  private static final List<String> EDUCATION = List.of(
      "High school diploma or equivalent",
      "Postsecondary nondegree" + " award",
      "Associate's degree",
      "Bachelor's degree",
      "Master's degree");

  private SyntheticFigures() {}

  /** @return a number in [min, max) fixed by {@code key} and {@code salt} */
  public static double factor(String key, String salt, double min, double max) {
    int h = (key + "#" + salt).hashCode() & 0x7fffffff;
    return min + (max - min) * ((h % 10_000) / 10_000.0);
  }

  /**
   * @param socCode a well-formed code the data does not hold
   * @param skillPool skills to draw three from
   * @return made-up facts, flagged synthetic
   */
  public static OccupationFacts occupation(String socCode, List<SkillFact> skillPool) {
    List<SkillFact> skills = new ArrayList<>();
    for (int i = 0; i < 3 && !skillPool.isEmpty(); i++) {
      SkillFact s = skillPool.get((int) factor(socCode, "skill" + i, 0, skillPool.size()));
      if (skills.stream().noneMatch(k -> k.name().equals(s.name()))) {
        skills.add(new SkillFact(
            s.name(), Math.round(factor(socCode, "imp" + i, 2, 4.5) * 100) / 100.0));
      }
    }
    return new OccupationFacts(
        socCode,
        "Synthetic occupation " + socCode,
        Math.round(factor(socCode, "employment", 1_000, 250_000)),
        (double) Math.round(factor(socCode, "wage", 30_000, 160_000) / 10) * 10,
        Math.round(factor(socCode, "growth", -0.05, 0.25) * 1000) / 1000.0,
        Math.round(factor(socCode, "openings", 0.05, 0.15) * 10_000) / 10_000.0,
        EDUCATION.get((int) factor(socCode, "education", 0, EDUCATION.size())),
        skills,
        true);
  }

  /** @return one to three of {@code known} occupations, for a well-formed CIP code the crosswalk does not hold */
  public static List<String> socCodes(String cipCode, List<String> known) {
    int count = 1 + (int) factor(cipCode, "count", 0, 3);
    List<String> picked = new ArrayList<>();
    for (int i = 0; picked.size() < count && i < 10 && !known.isEmpty(); i++) {
      String soc = known.get((int) factor(cipCode, "soc" + i, 0, known.size()));
      if (!picked.contains(soc)) {
        picked.add(soc);
      }
    }
    picked.sort(null);
    return picked;
  }
}
