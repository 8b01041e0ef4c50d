package dev.ecsguard.cli;

import dev.ecsguard.config.Configuration;
import dev.ecsguard.config.ConfigurationReader;
import dev.ecsguard.tree.InputException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which .ecsguard.yml a command follows (a picocli mixin). */
final class ConfigChoice {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Settings and suppressions (default: the nearest .ecsguard.yml in this directory or a parent).")
  Path config;

  @Option(names = "--no-config", description = "Ignore any .ecsguard.yml.")
  boolean noConfig;

  /**
   * As {@link #load()}; null, with the error printed on {@code err}, when the file cannot be read.
   */
  Configuration loadOrSay(java.io.PrintWriter err) {
    try {
      return load();
    } catch (InputException e) {
      err.println(dev.ecsguard.report.Printable.escape(e.getMessage()));
      return null;
    }
  }

  /**
   * The file {@link #load()} reads: --config, else the nearest .ecsguard.yml (unless --no-config),
   * else null.
   */
  Path file() {
    return config != null ? config : noConfig ? null : ConfigurationReader.find(Path.of(""));
  }

  /** The configuration of {@link #file()}, or none. */
  Configuration load() throws InputException {
    Path file = file();
    if (file == null) {
      return Configuration.NONE;
    }
    Path shown =
        file == config
            ? config
            : Path.of("").toAbsolutePath().relativize(file); // as a user would write it
    return ConfigurationReader.read(file, shown.toString());
  }
}
