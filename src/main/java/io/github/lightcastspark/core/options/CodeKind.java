package io.github.lightcastspark.core.options;

import java.util.regex.Pattern;

/** The classification codes a dataset is queried by, with the one format rule each that options and filters share. */
public enum CodeKind {
  /** SOC 2018 occupation codes such as {@code 15-1252}. */
  SOC("socCodes", "socCode", "\\d{2}-\\d{4}", "NN-NNNN, such as 15-1252"),
  /** CIP 2020 program codes such as {@code 11.0701}. */
  CIP("cipCodes", "cipCode", "\\d{2}\\.\\d{4}", "NN.NNNN, such as 11.0701"),
  /** Lightcast occupation ids of a dimension; the taxonomy is not public, so any plain identifier is accepted. */
  OCCUPATION_ID(
      "occupationIds",
      "occupationId",
      "[A-Za-z0-9][A-Za-z0-9._-]{0,63}",
      "identifiers of letters, digits, '.', '_' and '-' (at most 64 characters)");

  private final String optionName;
  private final String column;
  private final Pattern pattern;
  private final String format;

  CodeKind(String optionName, String column, String regex, String format) {
    this.optionName = optionName;
    this.column = column;
    this.pattern = Pattern.compile(regex);
    this.format = format;
  }

  /** @return the read option that lists these codes, which is also their field in the API request body */
  public String optionName() {
    return optionName;
  }

  /** @return the column that carries one such code per row */
  public String column() {
    return column;
  }

  /** @return whether {@code code} is well formed */
  public boolean isValid(String code) {
    return pattern.matcher(code).matches();
  }

  /** @return a human description of the format, for error messages */
  public String format() {
    return format;
  }
}
