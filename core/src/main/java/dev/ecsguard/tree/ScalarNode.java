package dev.ecsguard.tree;

import java.nio.charset.StandardCharsets;

/** A string, number, boolean or null. Numbers keep their text: nothing here does arithmetic. */
public final class ScalarNode extends Node {
  /** The JSON types a scalar can have. */
  public enum Type {
    STRING("a string"),
    NUMBER("a number"),
    BOOLEAN("a boolean"),
    NULL("null");

    private final String words;

    Type(String words) {
      this.words = words;
    }
  }

  private final Type type;
  private String text; // the string, the number's text, "true"/"false", or null
  // Or, until first read, where the text lies in an ASCII document's bytes: most of a document's
  // strings (ports' protocols, log options, secrets' ARNs) are never read, and making each one a
  // String was a fifth of what parsing allocated. Made at most once per thread, the same text.
  private final byte[] source;
  private final int from;
  private final int to;

  ScalarNode(
      Document document,
      Node parent,
      String key,
      int index,
      int line,
      int column,
      Type type,
      String text) {
    super(document, parent, key, index, line, column);
    this.type = type;
    this.text = text;
    this.source = null;
    this.from = 0;
    this.to = 0;
  }

  /** A scalar whose text is {@code source[from, to)}, ASCII with nothing to unescape. */
  ScalarNode(
      Document document,
      Node parent,
      String key,
      int index,
      int line,
      int column,
      Type type,
      byte[] source,
      int from,
      int to) {
    super(document, parent, key, index, line, column);
    this.type = type;
    this.source = source;
    this.from = from;
    this.to = to;
  }

  public Type type() {
    return type;
  }

  /** The value as text; null for JSON null. */
  public String text() {
    String made = text;
    if (made == null && source != null) {
      made = new String(source, from, to - from, StandardCharsets.ISO_8859_1);
      text = made; // a race only makes an equal String twice
    }
    return made;
  }

  @Override
  public String kind() {
    return type.words;
  }
}
