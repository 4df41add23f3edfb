package io.github.lightcastspark.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.math.BigDecimal;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Writes a parsed JSON object straight into Spark's internal row format, driven by the (possibly pruned) read schema:
 * fields the schema does not name are skipped, missing or null ones become null, and a value of the wrong JSON type
 * is an error naming the field rather than a silent null. Numbers may come as JSON numbers or numeric strings; a
 * whole-number column takes only a whole number in its range ({@code 12.0} is one, {@code 12.5} is not), never a
 * truncated or wrapped one; {@code NaN}, infinities and numbers beyond a double's range are refused, and so is an
 * object or array where a string belongs.
 */
public final class JsonRowConverter implements Serializable {
  private static final long serialVersionUID = 1L;

  private final StructType schema;

  /** A value its column cannot hold: the API's answer is malformed, not the connector. */
  static final class MalformedValue extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    MalformedValue(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** @param schema the columns to produce, nested structs possibly pruned */
  public JsonRowConverter(StructType schema) {
    this.schema = schema;
  }

  /** @return the row for {@code object} */
  public InternalRow convert(JsonNode object) {
    return struct(object, schema, "");
  }

  private static InternalRow struct(JsonNode object, StructType type, String path) {
    StructField[] fields = type.fields();
    Object[] values = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      values[i] =
          value(object.get(fields[i].name()), fields[i].dataType(), path + fields[i].name());
    }
    return new GenericInternalRow(values);
  }

  private static Object value(JsonNode node, DataType type, String path) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (type instanceof StringType) {
      // An object or array where text belongs is not that text: its JSON would pass for a name.
      require(node.isValueNode(), node, path, "a string");
      return UTF8String.fromString(node.asText());
    }
    if (type instanceof DoubleType) {
      double value = node.isNumber() ? node.doubleValue() : number(node, path).doubleValue();
      if (!Double.isFinite(value)) {
        // 1e400 parses as infinity: a figure no API has, so the answer is malformed.
        throw new MalformedValue(
            "The API returned " + node + " for field '" + path + "', expected a number of at"
                + " most " + Double.MAX_VALUE + " in magnitude.",
            null);
      }
      return value;
    }
    if (type instanceof LongType || type instanceof IntegerType) {
      BigDecimal number = number(node, path);
      try {
        return type instanceof LongType
            ? (Object) number.longValueExact()
            : (Object) number.intValueExact();
      } catch (ArithmeticException e) {
        throw new MalformedValue(
            "The API returned " + node + " for field '" + path + "', expected a whole"
                + " number of at most "
                + (type instanceof LongType ? Long.MAX_VALUE : Integer.MAX_VALUE) + ".",
            e);
      }
    }
    if (type instanceof BooleanType) {
      require(node.isBoolean(), node, path, "a boolean");
      return node.booleanValue();
    }
    if (type instanceof StructType struct) {
      require(node.isObject(), node, path, "an object");
      return struct(node, struct, path + ".");
    }
    if (type instanceof ArrayType array) {
      require(node.isArray(), node, path, "an array");
      Object[] elements = new Object[node.size()];
      for (int i = 0; i < elements.length; i++) {
        elements[i] = value(node.get(i), array.elementType(), path + "[" + i + "]");
      }
      return new GenericArrayData(elements);
    }
    throw new IllegalStateException("No JSON conversion for " + type + " at " + path);
  }

  /** @return the exact value of a JSON number or numeric string; BigDecimal has no NaN or infinity to let through */
  private static BigDecimal number(JsonNode node, String path) {
    if (node.isNumber()) {
      try {
        return node.decimalValue();
      } catch (NumberFormatException e) {
        // a double NaN or infinity: reported below
      }
    } else if (node.isTextual()) {
      try {
        return new BigDecimal(node.asText().strip());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    require(false, node, path, "a number");
    return null;
  }

  private static void require(boolean ok, JsonNode node, String path, String expected) {
    if (!ok) {
      throw new MalformedValue(
          "The API returned " + node.getNodeType() + " for field '" + path + "', expected "
              + expected + ".",
          null);
    }
  }
}
