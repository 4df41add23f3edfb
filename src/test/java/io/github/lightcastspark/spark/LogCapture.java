package io.github.lightcastspark.spark;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/** Collects every log line of the JVM while installed, so that tests can read what users would see in their logs. */
final class LogCapture extends AbstractAppender implements AutoCloseable {
  private final List<String> lines = new CopyOnWriteArrayList<>();

  private LogCapture() {
    super("test-capture", null, null, true, Property.EMPTY_ARRAY);
  }

  static LogCapture install() {
    LogCapture capture = new LogCapture();
    capture.start();
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    // The connector's logger passes its events on to the root's appenders too: one appender there
    // sees each once.
    context.getConfiguration().getRootLogger().addAppender(capture, Level.ALL, null);
    context.updateLoggers();
    return capture;
  }

  @Override
  public void append(LogEvent event) {
    StringBuilder line = new StringBuilder(event.getLoggerName())
        .append(": ")
        .append(event.getMessage().getFormattedMessage());
    for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
      line.append(" | ").append(t);
    }
    lines.add(line.toString());
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    context.getConfiguration().getRootLogger().removeAppender(getName());
    context.updateLoggers();
    stop();
  }
}
