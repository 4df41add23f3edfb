package io.github.lightcastspark.emulator.data;

import java.util.List;

/**
 * One occupation's national facts.
 *
 * @param socCode SOC 2018 code
 * @param name OEWS title
 * @param employment OEWS employment (or BLS EP base-year employment where OEWS has none)
 * @param medianAnnualSalary OEWS annual median wage (or BLS EP median), null where BLS suppresses it
 * @param growth BLS EP ten-year employment change, as a fraction
 * @param openingsRate BLS EP annual openings divided by base-year employment
 * @param typicalDegreeLevel BLS EP typical entry-level education
 * @param skills the O*NET skills of highest importance, most important first
 * @param synthetic whether the figures are made up (for codes the data does not hold)
 */
public record OccupationFacts(
    String socCode,
    String name,
    long employment,
    Double medianAnnualSalary,
    Double growth,
    Double openingsRate,
    String typicalDegreeLevel,
    List<SkillFact> skills,
    boolean synthetic) {}
