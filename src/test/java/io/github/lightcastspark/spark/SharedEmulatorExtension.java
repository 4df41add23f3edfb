package io.github.lightcastspark.spark;

import io.github.lightcastspark.core.jvm.DriverState;
import io.github.lightcastspark.core.jvm.ExecutorState;
import io.github.lightcastspark.emulator.LightcastEmulator;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a Spark test the JVM's one {@code local[2]} session and the shared emulator, and before each test a clean
 * start: no faults, an empty journal, and the connector's JVM-wide state (schedules, pacers, caches, tokens) afresh,
 * so that no test inherits a lease, a cached list or a token of another.
 */
final class SharedEmulatorExtension implements BeforeEachCallback, ParameterResolver {
  @Override
  public void beforeEach(ExtensionContext context) {
    LightcastEmulator emulator = TestEmulators.shared();
    emulator.faults().reset();
    emulator.journal().clear();
    DriverState.reset();
    ExecutorState.reset();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LightcastEmulator.class || type == SparkSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SparkSession.class
        ? TestSpark.session()
        : TestEmulators.shared();
  }
}
