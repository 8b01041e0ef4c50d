package dev.ecsguard.tree;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Paths that do not depend on the current directory: a file's path from the root of the git
 * repository that holds it (the nearest directory with a {@code .git}, a worktree's file too), else
 * absolute. What identifies a finding across runs (baselines, SARIF's and ASFF's fingerprints) uses
 * them, so that a scan from a subdirectory or of absolute paths matches one from the root.
 */
public final class RepositoryPaths {
  /** Each file's {@link #stable} path, found once: a file has a finding per control. */
  private final Map<String, String> stable = new ConcurrentHashMap<>();

  /** The root of the git repository {@code path} (a file or directory) is in, or null. */
  public static Path root(Path path) {
    for (Path at = path.toAbsolutePath().normalize(); at != null; at = at.getParent()) {
      if (Files.exists(at.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
        return at;
      }
    }
    return null;
  }

  /**
   * {@code file} from its repository's root ({@code infra/task.json}), else absolute, with {@code
   * /} between names. What is no file on this machine (standard input, a live resource) keeps its
   * name.
   */
  public String stable(String file) {
    return stable.computeIfAbsent(file, RepositoryPaths::of);
  }

  private static String of(String file) {
    Path path;
    try {
      path = Path.of(file);
    } catch (InvalidPathException e) {
      return file;
    }
    if (!Files.exists(path)) {
      return file;
    }
    Path absolute = path.toAbsolutePath().normalize();
    Path root = root(absolute.getParent() == null ? absolute : absolute.getParent());
    Path shown = root == null ? absolute : root.relativize(absolute);
    return shown.toString().replace('\\', '/');
  }
}
