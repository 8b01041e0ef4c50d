package dev.ecsguard.tree;

/**
 * One value of a parsed JSON (later YAML) document that remembers its position. Jackson's own tree
 * drops positions, which every finding needs, hence this small tree of our own.
 */
public abstract sealed class Node implements Origin
    permits ObjectNode, ArrayNode, ScalarNode, UnresolvedNode {
  private final Document document;
  private final Node parent;
  private final String key; // the member name in the parent object, or null in an array
  private final int index; // the position in the parent array, or -1
  private final int line;
  private final int column;

  public final Document document() {
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
    return appendPointer(new StringBuilder(64)).toString();
  }

  /** Appends the pointer to this node, built once rather than a string per step. */
  private StringBuilder appendPointer(StringBuilder pointer) {
    if (parent != null) {
      parent.appendPointer(pointer).append('/');
      if (key != null) {
        pointer.append(key.replace("~", "~0").replace("/", "~1"));
      } else {
        pointer.append(index);
      }
    }
    return pointer;
  }

  /** The string node this node's document was parsed from, or null when it came from a file. */
  public Node host() {
    return document.host();
  }

  /**
   * A new object placed in {@code parent} (under {@code key} in an object, at the end of an array)
   * and shown at {@code at}'s position: for readers that rebuild part of a tree, as resolving
   * CloudFormation's functions does.
   */
  public static ObjectNode newObject(Node parent, String key, Node at) {
    return newObject(parent, key, at.line, at.column);
  }

  /** A new array, placed as {@link #newObject} places objects. */
  public static ArrayNode newArray(Node parent, String key, Node at) {
    return newArray(parent, key, at.line, at.column);
  }

  /** A new scalar, placed as {@link #newObject} places objects. */
  public static ScalarNode newScalar(
      Node parent, String key, Node at, ScalarNode.Type type, String text) {
    return newScalar(parent, key, at.line, at.column, type, text);
  }

  /** A new value that is not known, placed as {@link #newObject} places objects. */
  public static UnresolvedNode newUnresolved(Node parent, String key, Node at, String reason) {
    return newUnresolved(parent, key, at.line, at.column, reason, null);
  }

  /** As above, with what it refers to ({@link UnresolvedNode#reference()}; null for nothing). */
  public static UnresolvedNode newUnresolved(
      Node parent, String key, Node at, String reason, String reference) {
    return newUnresolved(parent, key, at.line, at.column, reason, reference, null);
  }

  /** As above, with the text it is known to end with ({@link UnresolvedNode#knownEnding()}). */
  public static UnresolvedNode newUnresolved(
      Node parent, String key, Node at, String reason, String reference, String knownEnding) {
    return newUnresolved(parent, key, at.line, at.column, reason, reference, knownEnding);
  }

  /**
   * As {@link #newObject(Node, String, Node)}, at a line and column (for trees built from another
   * syntax).
   */
  public static ObjectNode newObject(Node parent, String key, int line, int column) {
    return place(
        new ObjectNode(parent.document, parent, keyIn(parent, key), indexIn(parent), line, column));
  }

  public static ArrayNode newArray(Node parent, String key, int line, int column) {
    return place(
        new ArrayNode(parent.document, parent, keyIn(parent, key), indexIn(parent), line, column));
  }

  public static ScalarNode newScalar(
      Node parent, String key, int line, int column, ScalarNode.Type type, String text) {
    return place(
        new ScalarNode(
            parent.document,
            parent,
            keyIn(parent, key),
            indexIn(parent),
            line,
            column,
            type,
            text));
  }

  public static UnresolvedNode newUnresolved(
      Node parent, String key, int line, int column, String reason, String reference) {
    return newUnresolved(parent, key, line, column, reason, reference, null);
  }

  /** As above, with the text it is known to end with ({@link UnresolvedNode#knownEnding()}). */
  public static UnresolvedNode newUnresolved(
      Node parent,
      String key,
      int line,
      int column,
      String reason,
      String reference,
      String knownEnding) {
    return place(
        new UnresolvedNode(
            parent.document,
            parent,
            keyIn(parent, key),
            indexIn(parent),
            line,
            column,
            reason,
            reference,
            knownEnding));
  }

  /** The root object of a new document named {@code name}, for trees built from another syntax. */
  public static ObjectNode newDocument(String name) {
    return newDocument(name, 1, 1);
  }

  /**
   * As above, the root at {@code line} and {@code column}: 0 for a source without lines (a live
   * account).
   */
  public static ObjectNode newDocument(String name, int line, int column) {
    Document document = new Document(name, null);
    ObjectNode root = new ObjectNode(document, null, null, -1, line, column);
    document.root(root);
    return root;
  }

  private static String keyIn(Node parent, String key) {
    return parent instanceof ObjectNode ? key : null;
  }

  private static int indexIn(Node parent) {
    return parent instanceof ArrayNode array ? array.size() : -1;
  }

  private static <N extends Node> N place(N node) {
    attach(((Node) node).document, ((Node) node).parent, node);
    return node;
  }

  /**
   * Puts a new node in its parent, or makes it the root of its document; gives the member it
   * replaced (a repeated key), or null.
   */
  static Node attach(Document document, Node parent, Node node) {
    if (parent instanceof ObjectNode object) {
      return object.put(node.name(), node);
    } else if (parent instanceof ArrayNode array) {
      array.add(node);
    } else {
      document.root(node);
    }
    return null;
  }

  /** The object or array holding this node, or null for the root. */
  Node parent() {
    return parent;
  }

  /** The member name this node has in its parent object, or null. */
  public String name() {
    return key;
  }
}
