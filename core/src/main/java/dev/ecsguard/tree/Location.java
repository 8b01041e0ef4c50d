package dev.ecsguard.tree;

/** A resolved {@link Origin}: safe to keep after the document it points into is gone. */
public record Location(String file, String pointer, int line, int column) implements Origin {

  @Override
  public Location location() {
    return this;
  }

  /** {@code file:line:column}, the form editors and terminals turn into links. */
  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ":" + column : file;
  }
}
