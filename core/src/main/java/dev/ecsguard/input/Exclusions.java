package dev.ecsguard.input;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * What a directory search leaves out, beside hidden entries: {@code --exclude} globs, a
 * repository's {@code .gitignore}. A path the user names is always read.
 */
@FunctionalInterface
public interface Exclusions {
  Exclusions NONE = (tree, path, directory) -> null;

  /**
   * Why {@code path}, found in {@code tree} (the directory the user named), is left out, in words
   * for a note ("excluded by --exclude node_modules"); null when it is searched.
   */
  String why(Path tree, Path path, boolean directory);

  /** Both: this one's reason first. */
  default Exclusions and(Exclusions other) {
    return (tree, path, directory) -> {
      String why = why(tree, path, directory);
      return why != null ? why : other.why(tree, path, directory);
    };
  }

  /**
   * {@code --exclude} globs (Java's glob syntax: {@code *}, {@code **}, {@code ?}, {@code {a,b}}).
   * A pattern without a slash matches an entry's name at any depth ({@code node_modules}, {@code
   * *.generated.json}); one with a slash matches the path from the directory named ({@code
   * infra/legacy/**}).
   */
  static Exclusions globs(List<String> patterns) {
    record Glob(String pattern, PathMatcher matcher, boolean byName) {}
    List<Glob> globs = new ArrayList<>();
    for (String pattern : patterns) {
      String written = pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern;
      try {
        globs.add(
            new Glob(
                pattern,
                FileSystems.getDefault().getPathMatcher("glob:" + written),
                !written.contains("/")));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--exclude " + pattern + " is not a glob: " + e.getMessage(), e);
      }
    }
    if (globs.isEmpty()) {
      return NONE;
    }
    return (tree, path, directory) -> {
      Path relative = tree.relativize(path);
      for (Glob glob : globs) {
        if (glob.matcher().matches(glob.byName() ? path.getFileName() : relative)) {
          return "excluded by --exclude " + glob.pattern();
        }
      }
      return null;
    };
  }
}
