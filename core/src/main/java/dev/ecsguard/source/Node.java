package dev.ecsguard.source;

/**
 * One value of a parsed JSON (later YAML) document that remembers its position. Jackson's own tree
 * drops positions, which every finding needs, hence this small tree of our own.
 */
public abstract sealed class Node implements Origin permits ObjectNode, ArrayNode, ScalarNode {
  private final Document document;
  private final Node parent;
  private final String key; // the member name in the parent object, or null in an array
  private final int index; // the position in the parent array, or -1
  private final int line;
  private final int column;

  Node(Document document, Node parent, String key, int index, int line, int column) {
    this.document = document;
    this.parent = parent;
    this.key = key;
    this.index = index;
    this.line = line;
    this.column = column;
  }

  /** What the value is, in words a user understands ("a string", "an object"). */
  public abstract String kind();

  @Override
  public String file() {
    return document.name();
  }

  @Override
  public int line() {
    return line;
  }

  @Override
  public int column() {
    return column;
  }

  @Override
  public String pointer() {
    if (parent == null) {
      return "";
    }
    String step = key != null ? key.replace("~", "~0").replace("/", "~1") : Integer.toString(index);
    return parent.pointer() + "/" + step;
  }
}
