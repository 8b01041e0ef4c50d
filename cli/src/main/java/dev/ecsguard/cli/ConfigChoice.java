package dev.ecsguard.cli;

import dev.ecsguard.config.Configuration;
import dev.ecsguard.config.ConfigurationReader;
import dev.ecsguard.report.Printable;
import dev.ecsguard.tree.InputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Which .ecsguard.yml a command follows (a picocli mixin). */
final class ConfigChoice {
  private static final Path CURRENT_DIRECTORY = Path.of("");

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Settings and suppressions (default: the nearest .ecsguard.yml from each scanned path up to its repository's root).")
  Path config;

  @Option(names = "--no-config", description = "Ignore any .ecsguard.yml.")
  boolean noConfig;

  /** The file the last {@link #load} read, or null. */
  private Path used;

  /**
   * As {@link #load(List)}; null, with the error printed on {@code err}, when the file cannot be
   * read or the paths find different files.
   */
  Configuration loadOrSay(PrintWriter err, List<Path> scanned) {
    try {
      return load(scanned);
    } catch (InputException e) {
      err.println(Printable.escape(e.getMessage()));
    } catch (IllegalArgumentException e) {
      err.println(Printable.escape("ecsguard: " + e.getMessage()));
    }
    return null;
  }

  /** As {@link #loadOrSay(PrintWriter, List)} for a command that reads no path. */
  Configuration loadOrSay(PrintWriter err) {
    return loadOrSay(err, List.of());
  }

  /** The file the last {@link #load} read, or null: an input, never to be overwritten. */
  Path file() {
    return used;
  }

  /** As {@link #load(List)} for a command that reads no path: found from the current directory. */
  Configuration load() throws InputException {
    return load(List.of());
  }

  /**
   * The configuration of --config, else (unless --no-config) of the nearest .ecsguard.yml of the
   * paths {@code scanned} ({@link ConfigurationReader#find}; standard input, {@code -}, and no path
   * at all look from the current directory), else none.
   *
   * @throws IllegalArgumentException when the paths find different files (or one finds none): the
   *     scan must not judge one repository's files by another's settings, so the user chooses
   */
  Configuration load(List<Path> scanned) throws InputException {
    used = config != null ? config : noConfig ? null : found(scanned);
    if (used == null) {
      return Configuration.NONE;
    }
    Path here = CURRENT_DIRECTORY.toAbsolutePath();
    // As a user would write it: from here when it is below, else where it is.
    Path shown = used == config ? config : used.startsWith(here) ? here.relativize(used) : used;
    return ConfigurationReader.read(used, shown.toString());
  }

  private static Path found(List<Path> scanned) throws InputException {
    List<Path> starts =
        scanned.isEmpty()
            ? List.of(CURRENT_DIRECTORY)
            : scanned.stream()
                .map(path -> path.toString().equals("-") ? CURRENT_DIRECTORY : path)
                .toList();
    // Each file found (or none) → the first path that found it.
    Map<Optional<Path>, Path> firstFinder = new LinkedHashMap<>();
    for (Path start : starts) {
      firstFinder.putIfAbsent(Optional.ofNullable(ConfigurationReader.find(start)), start);
    }
    if (firstFinder.size() > 1) {
      throw new IllegalArgumentException(
          "the paths scanned have different configurations: "
              + String.join(
                  ", ",
                  firstFinder.entrySet().stream()
                      .map(
                          each ->
                              each.getKey().map(Path::toString).orElse("none")
                                  + " for "
                                  + (each.getValue() == CURRENT_DIRECTORY ? "." : each.getValue()))
                      .toList())
              + "; scan them apart, or choose with --config FILE or --no-config");
    }
    return firstFinder.keySet().iterator().next().orElse(null);
  }
}
