package io.github.lightcastspark.emulator.data;

/**
 * Real published figures of one occupation in one region.
 *
 * @param socCode SOC code
 * @param type {@code state} or {@code msa}
 * @param code canonical region code
 * @param employment OEWS employment
 * @param medianAnnualSalary OEWS annual median wage, null where suppressed
 * @param source the release, e.g. {@code OEWS May 2023}
 */
public record RegionalFigures(
    String socCode,
    String type,
    String code,
    long employment,
    Double medianAnnualSalary,
    String source) {}
