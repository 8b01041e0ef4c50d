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
    return read(at(object, path), Fields::stringText, "a string");
  }

  /** As above, one member: no array per read, as every variable's name and value is. */
  public static Value<String> string(ObjectNode object, String member) {
    return read(at(object, member), Fields::stringText, "a string");
  }

  /** {@code element}, an array's element, as a string. */
  public static Value<String> string(Node element) {
    return read(element(element), Fields::stringText, "a string");
  }

  /**
   * {@code element}, an array's element, as a string as CloudFormation reads one ({@link #text}).
   */
  public static Value<String> text(Node element) {
    return read(element(element), Fields::textOf, "a string");
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
    return read(
        at(object, path),
        node ->
            (node instanceof ScalarNode s && s.type() == ScalarNode.Type.BOOLEAN)
                ? Boolean.parseBoolean(s.text())
                : null,
        "true or false");
  }

  /**
   * A string as CloudFormation reads one: numbers and booleans written without quotes count as
   * their text, as CloudFormation turns them into strings.
   */
  public static Value<String> text(ObjectNode object, String... path) {
    return read(at(object, path), Fields::textOf, "a string");
  }

  /** As above, one member. */
  public static Value<String> text(ObjectNode object, String member) {
    return read(at(object, member), Fields::textOf, "a string");
  }

  private static String stringText(Node node) {
    return node instanceof ScalarNode s && s.type() == ScalarNode.Type.STRING ? s.text() : null;
  }

  private static String textOf(Node node) {
    return node instanceof ScalarNode s && s.type() != ScalarNode.Type.NULL ? s.text() : null;
  }

  /** A boolean as CloudFormation reads one: true and false, or strings that say so in any case. */
  public static Value<Boolean> boolOrString(ObjectNode object, String... path) {
    return read(
        at(object, path),
        node ->
            (node instanceof ScalarNode s
                    && (s.type() == ScalarNode.Type.BOOLEAN
                        || (s.type() == ScalarNode.Type.STRING
                            && (s.text().equalsIgnoreCase("true")
                                || s.text().equalsIgnoreCase("false")))))
                ? s.text().equalsIgnoreCase("true")
                : null,
        "true or false");
  }

  /** The object at {@code path}. */
  public static Value<ObjectNode> object(ObjectNode object, String... path) {
    return read(at(object, path), node -> node instanceof ObjectNode o ? o : null, "an object");
  }

  /** The array at {@code path}, each element read by {@code element}. */
  public static <T> Value<List<T>> list(
      ObjectNode object, Function<Node, T> element, String... path) {
    return read(
        at(object, path),
        node -> {
          if (!(node instanceof ArrayNode array)) {
            return null;
          }
          List<T> elements = new ArrayList<>(array.size());
          for (Node each : array.elements()) {
            elements.add(element.apply(each));
          }
          return elements;
        },
        "an array");
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
  private static Object element(Node element) {
    if (element instanceof UnresolvedNode unresolved) {
      return unknown(unresolved);
    }
    return isUnset(element) ? Value.absent(element) : element;
  }

  private static Value<ScalarNode> scalar(
      ObjectNode object, String[] path, ScalarNode.Type type, String expected) {
    return read(
        at(object, path),
        node -> node instanceof ScalarNode s && s.type() == type ? s : null,
        expected);
  }

  /**
   * Walks {@code path}, whose numeric steps index arrays (Terraform's nested blocks): the node at
   * its end, or the {@link Value} decided on the way, absent where a step is missing, unknown where
   * a step is unresolved or not a container. One or the other as an Object, read by {@link #read}:
   * every field a scan reads passes here, and a record of the two was an object per read.
   */
  private static Object at(ObjectNode start, String[] path) {
    Node current = start;
    for (int i = 0; i < path.length; i++) {
      Node next = child(current, path[i]);
      Object found = found(current, next);
      if (!(found instanceof Node) || i == path.length - 1) {
        return found;
      }
      boolean arrayStep = isIndex(path[i + 1]);
      if (arrayStep ? !(next instanceof ArrayNode) : !(next instanceof ObjectNode)) {
        String expected = arrayStep ? "an array" : "an object";
        return Value.unknown(dotted(next) + " is " + next.kind() + ", expected " + expected, next);
      }
      current = next;
    }
    throw new IllegalArgumentException("empty path");
  }

  /** {@link #at(ObjectNode, String[])} for a path of one member. */
  private static Object at(ObjectNode start, String member) {
    return found(start, start.get(member));
  }

  /** What a step from {@code current} finds: {@code next}, or the value it decides. */
  private static Object found(Node current, Node next) {
    if (next instanceof UnresolvedNode unresolved) {
      return unknown(unresolved);
    }
    return isUnset(next) ? Value.absent(current) : next;
  }

  /** The value an unresolved node stands for, with the text it is known to end with. */
  public static <T> Value<T> unknown(UnresolvedNode unresolved) {
    return Value.unknown(unresolved.reason(), unresolved, unresolved.knownEnding());
  }

  /**
   * What {@link #at} found, read by {@code read} (null when the node is not of the type {@code
   * expected}, which makes the value unknown), or the value it decided.
   */
  @SuppressWarnings("unchecked")
  private static <T> Value<T> read(Object found, Function<Node, T> read, String expected) {
    if (found instanceof Value<?> decided) {
      return (Value<T>) decided;
    }
    Node node = (Node) found;
    T typed = read.apply(node);
    if (typed == null) {
      return Value.unknown(dotted(node) + " is " + node.kind() + ", expected " + expected, node);
    }
    return Value.known(typed, node);
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
        || (node instanceof ScalarNode scalar
            && (scalar.type() == ScalarNode.Type.NULL
                || (scalar.type() == ScalarNode.Type.STRING && scalar.text().isEmpty())));
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
}
