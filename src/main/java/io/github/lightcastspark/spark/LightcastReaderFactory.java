package io.github.lightcastspark.spark;

import io.github.lightcastspark.core.jvm.ExecutorState;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.pacing.PacingPlan;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkEnv;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;

/** Ships what every task needs to the executors and opens one reader per partition. */
public final class LightcastReaderFactory implements PartitionReaderFactory {
  private static final long serialVersionUID = 1L;

  private final ReadOptions options;
  private final List<String> fields;
  private final StructType readSchema;
  private final PacingPlan pacing;
  private final String readId;
  private final Map<String, Integer> lanesById;

  LightcastReaderFactory(
      ReadOptions options,
      List<String> fields,
      StructType readSchema,
      PacingPlan pacing,
      String readId,
      Map<String, Integer> lanesById) {
    this.options = options;
    this.fields = List.copyOf(fields);
    this.readSchema = readSchema;
    this.pacing = pacing;
    this.readId = readId;
    this.lanesById = Map.copyOf(lanesById);
  }

  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    if (!(partition instanceof LightcastInputPartition p)) {
      throw new IllegalArgumentException(
          "Not a Lightcast partition: " + partition.getClass().getName());
    }
    return new LightcastPartitionReader(
        options,
        fields,
        readSchema,
        ExecutorState.get().pacerFor(pacing, SparkEnv.get().executorId(), lanesById),
        readId,
        p);
  }
}
