package io.github.lightcastspark.core.options;

import java.util.function.Predicate;

/**
 * When an option must be given, and how its absence is explained: {@code Missing <what>: [<because>; ]set <the ways
 * to give it>[ (<otherwise>)].}
 *
 * @param what what the value is called, such as {@code platform key}
 * @param when whether the read being parsed needs it, from the options read
 * @param because why it is needed, or null when it always is
 * @param otherwise how to do without it, or null
 */
record Requirement(String what, Predicate<OptionReading> when, String because, String otherwise) {
  /** @return a requirement of every read the option applies to */
  static Requirement always(String what) {
    return new Requirement(what, reading -> true, null, null);
  }

  /**
   * @param sources the ways to give the value: option, Spark conf, environment variable
   * @return the message of the value's absence
   */
  String missing(String sources) {
    return "Missing " + what + ": " + (because == null ? "" : because + "; ") + "set " + sources
        + (otherwise == null ? "" : " (" + otherwise + ")") + ".";
  }
}
