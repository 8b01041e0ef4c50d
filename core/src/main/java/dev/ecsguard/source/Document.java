package dev.ecsguard.source;

/** A parsed file: its name as the user gave it and its root value. */
public final class Document {
  private final String name;
  private Node root;

  Document(String name) {
    this.name = name;
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
