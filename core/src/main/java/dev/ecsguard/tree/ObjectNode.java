package dev.ecsguard.tree;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON object; member order is kept, and a repeated name keeps its last value, as AWS's CLI does.
 */
public final class ObjectNode extends Node {
  private final Map<String, Node> members = new LinkedHashMap<>();

  ObjectNode(Document document, Node parent, String key, int index, int line, int column) {
    super(document, parent, key, index, line, column);
  }

  /** Sets member {@code name}, giving the value it had, or null. */
  Node put(String name, Node value) {
    return members.put(name, value);
  }

  /** Removes member {@code name}, giving its value. */
  Node remove(String name) {
    return members.remove(name);
  }

  /** Sets member {@code name} to a value that is not known, positioned at this object. */
  public void markUnresolved(String name, String reason) {
    members.put(name, new UnresolvedNode(document(), this, name, -1, line(), column(), reason));
  }

  /** The member's value, or null when absent. */
  public Node get(String name) {
    return members.get(name);
  }

  /** The member names, in document order. */
  public java.util.Set<String> names() {
    return java.util.Collections.unmodifiableSet(members.keySet());
  }

  public boolean has(String name) {
    return members.containsKey(name);
  }

  @Override
  public String kind() {
    return "an object";
  }
}
