package dev.ecsguard.tree;

import java.util.ArrayList;
import java.util.List;

/** A parsed file: its name as the user gave it, its root value, and what parsing noticed. */
public final class Document {
  private final String name;
  private final Node host;
  private final List<Notice> notices = new ArrayList<>();
  private Node root;

  /** Something the file says that its reader should pass on to the user (a key written twice). */
  public record Notice(Node where, String message) {}

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

  void notice(Node where, String message) {
    notices.add(new Notice(where, message));
  }

  /** What parsing noticed, in document order. */
  public List<Notice> notices() {
    return List.copyOf(notices);
  }
}
