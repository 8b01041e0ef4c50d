package dev.ecsguard.tree;

import java.util.ArrayList;
import java.util.List;

/** A JSON array. */
public final class ArrayNode extends Node {
  private final List<Node> elements = new ArrayList<>();

  ArrayNode(Document document, Node parent, String key, int index, int line, int column) {
    super(document, parent, key, index, line, column);
  }

  void add(Node element) {
    elements.add(element);
  }

  /** Sets element {@code index}, which must exist, to a value that is not known. */
  public void markUnresolved(int index, String reason) {
    elements.set(
        index,
        new UnresolvedNode(document(), this, null, index, line(), column(), reason, null, null));
  }

  public List<Node> elements() {
    return elements;
  }

  public int size() {
    return elements.size();
  }

  @Override
  public String kind() {
    return "an array";
  }
}
