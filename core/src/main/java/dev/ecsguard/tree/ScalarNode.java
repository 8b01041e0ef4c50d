package dev.ecsguard.tree;

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
  private final String text; // the string, the number's text, "true"/"false", or null

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
  }

  public Type type() {
    return type;
  }

  /** The value as text; null for JSON null. */
  public String text() {
    return text;
  }

  @Override
  public String kind() {
    return type.words;
  }
}
