package io.github.lightcastspark.core.options;

/**
 * How one option's value is read and checked.
 *
 * @param <T> the value's type
 */
@FunctionalInterface
public interface OptionRule<T> {
  /**
   * @param value the value as given, stripped
   * @param reading the read being parsed: its dataset, the options read before this one, and the errors to throw
   * @return the checked value
   * @throws LightcastOptionException naming the option's origin, the bad value and what is valid
   */
  T read(String value, OptionReading reading);
}
