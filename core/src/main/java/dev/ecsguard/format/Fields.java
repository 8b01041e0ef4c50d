package dev.ecsguard.format;

import dev.ecsguard.model.RoleReference;
import dev.ecsguard.model.Value;
import dev.ecsguard.tree.ArrayNode;
import dev.ecsguard.tree.Node;
import dev.ecsguard.tree.ObjectNode;
import dev.ecsguard.tree.ScalarNode;
import dev.ecsguard.tree.UnresolvedNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Typed reads from a parsed document (ECS API JSON, a Terraform plan). Absent, null and the empty
 * string all mean "not set"; a value of the wrong JSON type is unknown, with a reason that names
 * the field but never quotes the value.
 */
public final class Fields {
  private Fields() {}

  /** The string at {@code path} below {@code object}. */
  public static Value<String> string(ObjectNode object, String... path) {
    return scalar(object, path, ScalarNode.Type.STRING, "a string").map(ScalarNode::text);
  }

  /** {@code element}, an array's element, as a string. */
  public static Value<String> string(Node element) {
    return element(element)
        .flatMapNode(
            node -> node instanceof ScalarNode s && s.type() == ScalarNode.Type.STRING ? s : null,
            "a string")
        .map(ScalarNode::text);
  }

  /**
   * {@code element}, an array's element, as a string as CloudFormation reads one ({@link #text}).
   */
  public static Value<String> text(Node element) {
    return element(element).flatMapNode(Fields::textNode, "a string").map(ScalarNode::text);
  }

  /** The whole number at {@code path} (a revision), as written: a JSON number. */
  public static Value<Integer> integer(ObjectNode object, String... path) {
    Value<ScalarNode> number = scalar(object, path, ScalarNode.Type.NUMBER, "a whole number");
    if (number.isKnown() && !number.get().text().matches("\\d{1,9}")) {
      return Value.unknown(String.join(".", path) + " is not a whole number", number.origin());
    }
    return number.map(node -> Integer.parseInt(node.text()));
  }

  /** The boolean at {@code path}; only JSON true/false count, as the ECS API accepts no other. */
  public static Value<Boolean> bool(ObjectNode object, String... path) {
    return scalar(object, path, ScalarNode.Type.BOOLEAN, "true or false")
        .map(node -> Boolean.parseBoolean(node.text()));
  }

  /**
   * A string as CloudFormation reads one: numbers and booleans written without quotes count as
   * their text, as CloudFormation turns them into strings.
   */
  public static Value<String> text(ObjectNode object, String... path) {
    return at(object, path).flatMapNode(Fields::textNode, "a string").map(ScalarNode::text);
  }

  private static ScalarNode textNode(Node node) {
    return node instanceof ScalarNode s && s.type() != ScalarNode.Type.NULL ? s : null;
  }

  /** A boolean as CloudFormation reads one: true and false, or strings that say so in any case. */
  public static Value<Boolean> boolOrString(ObjectNode object, String... path) {
    return at(object, path)
        .flatMapNode(
            node ->
                node instanceof ScalarNode s
                        && (s.type() == ScalarNode.Type.BOOLEAN
                            || s.type() == ScalarNode.Type.STRING
                                && (s.text().equalsIgnoreCase("true")
                                    || s.text().equalsIgnoreCase("false")))
                    ? s
                    : null,
            "true or false")
        .map(node -> node.text().equalsIgnoreCase("true"));
  }

  /** The object at {@code path}. */
  public static Value<ObjectNode> object(ObjectNode object, String... path) {
    return at(object, path)
        .flatMapNode(node -> node instanceof ObjectNode o ? o : null, "an object");
  }

  /** The array at {@code path}, each element read by {@code element}. */
  public static <T> Value<List<T>> list(
      ObjectNode object, Function<Node, T> element, String... path) {
    Value<ArrayNode> array =
        at(object, path).flatMapNode(node -> node instanceof ArrayNode a ? a : null, "an array");
    return array.map(
        nodes -> {
          List<T> elements = new ArrayList<>(nodes.size());
          for (Node node : nodes.elements()) {
            elements.add(element.apply(node));
          }
          return elements;
        });
  }

