package io.github.lightcastspark.emulator.data;

import java.util.List;

/**
 * A region the emulator serves.
 *
 * @param type {@code state} or {@code msa}
 * @param code canonical code: 2-digit FIPS or 5-digit CBSA
 * @param name Census or OMB name
 * @param stateCodes for an MSA, the FIPS codes of its states, principal state first
 * @param employmentShare for a state, its share of national employment (derived from OEWS May 2023)
 * @param wageIndex for a state, its all-occupation mean wage over the national one (OEWS May 2023 / May 2024)
 * @param msaProjections for an MSA, whether it has MSA-level projections (the others need the state fallback)
 */
public record RegionFacts(
    String type,
    String code,
    String name,
    List<String> stateCodes,
    double employmentShare,
    double wageIndex,
    boolean msaProjections) {}
