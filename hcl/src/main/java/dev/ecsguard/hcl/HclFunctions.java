package dev.ecsguard.hcl;

import dev.ecsguard.hcl.HclValues.ListV;
import dev.ecsguard.hcl.HclValues.ObjectV;
import dev.ecsguard.hcl.HclValues.Scalar;
import dev.ecsguard.hcl.HclValues.Unknown;
import dev.ecsguard.hcl.HclValues.V;
import dev.ecsguard.hcl.HclValues.Where;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The functions HclValues evaluates on values alone (file() and templatefile() read files, so the
 * evaluator keeps them); any other function's result is unknown, naming it.
 */
final class HclFunctions {
  private HclFunctions() {}

  /** {@code function} applied to its evaluated {@code arguments}. */
  static V call(String function, List<V> arguments, Where where) {
    switch (function) {
      case "jsonencode", "tolist", "toset", "tomap", "tostring", "sensitive", "nonsensitive" -> {
        // jsonencode's string is read back as the JSON it encodes: the value itself serves
        return arguments.size() == 1 ? arguments.get(0) : wrongArguments(function, where);
      }
      case "merge" -> {
        Map<String, V> merged = new LinkedHashMap<>();
        for (V argument : arguments) {
          if (argument instanceof Unknown) {
            return argument;
          }
          if (argument instanceof ObjectV object) {
            merged.putAll(object.members());
          } else if (!(argument instanceof Scalar scalar && scalar.text() == null)) {
            return new Unknown("merge() of something that is not an object", where);
          }
        }
        return new ObjectV(merged, where);
      }
      case "concat" -> {
        List<V> items = new ArrayList<>();
        for (V argument : arguments) {
          if (!(argument instanceof ListV list)) {
            return argument instanceof Unknown
                ? argument
                : new Unknown("concat() of something that is not a list", where);
          }
          items.addAll(list.items());
          if (items.size() > HclValues.MAX_PLACED_VALUES) {
            return new Unknown(
                "concat() of over " + HclValues.MAX_PLACED_VALUES + " elements is not evaluated",
                where);
          }
        }
        return new ListV(items, where);
      }
      case "lookup" -> {
        if (arguments.size() < 2) {
          return wrongArguments(function, where);
        }
        return lookup(arguments, where);
      }
      case "coalesce" -> {
        for (V argument : arguments) {
          if (argument instanceof Unknown) {
            return argument;
          }
          if (argument instanceof Scalar scalar
              && scalar.text() != null
              && !scalar.text().isEmpty()) {
            return argument;
          }
        }
        return new Unknown("coalesce() of nothing but null and empty strings", where);
      }
      case "lower", "upper" -> {
        if (arguments.size() != 1
            || !(arguments.get(0) instanceof Scalar scalar)
            || scalar.text() == null) {
          return arguments.size() == 1 && arguments.get(0) instanceof Unknown u
              ? u
              : wrongArguments(function, where);
        }
        String text =
            function.equals("lower")
                ? scalar.text().toLowerCase(Locale.ROOT)
                : scalar.text().toUpperCase(Locale.ROOT);
        return new Scalar(Scalar.Type.STRING, text, where);
      }
      default -> {
        return new Unknown(function + "() is not evaluated by ecsguard", where);
      }
    }
  }

  private static V lookup(List<V> arguments, Where where) {
    V map = arguments.get(0);
    V key = arguments.get(1);
    if (map instanceof Unknown || key instanceof Unknown) {
      return map instanceof Unknown ? map : key;
    }
    if (map instanceof ObjectV object && key instanceof Scalar scalar && scalar.text() != null) {
      V found = object.members().get(scalar.text());
      if (found != null) {
        return found;
      }
      return arguments.size() == 3
          ? arguments.get(2)
          : new Unknown("lookup(): the key is not in the map", where);
    }
    return new Unknown("lookup() of something that is not a map", where);
  }

  static V wrongArguments(String function, Where where) {
    return new Unknown(function + "() with arguments ecsguard does not understand", where);
  }
}
