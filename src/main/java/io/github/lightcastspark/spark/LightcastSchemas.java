package io.github.lightcastspark.spark;

import io.github.lightcastspark.core.options.Dataset;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The fixed schema of each dataset, documented in {@code docs/datasets.md}; reading it never calls the API. */
public final class LightcastSchemas {
  /**
   * API warnings about a row: {@code MSA_TO_STATE_PROJECTION_FALLBACK}, {@code INVALID_CIP_CODE}, {@code NOT_FOUND},
   * …
   */
  public static final StructType WARNING = new StructType()
      .add("code", DataTypes.StringType)
      .add("message", DataTypes.StringType)
      .add("socCode", DataTypes.StringType)
      .add("cipCode", DataTypes.StringType);

  /** The occupation's labour-market figures for the requested region. */
  public static final StructType LABOR_MARKET_DATA = new StructType()
      .add("medianAnnualSalary", DataTypes.DoubleType)
      .add("totalEmployment", DataTypes.LongType)
      .add("forecastedEmploymentGrowth", DataTypes.DoubleType)
      .add("averageAnnualOpenings", DataTypes.DoubleType)
      .add("typicalDegreeLevel", DataTypes.StringType)
      .add(
          "demand",
          new StructType()
              .add("score", DataTypes.IntegerType)
              .add("factors", DataTypes.createArrayType(DataTypes.StringType)));

  /** Skills the occupation requires; null unless {@code includeSkills} is true. */
  public static final StructType SKILL_REQUIREMENTS = new StructType()
      .add(
          "coreSkills",
          DataTypes.createArrayType(new StructType()
              .add("mslSkillId", DataTypes.StringType)
              .add("mslSkillName", DataTypes.StringType)
              .add("level", DataTypes.IntegerType)));

  /** Cumulative projected growth as fractions of base employment, over 1, 2, 3, 5 and 10 years. */
  public static final StructType GROWTH_PERCENT = new StructType()
      .add("oneYear", DataTypes.DoubleType)
      .add("twoYear", DataTypes.DoubleType)
      .add("threeYear", DataTypes.DoubleType)
      .add("fiveYear", DataTypes.DoubleType)
      .add("tenYear", DataTypes.DoubleType);

  private LightcastSchemas() {}

  /** @return the schema of {@code dataset}: request keys first, then the API's fields, then {@code warnings} */
  public static StructType of(Dataset dataset) {
    return switch (dataset) {
      case OCCUPATIONS ->
        occupation(new StructType()
            .add("socCode", DataTypes.StringType, false)
            .add("regionType", DataTypes.StringType, false)
            .add("regionCode", DataTypes.StringType));
      case OCCUPATIONS_BY_CIP ->
        occupation(new StructType()
            .add("cipCode", DataTypes.StringType, false)
            .add("regionType", DataTypes.StringType, false)
            .add("regionCode", DataTypes.StringType)
            .add("socCode", DataTypes.StringType));
      case OCCUPATION_GROWTH ->
        new StructType()
            .add("dimension", DataTypes.StringType, false)
            .add("occupationId", DataTypes.StringType, false)
            .add("regionType", DataTypes.StringType, false)
            .add("regionCode", DataTypes.StringType)
            .add("name", DataTypes.StringType)
            .add("regionName", DataTypes.StringType)
            .add("baseEmployment", DataTypes.DoubleType)
            .add("growthPercent", GROWTH_PERCENT)
            .add("modelVersion", DataTypes.StringType)
            .add("lotVersion", DataTypes.StringType)
            .add("areaVersion", DataTypes.StringType)
            .add("warnings", DataTypes.createArrayType(WARNING));
      case REGIONS ->
        new StructType()
            .add("regionType", DataTypes.StringType, false)
            .add("regionCode", DataTypes.StringType)
            .add("name", DataTypes.StringType)
            .add("stateCodes", DataTypes.createArrayType(DataTypes.StringType));
    };
  }

  private static StructType occupation(StructType keys) {
    return keys.add("name", DataTypes.StringType)
        .add("laborMarketData", LABOR_MARKET_DATA)
        .add("skillRequirements", SKILL_REQUIREMENTS)
        .add("warnings", DataTypes.createArrayType(WARNING));
  }
}
