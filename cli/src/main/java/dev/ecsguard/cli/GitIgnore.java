package dev.ecsguard.cli;

import dev.ecsguard.input.Exclusions;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.RegularFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * The {@code .gitignore} files of the scanned tree, as git reads them (JGit's rules): an entry a
 * deeper file decides is decided there, else by the files above it, up to the directory the user
 * named. Files above that directory are not read: reading stays inside the scanned tree. A {@code
 * .gitignore} that is not a regular file, or too large, is passed over.
 */
final class GitIgnore implements Exclusions {
  private static final long MAX_BYTES = 1024 * 1024;

  private final Map<Path, IgnoreNode> rules = new HashMap<>();

  @Override
  public String why(Path tree, Path path, boolean directory) {
    for (Path at = path.getParent(); at != null && at.startsWith(tree); at = at.getParent()) {
      IgnoreNode node = rules(at);
      if (node == null) {
        continue;
      }
      Boolean ignored =
          node.checkIgnored(at.relativize(path).toString().replace('\\', '/'), directory);
      if (ignored != null) {
        return ignored
            ? "ignored by " + at.resolve(".gitignore") + " (--no-gitignore reads it)"
            : null;
      }
    }
    return null;
  }

  /** The rules of {@code directory}'s .gitignore, or null when it has none. */
  private IgnoreNode rules(Path directory) {
    return rules.computeIfAbsent(
        directory,
        at -> {
          Path file = at.resolve(".gitignore");
          if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
          }
          IgnoreNode node = new IgnoreNode();
          try {
            node.parse(
                new ByteArrayInputStream(RegularFiles.read(file, file.toString(), MAX_BYTES)));
          } catch (InputException | IOException e) {
            return null;
          }
          return node.getRules().isEmpty() ? null : node;
        });
  }
}
