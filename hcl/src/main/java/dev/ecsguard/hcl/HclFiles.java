package dev.ecsguard.hcl;

/**
 * How file() and templatefile() read a file. The caller decides what may be read (ecsguard's
 * scanner: regular files inside the tree it scans, within its size limit) and says in words why a
 * file is not; the evaluator makes that the reason of an unknown value.
 */
public interface HclFiles {
  /**
   * The text of the file {@code path} names, relative to the module's directory; {@code call} (such
   * as {@code file("x")}) is how the reason of an {@link Unreadable} names it.
   */
  String read(String path, String call) throws Unreadable;

  /**
   * The same key for every spelling of one file's path, by which templatefile() notices a template
   * that includes itself.
   */
  Object identity(String path);

  /** A file that is not read; its message is the whole reason, naming the call. */
  final class Unreadable extends Exception {
    public Unreadable(String reason) {
      super(reason, null, false, false);
    }
  }
}
