package dev.ecsguard.input;

import dev.ecsguard.source.InputException;
import dev.ecsguard.source.Problems;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Expands the paths a user gives into the files to read. */
public final class InputFiles {

  /** Receives each file to read, or the error of a path that cannot be listed. */
  public interface Visitor {
    void file(Path file);

    void error(InputException error);
  }

  private InputFiles() {}

  /**
   * Files are taken as given; directories are searched recursively for {@code *.json}, in name
   * order, leaving out hidden entries (.git and the like). Directories are listed one at a time,
   * by name only, so memory does not grow with the number of files.
   */
  public static void visit(List<Path> paths, Visitor visitor) {
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        walk(path, visitor);
      } else if (Files.exists(path)) {
        visitor.file(path);
      } else {
        visitor.error(new InputException(path.toString(), "no such file or directory"));
      }
    }
  }

  private static void walk(Path directory, Visitor visitor) {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!name.startsWith(".")) {
          names.add(name);
        }
      }
    } catch (IOException e) {
      visitor.error(new InputException(directory.toString(), "cannot list the directory: " + Problems.describe(e)));
      return;
    }
    Collections.sort(names);
    for (String name : names) {
      Path entry = directory.resolve(name);
      if (Files.isDirectory(entry)) {
        if (!Files.isSymbolicLink(entry)) { // a linked directory could lead back up the tree
          walk(entry, visitor);
        }
      } else if (name.toLowerCase(Locale.ROOT).endsWith(".json") && Files.isRegularFile(entry)) {
        visitor.file(entry);
      }
    }
  }
}
