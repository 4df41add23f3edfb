package io.github.lightcastspark.core.options;

import java.util.Set;
import java.util.TreeSet;

/**
 * The one rule for region codes, shared by options and filters: states are 2-digit FIPS codes of the 50 states, DC
 * and Puerto Rico; MSAs are 5-digit CBSA codes. Rows always carry the canonical form ("06"); the API is sent the
 * unpadded form its documentation shows ("6").
 */
public final class RegionCodes {
  /** FIPS codes of the 50 states, DC (11) and Puerto Rico (72). */
  public static final Set<String> STATE_FIPS = Set.of(
      "01", "02", "04", "05", "06", "08", "09", "10", "11", "12", "13", "15", "16", "17", "18",
      "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "32", "33",
      "34", "35", "36", "37", "38", "39", "40", "41", "42", "44", "45", "46", "47", "48", "49",
      "50", "51", "53", "54", "55", "56", "72");

  private RegionCodes() {}

  /**
   * Checks a code given by option, where a state may be written without its leading zero ("6").
   *
   * @param source names the option, for the error message
   * @return the canonical code
   */
  public static String canonicalFromOption(String code, String source) {
    String c = code.strip();
    if (c.matches("\\d")) {
      c = "0" + c;
    }
    return canonical(c, source);
  }

  /**
   * Checks a code that must already be canonical, such as a filter value, which Spark compares with the rows.
   *
   * @param source names the filter, for the error message
   * @return {@code code} itself
   */
  public static String canonical(String code, String source) {
    if (code.matches("\\d{2}")) {
      if (!STATE_FIPS.contains(code)) {
        throw invalid(
            code,
            source,
            "it is not the FIPS code of a state, DC or Puerto Rico (valid: "
                + String.join(", ", new TreeSet<>(STATE_FIPS)) + ")");
      }
      return code;
    }
    if (code.matches("\\d{5}")) {
      return code;
    }
    throw invalid(
        code,
        source,
        "region codes are 2-digit state FIPS codes such as 06 or 5-digit MSA (CBSA) codes"
            + " such as 41860");
  }

  /** @return the explanation for a region the POG API cannot answer for */
  public static String onlyNationAndStates(Dataset dataset) {
    return "dataset " + dataset.optionValue()
        + " has national and state figures only (the API has no MSAs)";
  }

  /** @return the type of a canonical code */
  public static RegionType typeOf(String canonicalCode) {
    return canonicalCode.length() == 2 ? RegionType.STATE : RegionType.MSA;
  }

  /** @return the form the API is sent: states without their leading zero */
  public static String apiForm(String canonicalCode) {
    return typeOf(canonicalCode) == RegionType.STATE
        ? String.valueOf(Integer.parseInt(canonicalCode))
        : canonicalCode;
  }

  /** @return the canonical form of a code the API returned (states may lack their leading zero) */
  public static String fromApi(String apiCode, RegionType type) {
    return type == RegionType.STATE && apiCode.length() == 1 ? "0" + apiCode : apiCode;
  }

  private static LightcastOptionException invalid(String code, String source, String why) {
    return new LightcastOptionException(
        source + " has invalid region code '" + code + "': " + why + ".");
  }
}
