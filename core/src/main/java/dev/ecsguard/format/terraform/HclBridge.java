package dev.ecsguard.format.terraform;

import dev.ecsguard.hcl.Hcl.Position;
import dev.ecsguard.hcl.HclException;
import dev.ecsguard.hcl.HclFiles;
import dev.ecsguard.hcl.HclValues;
import dev.ecsguard.hcl.HclValues.ListV;
import dev.ecsguard.hcl.HclValues.ObjectV;
import dev.ecsguard.hcl.HclValues.Scalar;
import dev.ecsguard.hcl.HclValues.Unknown;
import dev.ecsguard.hcl.HclValues.V;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.Node;
import dev.ecsguard.tree.Problems;
import dev.ecsguard.tree.RegularFiles;
import dev.ecsguard.tree.ScalarNode;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * Where the hcl module meets core's tree: its syntax errors become the scanner's one-line input
 * errors, file() reads through {@link RegularFiles} within the scanned tree, and evaluated values
 * become tree nodes.
 */
public final class HclBridge {
  private static final long TOO_DEEP = -1;

  private HclBridge() {}

  /** The scanner's {@code FILE:LINE:COLUMN: malformed HCL: ...} error. */
  public static InputException inputError(HclException e) {
    return new InputException(e.file(), e.line(), e.column(), e.problem());
  }

  /**
   * What file() and templatefile() read: relative to {@code directory}, only a regular file within
   * {@code maxFileBytes}, and only inside {@code tree} (the scanned tree) where its links really
   * lead: a module under review must not make the scanner read /proc/self/environ, a credentials
   * file beside the checkout, a pipe or a device, and print it.
   */
  static HclFiles files(Path tree, Path directory, long maxFileBytes) {
    return new HclFiles() {
      @Override
      public String read(String path, String call) throws Unreadable {
        try {
          Path real = directory.resolve(path).toRealPath();
          if (!real.startsWith(
              tree.toRealPath())) { // a module reached through a link out of the tree reads nothing
            // either
            throw new Unreadable(call + " is outside the scanned tree (" + tree + "); not read");
          }
          return RegularFiles.readUtf8(real, call, maxFileBytes);
        } catch (InputException e) {
          throw new Unreadable(call + ": " + e.problem());
        } catch (IOException e) {
          throw new Unreadable(call + " cannot be read (" + Problems.describe(e) + ")");
        } catch (InvalidPathException e) {
          throw new Unreadable(call + " is not a path this system can read");
        }
      }

      @Override
      public Object identity(String path) {
        return directory.resolve(path).normalize();
      }
    };
  }

  /**
   * Puts {@code value} into {@code parent} under {@code key}. Values written in the parent's own
   * file keep their positions; those from another file (a variable's default in variables.tf) are
   * shown at {@code fallback}, where they are used.
   */
  static void place(V value, Node parent, String key, Position fallback) {
    Position at = value.where().file().equals(parent.file()) ? value.where().at() : fallback;
    long size = size(value, HclValues.MAX_PLACED_VALUES, 0);
    if (size == TOO_DEEP || size > HclValues.MAX_PLACED_VALUES) {
      Node.newUnresolved(
          parent,
          key,
          at.line(),
          at.column(),
          size == TOO_DEEP
              ? "a value nested too deep (over " + HclValues.MAX_DEPTH + " levels) is not evaluated"
              : "a value of over " + HclValues.MAX_PLACED_VALUES + " elements is not evaluated",
          null);
      return;
    }
    switch (value) {
      case Scalar scalar ->
          Node.newScalar(parent, key, at.line(), at.column(), type(scalar.type()), scalar.text());
      case ListV list -> {
        Node array = Node.newArray(parent, key, at.line(), at.column());
        list.items().forEach(item -> place(item, array, null, at));
      }
      case ObjectV object -> {
        Node node = Node.newObject(parent, key, at.line(), at.column());
        object.members().forEach((name, member) -> place(member, node, name, at));
      }
      case Unknown unknown ->
          Node.newUnresolved(
              parent,
              key,
              at.line(),
              at.column(),
              unknown.reason(),
              unknown.reference(),
              unknown.knownEnding());
    }
  }

  private static ScalarNode.Type type(Scalar.Type type) {
    return switch (type) {
      case STRING -> ScalarNode.Type.STRING;
      case NUMBER -> ScalarNode.Type.NUMBER;
      case BOOL -> ScalarNode.Type.BOOLEAN;
      case NULL -> ScalarNode.Type.NULL;
    };
  }

  /**
   * How many values {@code value} holds, counting no further than just past {@code limit}; TOO_DEEP
   * when nested over MAX_DEPTH levels (locals that each wrap the last, evaluated one by one, build
   * such a value without any one evaluation going deep).
   */
  private static long size(V value, long limit, int depth) {
    if (depth > HclValues.MAX_DEPTH) {
      return TOO_DEEP;
    }
    Collection<V> inner =
        switch (value) {
          case ListV list -> list.items();
          case ObjectV object -> object.members().values();
          case Scalar scalar -> List.of();
          case Unknown unknown -> List.of();
        };
    long count = 1;
    for (V item : inner) {
      long size = size(item, limit - count, depth + 1);
      if (size == TOO_DEEP) {
        return TOO_DEEP;
      }
      count += size;
      if (count > limit) {
        return count;
      }
    }
    return count;
  }
}
