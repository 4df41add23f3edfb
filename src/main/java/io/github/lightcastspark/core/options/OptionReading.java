package io.github.lightcastspark.core.options;

import java.util.Optional;

/** What an {@link OptionRule} may ask of the read whose option it checks. */
public interface OptionReading {
  /** @return the dataset read */
  Dataset dataset();

  /** @return the value of an option declared before the one being read, or its default; empty when it has none */
  <U> Optional<U> find(ReadOption<U> earlier);

  /**
   * @return where the value came from: {@code option x}, {@code Spark conf spark.lightcast.x} or an environment
   *     variable
   */
  String origin();

  /**
   * @return the option's default as an example for a message, such as
   *     {@code https://auth.emsicloud.com/connect/token}
   */
  String defaultValue();

  /**
   * @param value the bad value (never a secret's)
   * @param why what is valid
   * @return the error: {@code <Origin> has invalid value '<value>': <why>.}
   */
  LightcastOptionException invalid(String value, String why);
}
