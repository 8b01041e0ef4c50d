package dev.ecsguard.source;

/** A parsed file: its name as the user gave it and its root value. */
public final class Document {
  private final String name;
  private final Node host;
  private Node root;

  Document(String name, Node host) {
    this.name = name;
    this.host = host;
  }

  /** The string node whose text this document was parsed from, or null for a file. */
  Node host() {
    return host;
  }

  public String name() {
    return name;
  }

  public Node root() {
    return root;
  }

  void root(Node root) {
    this.root = root;
  }
}