  /**
   * A role read as {@code read}: the ARN when it is written, what it refers to when it is an
   * unresolved value that names a reference ({@link UnresolvedNode#reference()}).
   */
  public static Value<RoleReference> role(Value<String> read) {
    if (read.isUnknown()
        && read.origin() instanceof UnresolvedNode unresolved
        && unresolved.reference() != null) {
      return Value.known(RoleReference.to(unresolved.reference()), unresolved);
    }
    return read.map(RoleReference::arn);
  }

  /** A reason for an element that should be an object but is not (or is not known yet). */
  public static String notAnObject(Node node) {
    return node instanceof UnresolvedNode unresolved
        ? unresolved.reason()
        : dotted(node) + " is " + node.kind() + ", expected an object";
  }

  /** An array's element, as {@link #at} finds the end of a path. */
  private static Lookup element(Node element) {
    if (element instanceof UnresolvedNode unresolved) {
      return new Lookup(Value.unknown(unresolved.reason(), unresolved), null);
    }
    return isUnset(element) ? new Lookup(Value.absent(element), null) : new Lookup(null, element);
  }

  private static Value<ScalarNode> scalar(
      ObjectNode object, String[] path, ScalarNode.Type type, String expected) {
    return at(object, path)
        .flatMapNode(node -> node instanceof ScalarNode s && s.type() == type ? s : null, expected);
  }

  /**
   * Walks {@code path}, whose numeric steps index arrays (Terraform's nested blocks): absent where
   * a step is missing, unknown where a step is unresolved or not a container.
   */
  private static Lookup at(ObjectNode start, String[] path) {
    Node current = start;
    for (int i = 0; i < path.length; i++) {
      Node next = child(current, path[i]);
      if (next instanceof UnresolvedNode unresolved) {
        return new Lookup(Value.unknown(unresolved.reason(), unresolved), null);
      }
      if (isUnset(next)) {
        return new Lookup(Value.absent(current), null);
      }
      if (i == path.length - 1) {
        return new Lookup(null, next);
      }
      boolean arrayStep = isIndex(path[i + 1]);
      if (arrayStep ? !(next instanceof ArrayNode) : !(next instanceof ObjectNode)) {
        String expected = arrayStep ? "an array" : "an object";
        return new Lookup(
            Value.unknown(dotted(next) + " is " + next.kind() + ", expected " + expected, next),
            null);
      }
      current = next;
    }
    throw new IllegalArgumentException("empty path");
  }

  private static Node child(Node parent, String step) {
    if (parent instanceof ObjectNode object) {
      return object.get(step);
    }
    List<Node> elements = ((ArrayNode) parent).elements();
    int index = Integer.parseInt(step);
    return index < elements.size() ? elements.get(index) : null;
  }

  /** A loop, not a stream: every step of every path read passes here. */
  private static boolean isIndex(String step) {
    if (step.isEmpty()) {
      return false;
    }
    for (int i = 0; i < step.length(); i++) {
      if (!Character.isDigit(step.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isUnset(Node node) {
    return node == null
        || node instanceof ScalarNode scalar
            && (scalar.type() == ScalarNode.Type.NULL
                || scalar.type() == ScalarNode.Type.STRING && scalar.text().isEmpty());
  }

  /**
   * Where {@code node} is, for messages: {@code containerDefinitions[0].privileged}; inside JSON
   * held in a string, the string's name first: {@code container_definitions[0].privileged}.
   */
  public static String dotted(Node node) {
    String pointer = node.localPointer();
    if (node.file().endsWith(".tf")) {
      pointer =
          pointer.replaceFirst(
              "^/resource/[^/]+/[^/]+", ""); // within its resource block, as the user wrote it
    }
    String local = dotted(pointer);
    if (node.host() == null) {
      return local;
    }
    return local.isEmpty() || local.startsWith("[")
        ? node.host().name() + local
        : node.host().name() + "." + local;
  }

  /** "/containerDefinitions/0/privileged" → "containerDefinitions[0].privileged". */
  private static String dotted(String pointer) {
    StringBuilder out = new StringBuilder();
    for (String step : pointer.substring(pointer.isEmpty() ? 0 : 1).split("/", -1)) {
      if (step.isEmpty()) {
        continue;
      }
      if (isIndex(step)) {
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
        return Value.unknown(
            dotted(found) + " is " + found.kind() + ", expected " + expected, found);
      }
      return Value.known(typed, found);
    }
  }
}
