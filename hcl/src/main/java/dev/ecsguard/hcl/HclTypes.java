package dev.ecsguard.hcl;

import dev.ecsguard.hcl.Hcl.Call;
import dev.ecsguard.hcl.Hcl.Entry;
import dev.ecsguard.hcl.Hcl.Expression;
import dev.ecsguard.hcl.Hcl.Literal;
import dev.ecsguard.hcl.Hcl.ObjectValue;
import dev.ecsguard.hcl.Hcl.Traversal;
import dev.ecsguard.hcl.Hcl.Tuple;
import dev.ecsguard.hcl.HclValues.ListV;
import dev.ecsguard.hcl.HclValues.ObjectV;
import dev.ecsguard.hcl.HclValues.Scalar;
import dev.ecsguard.hcl.HclValues.Source;
import dev.ecsguard.hcl.HclValues.Unknown;
import dev.ecsguard.hcl.HclValues.V;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A variable's value converted to its {@code type} constraint as Terraform converts it: an object
 * type keeps only its attributes and fills a missing (or null) {@code optional(type, default)}
 * attribute with its default, a missing {@code optional(type)} one with null, in lists, sets, maps
 * and tuples of them too; numbers and bools become strings where a string is asked for, and back; a
 * set keeps its elements once each, in Terraform's order, when all are known. A value that cannot
 * be converted is what Terraform refuses (an unknown that is an error); a type ecsguard does not
 * read leaves the value as it is.
 */
final class HclTypes {
  private HclTypes() {}

  /**
   * {@code value} as {@code type} (written in {@code file}) makes it; {@code defaults} evaluates an
   * optional attribute's default.
   */
  static V conform(Expression type, String file, V value, Function<Source, V> defaults) {
    if (value instanceof Unknown || (value instanceof Scalar scalar && scalar.text() == null)) {
      return value;
    }
    if (type instanceof Traversal primitive && primitive.steps().isEmpty()) {
      return primitive(primitive.root(), value);
    }
    if (!(type instanceof Call call) || call.arguments().size() != 1 || call.expandLast()) {
      return value;
    }
    Expression inner = call.arguments().get(0);
    return switch (call.function()) {
      case "list", "set" -> {
        if (!(value instanceof ListV list)) {
          yield refused("a " + call.function(), value);
        }
        List<V> items = each(list.items(), item -> conform(inner, file, item, defaults));
        List<V> set = call.function().equals("set") ? HclFunctions.setOf(items) : null;
        yield new ListV(set != null ? set : items, list.where());
      }
      case "map" ->
          value instanceof ObjectV object
              ? new ObjectV(
                  members(object, member -> conform(inner, file, member, defaults)), object.where())
              : refused("a map", value);
      case "tuple" -> tuple(inner, file, value, defaults);
      case "object" ->
          inner instanceof ObjectValue attributes
              ? object(attributes, file, value, defaults)
              : value;
      default -> value;
    };
  }

  private static V primitive(String name, V value) {
    if (!(value instanceof Scalar scalar)) {
      return switch (name) {
        case "string", "number", "bool" -> refused("a " + name, value);
        default -> value;
      };
    }
    return switch (name) {
      case "string" -> new Scalar(Scalar.Type.STRING, scalar.text(), scalar.where());
      case "number" ->
          HclFunctions.number(scalar) != null
              ? new Scalar(Scalar.Type.NUMBER, scalar.text().strip(), scalar.where())
              : refused("a number", value);
      case "bool" ->
          scalar.text().equals("true") || scalar.text().equals("false")
              ? new Scalar(Scalar.Type.BOOL, scalar.text(), scalar.where())
              : refused("a bool", value);
      default -> value;
    };
  }

  private static V tuple(Expression elements, String file, V value, Function<Source, V> defaults) {
    if (!(elements instanceof Tuple types)) {
      return value;
    }
    if (!(value instanceof ListV list) || list.items().size() != types.elements().size()) {
      return refused("a tuple of " + types.elements().size(), value);
    }
    List<V> items = new ArrayList<>();
    for (int i = 0; i < types.elements().size(); i++) {
      items.add(conform(types.elements().get(i), file, list.items().get(i), defaults));
    }
    return new ListV(items, list.where());
  }

  private static V object(
      ObjectValue attributes, String file, V value, Function<Source, V> defaults) {
    if (!(value instanceof ObjectV object)) {
      return refused("an object", value);
    }
    Map<String, V> members = new LinkedHashMap<>();
    for (Entry attribute : attributes.entries()) {
      if (!(attribute.key() instanceof Literal key) || key.text() == null) {
        return value;
      }
      String name = key.text();
      Expression type = attribute.value();
      V given = object.members().get(name);
      boolean missing = given == null || (given instanceof Scalar scalar && scalar.text() == null);
      if (type instanceof Call optional && optional.function().equals("optional")) {
        List<Expression> arguments = optional.arguments();
        if (arguments.isEmpty() || arguments.size() > 2) {
          return value;
        }
        type = arguments.get(0);
        if (missing) {
          given =
              arguments.size() == 2
                  ? defaults.apply(new Source(arguments.get(1), file))
                  : new Scalar(Scalar.Type.NULL, null, object.where());
        }
      } else if (given == null) {
        given =
            Unknown.failed(
                "attribute \"" + name + "\" is required by the variable's type", object.where());
      }
      members.put(name, conform(type, file, given, defaults));
    }
    return new ObjectV(members, object.where());
  }

  private static List<V> each(List<V> items, Function<V, V> conversion) {
    List<V> out = new ArrayList<>(items.size());
    items.forEach(item -> out.add(conversion.apply(item)));
    return out;
  }

  private static Map<String, V> members(ObjectV object, Function<V, V> conversion) {
    Map<String, V> out = new LinkedHashMap<>();
    object.members().forEach((name, member) -> out.put(name, conversion.apply(member)));
    return out;
  }

  private static Unknown refused(String wanted, V value) {
    return Unknown.failed(wanted + " is required by the variable's type", value.where());
  }
}
