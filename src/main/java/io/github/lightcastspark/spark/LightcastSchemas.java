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

  /**
   * @return the schema of {@code dataset}: request keys first, then the API's fields, then {@code warnings}; each
   *     column with its comment, which {@code DESCRIBE} shows
   */
  public static StructType of(Dataset dataset) {
    return switch (dataset) {
      case OCCUPATIONS ->
        occupation(new StructType()
            .add(
                "socCode",
                DataTypes.StringType,
                false,
                "the SOC 2018 code asked for, such as 15-1252")
            .add("regionType", DataTypes.StringType, false, REGION_TYPE)
            .add("regionCode", DataTypes.StringType, true, REGION_CODE));
      case OCCUPATIONS_BY_CIP ->
        occupation(new StructType()
            .add(
                "cipCode",
                DataTypes.StringType,
                false,
                "the CIP 2020 program code asked for, such as 11.0701")
            .add("regionType", DataTypes.StringType, false, REGION_TYPE)
            .add("regionCode", DataTypes.StringType, true, REGION_CODE)
            .add(
                "socCode",
                DataTypes.StringType,
                true,
                "the SOC code of an occupation the program leads to"));
      case OCCUPATION_GROWTH ->
        new StructType()
            .add(
                "dimension", DataTypes.StringType, false, "lotocc or lotspecocc (option dimension)")
            .add(
                "occupationId",
                DataTypes.StringType,
                false,
                "the Lightcast occupation (LOT) id, such as LO-15-1252")
            .add("regionType", DataTypes.StringType, false, "nation or state")
            .add(
                "regionCode",
                DataTypes.StringType,
                true,
                "the state FIPS code; null for the nation")
            .add("name", DataTypes.StringType, true, "the occupation's name")
            .add("regionName", DataTypes.StringType, true, "the region's name")
            .add(
                "baseEmployment",
                DataTypes.DoubleType,
                true,
                "employment in the base year of the projection")
            .add("growthPercent", GROWTH_PERCENT, true, "cumulative projected growth, as fractions")
            .add(
                "modelVersion",
                DataTypes.StringType,
                true,
                "the projection model's version, from /meta")
            .add("lotVersion", DataTypes.StringType, true, "the LOT taxonomy version, from /meta")
            .add("areaVersion", DataTypes.StringType, true, "the area taxonomy version, from /meta")
            .add("warnings", DataTypes.createArrayType(WARNING), true, WARNINGS);
      case REGIONS ->
        new StructType()
            .add("regionType", DataTypes.StringType, false, REGION_TYPE)
            .add("regionCode", DataTypes.StringType, true, REGION_CODE)
            .add("name", DataTypes.StringType, true, "the region's name")
            .add(
                "stateCodes",
                DataTypes.createArrayType(DataTypes.StringType),
                true,
                "an MSA's states, principal state first");
    };
  }

  private static final String REGION_TYPE = "national, state or msa";
  private static final String REGION_CODE =
      "the state FIPS or MSA (CBSA) code; null for the nation";
  private static final String WARNINGS = "the API's warnings about the row (code, message)";

  private static StructType occupation(StructType keys) {
    return keys.add("name", DataTypes.StringType, true, "the occupation's name")
        .add("laborMarketData", LABOR_MARKET_DATA, true, "the occupation's figures in the region")
        .add(
            "skillRequirements",
            SKILL_REQUIREMENTS,
            true,
            "the skills it requires; null unless option includeSkills is true")
        .add("warnings", DataTypes.createArrayType(WARNING), true, WARNINGS);
  }
}
