package dev.ecsguard.tree;

/**
 * Where a model element came from. Resolved lazily, because most elements are never reported;
 * {@link #location()} takes a plain snapshot for findings that outlive the parsed document.
 */
public interface Origin {
  String file();

  /** RFC 6901 JSON pointer inside {@link #file()}; empty for the document root. */
  String pointer();

  /** 1-based; 0 when the source has no lines (e.g. a live AWS resource). */
  int line();

  /** 1-based; 0 when unknown. */
  int column();

  default Location location() {
    return new Location(file(), pointer(), line(), column());
  }
}
