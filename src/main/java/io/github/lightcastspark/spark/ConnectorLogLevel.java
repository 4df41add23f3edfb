package io.github.lightcastspark.spark;

import io.github.lightcastspark.core.options.ReadOptions;
import java.util.Locale;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.slf4j.LoggerFactory;

/**
 * Sets the level of the connector's loggers (option {@code logLevel}) in the JVM that plans or reads, through log4j
 * 2, the logging Spark ships: the connector's lines then show at that level while Spark's keep theirs. The bundled
 * HTTP client's loggers stay at WARN: their lines are not the connector's.
 */
final class ConnectorLogLevel {
  private static final String CONNECTOR = "io.github.lightcastspark";
  private static final String BUNDLED = CONNECTOR + ".shaded";

  private ConnectorLogLevel() {}

  /** The level this JVM last set: a task of the same read need not reconfigure the loggers again. */
  private static volatile String applied;

  static void apply(ReadOptions options) {
    options.logLevel().filter(level -> !level.equals(applied)).ifPresent(level -> {
      applied = level;
      try {
        Configurator.setLevel(CONNECTOR, Level.valueOf(level.toUpperCase(Locale.ROOT)));
        Configurator.setLevel(BUNDLED, Level.WARN);
      } catch (LinkageError notLog4j) {
        LoggerFactory.getLogger(ConnectorLogLevel.class)
            .warn(
                "Option logLevel needs log4j 2 as Spark's logging; this JVM has another, so it is ignored.");
      }
    });
  }
}
