package dev.ecsguard.report;

import dev.ecsguard.tree.RepositoryPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a SARIF report's files are, as GitHub code scanning resolves them: relative to one root
 * (the base id {@link #SOURCE_ROOT}) when they are inside it, else absolute {@code file:} URIs.
 *
 * <p>GitHub resolves a relative URI against the root of the repository analysed and ignores {@code
 * uriBaseId} and {@code originalUriBaseIds}; {@code %SRCROOT%} is the name its own documentation,
 * CodeQL and the SARIF specification's examples give that root, so other SARIF viewers take it as
 * meant. Files are named by their real path (GitHub cannot show a result in a symbolic link).
 */
final class SarifUris {
  /** The base id of every relative URI: the root of the source tree. */
  static final String SOURCE_ROOT = "%SRCROOT%";

  /** A file's location: {@code uri}, relative to {@link #SOURCE_ROOT} when {@code relative}. */
  record Artifact(String uri, boolean relative) {}

  private final Path root;
  private final Map<String, Optional<Path>> realPaths = new HashMap<>();

  /**
   * {@code root}: what URIs are relative to, or null for the root of the git repository holding
   * {@code files} (the outermost when one repository is inside another, as a submodule is; the
   * first when they are apart); none when no file is in one (then every URI is absolute, which
   * GitHub makes relative to the checkout). {@code files} are names as findings give them; {@code
   * written}, a file this report comes with (null for none), counts among them.
   */
  SarifUris(Path root, Collection<String> files, Path written) throws IOException {
    if (root != null) {
      this.root = root.toRealPath();
      return;
    }
    Set<Path> reals = new LinkedHashSet<>(); // a file has a finding per control: each once
    files.forEach(file -> reals.add(realPath(file)));
    reals.add(written == null ? null : toBeWritten(written));
    List<Path> roots = new ArrayList<>();
    for (Path real : reals) {
      Path repository = real == null ? null : RepositoryPaths.root(real);
      if (repository != null && !roots.contains(repository)) {
        roots.add(repository);
      }
    }
    this.root =
        roots.stream()
            .filter(candidate -> roots.stream().noneMatch(other -> isInside(candidate, other)))
            .findFirst()
            .orElse(null);
  }

  /** The root as an absolute URI ending in a slash, for {@code originalUriBaseIds}; or null. */
  String rootUri() {
    if (root == null) {
      return null;
    }
    String uri = root.toUri().toASCIIString();
    return uri.endsWith("/") ? uri : uri + "/";
  }

  /**
   * {@code file}'s location: relative to the root inside it, else an absolute {@code file:} URI. A
   * name that is no file on this machine ({@code <stdin>}) is a relative reference to itself.
   */
  Artifact artifact(String file) {
    Path real = realPath(file);
    return real == null
        ? new Artifact(encode(file.replace('\\', '/').replaceFirst("^(\\./)+", "")), true)
        : artifact(real);
  }

  /** The location of a file this report comes with, which is written after it. */
  Artifact written(Path file) throws IOException {
    return artifact(toBeWritten(file));
  }

  private Artifact artifact(Path real) {
    if (root != null && real.startsWith(root)) {
      return new Artifact(encode(root.relativize(real).toString().replace('\\', '/')), true);
    }
    return new Artifact(real.toUri().toASCIIString(), false);
  }

  /** Whether {@code file} names a file on this machine. */
  boolean isFile(String file) {
    return realPath(file) != null;
  }

  /** The real path of a file; null for what is no file (standard input, a live document). */
  private Path realPath(String file) {
    return realPaths
        .computeIfAbsent(
            file,
            name -> {
              try {
                Path path = Path.of(name);
                return Files.exists(path) ? Optional.of(path.toRealPath()) : Optional.empty();
              } catch (InvalidPathException | IOException e) {
                return Optional.empty();
              }
            })
        .orElse(null);
  }

  /** The real path a file will have: its directory's, with its name. */
  private static Path toBeWritten(Path file) throws IOException {
    Path absolute = file.toAbsolutePath().normalize();
    return Files.exists(absolute)
        ? absolute.toRealPath()
        : absolute.getParent().toRealPath().resolve(absolute.getFileName());
  }

  private static boolean isInside(Path candidate, Path other) {
    return !candidate.equals(other) && candidate.startsWith(other);
  }

  /**
   * A relative path as a URI reference: every byte but RFC 3986's unreserved characters, its
   * sub-delimiters, {@code @} and {@code /} percent-encoded ({@code :} too, which would otherwise
   * read as a scheme).
   */
  static String encode(String path) {
    StringBuilder uri = new StringBuilder();
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~!$&'()*+,;=@/".indexOf(c) >= 0) {
        uri.append(c);
      } else {
        uri.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return uri.toString();
  }
}
