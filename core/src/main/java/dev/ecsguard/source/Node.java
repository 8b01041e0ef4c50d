package dev.ecsguard.source;

/**
 * One value of a parsed JSON (later YAML) document that remembers its position. Jackson's own tree
 * drops positions, which every finding needs, hence this small tree of our own.
 */
public abstract sealed class Node implements Origin permits ObjectNode, ArrayNode, ScalarNode, UnresolvedNode {
  private final Document document;
  private final Node parent;
  private final String key; // the member name in the parent object, or null in an array
  private final int index; // the position in the parent array, or -1
  private final int line;
  private final int column;

  final Document document() {
    return document;
  }

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
    return document.host() != null ? document.host().file() : document.name();
  }

  // A document parsed from a string inside another (Terraform's container_definitions) points at
  // that string: positions inside the string would mean nothing in the file.
  @Override
  public int line() {
    return document.host() != null ? document.host().line() : line;
  }

  @Override
  public int column() {
    return document.host() != null ? document.host().column() : column;
  }

  @Override
  public String pointer() {
    return document.host() != null ? document.host().pointer() : localPointer();
  }

  /** The pointer within this node's own document, even when that was parsed from a string. */
  public String localPointer() {
    if (parent == null) {
      return "";
    }
    String step = key != null ? key.replace("~", "~0").replace("/", "~1") : Integer.toString(index);
    return parent.localPointer() + "/" + step;
  }

  /** The string node this node's document was parsed from, or null when it came from a file. */
  public Node host() {
    return document.host();
  }

  /** The member name this node has in its parent object, or null. */
  public String name() {
    return key;
  }
}
