package dev.ecsguard.cli;

import dev.ecsguard.config.Configuration;
import dev.ecsguard.config.ConfigurationReader;
import dev.ecsguard.source.InputException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which .ecsguard.yml a command follows (a picocli mixin). */
final class ConfigChoice {
  @Option(names = "--config", paramLabel = "FILE", description = "Settings and suppressions (default: the nearest .ecsguard.yml in this directory or a parent).")
  Path config;

  @Option(names = "--no-config", description = "Ignore any .ecsguard.yml.")
  boolean noConfig;

  /** As {@link #load()}; null, with the error printed on {@code err}, when the file cannot be read. */
  Configuration loadOrSay(java.io.PrintWriter err) {
    try {
      return load();
    } catch (InputException e) {
      err.println(dev.ecsguard.report.Printable.escape(e.getMessage()));
      return null;
    }
  }

  /** --config, else the nearest .ecsguard.yml (unless --no-config), else none. */
  Configuration load() throws InputException {
    if (config != null) {
      return ConfigurationReader.read(config, config.toString());
    }
    Path found = noConfig ? null : ConfigurationReader.find(Path.of(""));
    if (found == null) {
      return Configuration.NONE;
    }
    Path shown = Path.of("").toAbsolutePath().relativize(found); // as a user would write it
    return ConfigurationReader.read(found, shown.toString());
  }
}
