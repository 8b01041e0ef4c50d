package dev.ecsguard.input;

import dev.ecsguard.source.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Expands the paths a user gives into the files to read. */
public final class InputFiles {
  private InputFiles() {}

  /**
   * Files are taken as given; directories are searched recursively for {@code *.json}, in name
   * order, leaving out hidden directories (.git and the like).
   *
   * @throws InputException for a path that does not exist or a directory that cannot be listed
   */
  public static List<Path> expand(List<Path> paths) throws InputException {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(file -> Files.isRegularFile(file) && isJson(file) && !hidden(path, file)).sorted().forEach(files::add);
        } catch (IOException | UncheckedIOException e) {
          throw new InputException(path.toString(), "cannot list the directory: " + e.getClass().getSimpleName());
        }
      } else if (Files.exists(path)) {
        files.add(path);
      } else {
        throw new InputException(path.toString(), "no such file or directory");
      }
    }
    return files;
  }

  private static boolean isJson(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
  }

  private static boolean hidden(Path root, Path file) {
    for (Path step : root.relativize(file)) {
      if (step.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
