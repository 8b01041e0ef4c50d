package dev.ecsguard.cli;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Options from the environment, for CI: {@code ECSGUARD_FAIL_ON=high} is {@code --fail-on high} for
 * every command that has the option; the command line wins. The name is the option's longest name,
 * upper-cased, dashes as underscores.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {
  static final String PREFIX = "ECSGUARD_";

  private final Map<String, String> environment;

  EnvironmentDefaults(Map<String, String> environment) {
    this.environment = environment;
  }

  /** The variable that sets {@code option}, e.g. ECSGUARD_FAIL_ON for --fail-on. */
  static String variable(OptionSpec option) {
    return PREFIX
        + option.longestName().replaceFirst("^-+", "").toUpperCase(Locale.ROOT).replace('-', '_');
  }

  @Override
  public String defaultValue(ArgSpec argument) {
    if (!(argument instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
      return null;
    }
    return environment.get(variable(option));
  }

  /** The values the environment gives options: hidden from error messages as typed ones are. */
  Stream<String> values() {
    return environment.entrySet().stream()
        .filter(entry -> entry.getKey().startsWith(PREFIX))
        .map(Map.Entry::getValue);
  }
}
