package dev.ecsguard.input;

import dev.ecsguard.model.Value;
import dev.ecsguard.source.ArrayNode;
import dev.ecsguard.source.Node;
import dev.ecsguard.source.ObjectNode;
import dev.ecsguard.source.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Typed reads from raw ECS API JSON. Absent, null and the empty string all mean "not set"; a value
 * of the wrong JSON type is unknown, with a reason that names the field but never quotes the value.
 */
final class Fields {
  private Fields() {}

  /** The string at {@code path} below {@code object}. */
  static Value<String> string(ObjectNode object, String... path) {
    return scalar(object, path, ScalarNode.Type.STRING, "a string").map(ScalarNode::text);
  }

  /** The boolean at {@code path}; only JSON true/false count, as the ECS API accepts no other. */
  static Value<Boolean> bool(ObjectNode object, String... path) {
    return scalar(object, path, ScalarNode.Type.BOOLEAN, "true or false").map(node -> Boolean.parseBoolean(node.text()));
  }

  /** The object at {@code path}. */
  static Value<ObjectNode> object(ObjectNode object, String... path) {
    return at(object, path).flatMapNode(node -> node instanceof ObjectNode o ? o : null, "an object");
  }

  /** The array at {@code path}, each element read by {@code element}. */
  static <T> Value<List<T>> list(ObjectNode object, Function<Node, T> element, String... path) {
    Value<ArrayNode> array = at(object, path).flatMapNode(node -> node instanceof ArrayNode a ? a : null, "an array");
    return array.map(
        nodes -> {
          List<T> elements = new ArrayList<>(nodes.size());
          for (Node node : nodes.elements()) {
            elements.add(element.apply(node));
          }
          return elements;
        });
  }

  /** A reason for an element that should be an object but is not. */
  static String notAnObject(Node node) {
    return dotted(node.pointer()) + " is " + node.kind() + ", expected an object";
  }

  private static Value<ScalarNode> scalar(ObjectNode object, String[] path, ScalarNode.Type type, String expected) {
    return at(object, path)
        .flatMapNode(node -> node instanceof ScalarNode s && s.type() == type ? s : null, expected);
  }

  /** Walks {@code path}: absent where a step is missing, unknown where a step is not an object. */
  private static Lookup at(ObjectNode start, String[] path) {
    ObjectNode current = start;
    for (int i = 0; i < path.length; i++) {
      Node next = current.get(path[i]);
      if (isUnset(next)) {
        return new Lookup(Value.absent(current), null);
      }
      if (i == path.length - 1) {
        return new Lookup(null, next);
      }
      if (!(next instanceof ObjectNode object)) {
        return new Lookup(Value.unknown(dotted(next.pointer()) + " is " + next.kind() + ", expected an object", next), null);
      }
      current = object;
    }
    throw new IllegalArgumentException("empty path");
  }

  private static boolean isUnset(Node node) {
    return node == null
        || node instanceof ScalarNode scalar
            && (scalar.type() == ScalarNode.Type.NULL
                || scalar.type() == ScalarNode.Type.STRING && scalar.text().isEmpty());
  }

  /** "/containerDefinitions/0/privileged" → "containerDefinitions[0].privileged". */
  static String dotted(String pointer) {
    StringBuilder out = new StringBuilder();
    for (String step : pointer.substring(pointer.isEmpty() ? 0 : 1).split("/", -1)) {
      if (step.isEmpty()) {
        continue;
      }
      if (step.chars().allMatch(Character::isDigit)) {
        out.append('[').append(step).append(']');
      } else {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(step.replace("~1", "/").replace("~0", "~"));
      }
    }
    return out.toString();
  }

  /** The outcome of walking a path: a decided value, or the node found at its end. */
  private record Lookup(Value<?> decided, Node found) {
    @SuppressWarnings("unchecked")
    <T> Value<T> flatMapNode(Function<Node, T> cast, String expected) {
      if (decided != null) {
        return (Value<T>) decided;
      }
      T typed = cast.apply(found);
      if (typed == null) {
        return Value.unknown(dotted(found.pointer()) + " is " + found.kind() + ", expected " + expected, found);
      }
      return Value.known(typed, found);
    }
  }
}
