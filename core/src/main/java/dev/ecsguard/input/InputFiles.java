package dev.ecsguard.input;

import dev.ecsguard.format.InputReader;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.Problems;
import dev.ecsguard.tree.RegularFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Expands the paths a user gives into the files to read. */
public final class InputFiles {

  /** Receives each file to read, what was passed over, and paths that cannot be listed. */
  public interface Visitor {
    /**
     * {@code tree}: the directory the user named that holds this file, or the file's own directory
     * when the user named the file; {@code named}: the user named this file.
     */
    void file(Path file, Path tree, boolean named);

    /** A path left out on purpose, said so that the user knows it was not checked. */
    void skipped(Path path, String why);

    void error(InputException error);
  }

  /**
   * Receives the units to read: each file of the file formats, and each directory a directory
   * format reads.
   */
  public interface UnitVisitor extends Visitor {
    /**
     * A directory unit, given after every path was visited: by then every file of it that the scan
     * takes is known.
     */
    void directory(InputFormat format, InputReader.Directory unit);
  }

  private InputFiles() {}

  /**
   * Files are taken as given; directories are searched recursively for the files some input format
   * reads ({@link InputFormat#allExtensions()}), in name order, leaving out hidden entries (.git
   * and the like) and following links to directories once each. Directories are listed one at a
   * time, by name only, so memory does not grow with the number of files.
   */
  public static void visit(List<Path> paths, Visitor visitor) {
    visit(paths, Exclusions.NONE, visitor);
  }

  /** As above, leaving out what {@code exclusions} says (with a note for each input left out). */
  public static void visit(List<Path> paths, Exclusions exclusions, Visitor visitor) {
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        walk(path, path, exclusions, visitor, new HashSet<>());
      } else if (Files.exists(path)) {
        visitor.file(path, directoryOf(path), true);
      } else {
        visitor.error(new InputException(path.toString(), "no such file or directory"));
      }
    }
  }

  /**
   * As {@link #visit}, but the files of a {@link InputFormat.Unit#DIRECTORY} format are gathered by
   * directory, and each directory is given once, after the others: with the files found or named in
   * it (a module named twice, or by two of its files, is read once) and the tree it was first found
   * in.
   */
  public static void visitUnits(List<Path> paths, Exclusions exclusions, UnitVisitor visitor) {
    record Key(InputFormat format, Path directory) {}
    record Found(Path tree, List<Path> files) {}
    Map<Key, Found> units = new LinkedHashMap<>();
    visit(
        paths,
        exclusions,
        new Visitor() {
          @Override
          public void file(Path file, Path tree, boolean named) {
            InputFormat format = InputFormat.readingDirectoryOf(file);
            if (format == null) {
              visitor.file(file, tree, named);
              return;
            }
            units
                .computeIfAbsent(
                    new Key(format, directoryOf(file)), key -> new Found(tree, new ArrayList<>()))
                .files()
                .add(file);
          }

          @Override
          public void skipped(Path path, String why) {
            visitor.skipped(path, why);
          }

          @Override
          public void error(InputException error) {
            visitor.error(error);
          }
        });
    units.forEach(
        (key, found) ->
            visitor.directory(
                key.format(),
                new InputReader.Directory(found.tree(), key.directory(), found.files())));
  }

  /** The directory holding {@code file}: its parent, or the working directory for a bare name. */
  public static Path directoryOf(Path file) {
    return file.getParent() != null ? file.getParent() : Path.of(".");
  }

  /** Reading stays inside the tree the user named: a link found there may not lead out of it. */
  private static boolean leadsOutOf(Path tree, Path entry) {
    if (!Files.isSymbolicLink(entry) || !Files.exists(entry)) {
      return false;
    }
    try {
      return !entry.toRealPath().startsWith(tree.toRealPath());
    } catch (IOException e) {
      return true;
    }
  }

  private static void walk(
      Path tree, Path directory, Exclusions exclusions, Visitor visitor, Set<Path> visited) {
    try {
      if (!visited.add(directory.toRealPath())) {
        visitor.skipped(directory, "a link back to a directory already searched; skipped");
        return;
      }
    } catch (IOException e) {
      visitor.error(
          new InputException(
              directory.toString(), "cannot list the directory: " + Problems.describe(e)));
      return;
    }
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!name.startsWith(".")) {
          names.add(name);
        }
      }
    } catch (IOException e) {
      visitor.error(
          new InputException(
              directory.toString(), "cannot list the directory: " + Problems.describe(e)));
      return;
    }
    Collections.sort(names);
    for (String name : names) {
      Path entry = directory.resolve(name);
      boolean isDirectory = Files.isDirectory(entry);
      String excluded =
          isDirectory || InputFormat.anyReads(entry)
              ? exclusions.why(tree, entry, isDirectory)
              : null;
      if (excluded != null) {
        visitor.skipped(entry, excluded + "; skipped");
      } else if (isDirectory && leadsOutOf(tree, entry)) {
        visitor.skipped(
            entry,
            "a link that leads out of the scanned tree; skipped (name its target to scan it)");
      } else if (InputFormat.anyReads(entry) && !isDirectory && leadsOutOf(tree, entry)) {
        // An input not read must not pass unseen: refused, so that the scan cannot pass without it.
        visitor.error(
            new InputException(
                entry.toString(),
                "refused: a link that leads out of the scanned tree (name its target to scan it)"));
      } else if (isDirectory) {
        walk(tree, entry, exclusions, visitor, visited);
      } else if (InputFormat.anyReads(entry)) {
        if (Files.isSymbolicLink(entry) && !Files.exists(entry)) {
          visitor.skipped(entry, "a broken link; skipped");
          continue;
        }
        try {
          // A FIFO or device named like an input is an input not read: an error, never a silent
          // pass.
          RegularFiles.requireRegular(entry, entry.toString());
          visitor.file(entry, tree, false);
        } catch (InputException e) {
          visitor.error(e);
        }
      }
    }
  }
}
