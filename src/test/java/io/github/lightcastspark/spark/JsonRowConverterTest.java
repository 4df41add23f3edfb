package io.github.lightcastspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** JSON values into Spark's internal rows: exact numbers or a clear error, never a truncated or wrapped value. */
class JsonRowConverterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonRowConverter CONVERTER = new JsonRowConverter(new StructType()
      .add("employment", DataTypes.LongType)
      .add("score", DataTypes.IntegerType)
      .add("salary", DataTypes.DoubleType)
      .add("name", DataTypes.StringType));

  private static InternalRow convert(String json) throws Exception {
    return CONVERTER.convert(JSON.readTree(json));
  }

  private static String refused(String json) {
    return assertThrows(IllegalStateException.class, () -> convert(json)).getMessage();
  }

  @Test
  void numbersAndNumericStringsConvertExactly() throws Exception {
    InternalRow row = convert("{\"employment\": 1656880, \"score\": \"2\", \"salary\": 132270.5}");
    assertEquals(1656880L, row.getLong(0));
    assertEquals(2, row.getInt(1));
    assertEquals(132270.5, row.getDouble(2));
    InternalRow whole =
        convert("{\"employment\": 1656880.0, \"score\": 2.0, \"salary\": \"99.5\"}");
    assertEquals(1656880L, whole.getLong(0));
    assertEquals(2, whole.getInt(1));
    assertEquals(99.5, whole.getDouble(2));
    assertTrue(convert("{\"employment\": null}").isNullAt(0));
  }

  @Test
  void aValueAColumnCannotHoldIsAnErrorNamingTheField() {
    assertEquals(
        "The API returned 1656880.9 for field 'employment', expected a whole number of at most "
            + Long.MAX_VALUE + ".",
        refused("{\"employment\": 1656880.9}"));
    assertTrue(refused("{\"employment\": 18446744073709551617}").contains("'employment'"));
    assertTrue(refused("{\"score\": 4294967298}").contains("at most " + Integer.MAX_VALUE));
    assertEquals(
        "The API returned STRING for field 'employment', expected a number.",
        refused("{\"employment\": \"NaN\"}"));
    assertEquals(
        "The API returned STRING for field 'salary', expected a number.",
        refused("{\"salary\": \"Infinity\"}"));
    assertEquals(
        "The API returned BOOLEAN for field 'score', expected a number.",
        refused("{\"score\": true}"));
  }

  @Test
  void aNumberBeyondADoubleOrAnObjectForTextIsRefusedNotPassedOn() throws Exception {
    assertTrue(
        refused("{\"salary\": 1e400}")
            .contains(" for field 'salary', expected a number of at most"),
        refused("{\"salary\": 1e400}"));
    assertTrue(refused("{\"salary\": \"-1e400\"}").contains("field 'salary'"));
    assertEquals(
        "The API returned OBJECT for field 'name', expected a string.",
        refused("{\"name\": {\"first\": \"Software\"}}"));
    assertEquals(
        "The API returned ARRAY for field 'name', expected a string.",
        refused("{\"name\": [\"a\"]}"));
    assertEquals(
        "Software Developers",
        convert("{\"name\": \"Software Developers\"}").getUTF8String(3).toString());
    assertEquals(
        1.7976931348623157E308, convert("{\"salary\": 1.7976931348623157E308}").getDouble(2));
  }
}
