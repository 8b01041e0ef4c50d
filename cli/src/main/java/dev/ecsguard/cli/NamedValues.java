package dev.ecsguard.cli;

import java.util.Map;

/**
 * Checks of the NAME=VALUE options (--tf-var, --cfn-param), which picocli splits at the first '='.
 */
final class NamedValues {
  private NamedValues() {}

  /**
   * The error for a value given without a name ({@code --tf-var =x}), or null. It never repeats the
   * value, which may be a secret.
   */
  static String unnamed(String option, Map<String, String> values) {
    return values.keySet().stream().anyMatch(String::isBlank)
        ? "ecsguard: " + option + " needs NAME=VALUE; a value was given without a name"
        : null;
  }
}
