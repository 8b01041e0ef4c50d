package dev.ecsguard.hcl;

import dev.ecsguard.hcl.Hcl.Binary;
import dev.ecsguard.hcl.Hcl.Call;
import dev.ecsguard.hcl.Hcl.Conditional;
import dev.ecsguard.hcl.Hcl.Entry;
import dev.ecsguard.hcl.Hcl.Expression;
import dev.ecsguard.hcl.Hcl.Literal;
import dev.ecsguard.hcl.Hcl.ObjectValue;
import dev.ecsguard.hcl.Hcl.Opaque;
import dev.ecsguard.hcl.Hcl.Position;
import dev.ecsguard.hcl.Hcl.Step;
import dev.ecsguard.hcl.Hcl.Template;
import dev.ecsguard.hcl.Hcl.Traversal;
import dev.ecsguard.hcl.Hcl.Tuple;
import dev.ecsguard.hcl.Hcl.Unary;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Evaluates the expressions of one Terraform module as far as its source allows: literals,
 * variables (given values, tfvars, defaults), locals, conditionals, string templates, and the
 * functions that build values (jsonencode, file, templatefile, merge, concat, lookup…). What only a
 * plan or apply knows (other resources' attributes, each.*, count.index) is unknown, saying why.
 */
public final class HclValues {
  // Far beyond any real attribute; a hostile module that doubles values in locals stops here.
  private static final int MAX_TEXT = 1 << 20;

  /**
   * The most values a list built here holds; a caller putting values elsewhere should take no more
   * from one.
   */
  public static final int MAX_PLACED_VALUES = 1_000_000;

  /**
   * Every evaluation passes through evaluate(): bounding its depth there keeps any chain of locals,
   * variables or templates off the end of the stack. Real modules nest a few dozen levels at most.
   */
  public static final int MAX_DEPTH = 256;

  /** A value and where it was written (file and position). */
  public sealed interface V permits Scalar, ListV, ObjectV, Unknown {
    Where where();
  }

  public record Where(String file, Position at) {}

  /** A string, number, bool or null ({@code text} null). */
  public record Scalar(Type type, String text, Where where) implements V {
    public enum Type {
      STRING,
      NUMBER,
      BOOL,
      NULL
    }
  }

  public record ListV(List<V> items, Where where) implements V {}

  public record ObjectV(Map<String, V> members, Where where) implements V {}

  public record Unknown(String reason, Where where) implements V {}

  /** An expression with the file it was written in. */
  public record Source(Expression expression, String file) {}

  private final HclFiles files;
  private final Map<String, Source> variableDefaults;
  private final Map<String, Source> givenVariables;
  private final Map<String, Source> locals;
  private final Map<String, V> instance;
  private final Set<String> evaluating =
      new HashSet<>(); // var.x and local.y being evaluated, to catch a cycle
  private final Set<Object> rendering =
      new HashSet<>(); // templatefile() paths being rendered, to catch one that includes itself
  private final Map<String, V> localValues =
      new HashMap<>(); // each local once: locals built from locals must not blow up
  private int depth;

  /** {@code files}: what file() and templatefile() read. */
  public HclValues(
      HclFiles files,
      Map<String, Source> variableDefaults,
      Map<String, Source> givenVariables,
      Map<String, Source> locals) {
    this.files = files;
    this.variableDefaults = variableDefaults;
    this.givenVariables = givenVariables;
    this.locals = locals;
    this.instance = Map.of();
  }

  /**
   * The same module, with {@code instance}'s names bound (locals cannot use them, so their cache is
   * shared).
   */
  private HclValues(HclValues module, Map<String, V> instance) {
    this.files = module.files;
    this.variableDefaults = module.variableDefaults;
    this.givenVariables = module.givenVariables;
    this.locals = module.locals;
    this.localValues.putAll(module.localValues);
    this.instance = Map.copyOf(instance);
  }

  public V evaluate(Source source) {
    return evaluate(source.expression(), source.file(), instance);
  }

  /**
   * This module's values for one instance of a resource: {@code count.index} or {@code each.key}
   * and {@code each.value} bound.
   */
  public HclValues forInstance(Map<String, V> names) {
    return new HclValues(this, names);
  }

  /** {@code scope}: names bound by templatefile's variables, looked up before anything else. */
  private V evaluate(Expression expression, String file, Map<String, V> scope) {
    Where where = new Where(file, expression.at());
    if (depth >= MAX_DEPTH) {
      return new Unknown(
          "locals, variables, templates or expressions nested too deep (over "
              + MAX_DEPTH
              + " levels); not evaluated",
          where);
    }
    depth++;
    try {
      return relocate(evaluateHere(expression, file, scope, where), where);
    } finally {
      depth--;
    }
  }

  private V evaluateHere(Expression expression, String file, Map<String, V> scope, Where where) {
    return switch (expression) {
      case Literal literal -> new Scalar(type(literal.kind()), literal.text(), where);
      case Template template -> template(template, file, scope, where);
      case Tuple tuple -> {
        List<V> items = new ArrayList<>();
        tuple.elements().forEach(element -> items.add(evaluate(element, file, scope)));
        yield new ListV(items, where);
      }
      case ObjectValue object -> object(object, file, scope, where);
      case Traversal traversal -> traversal(traversal, file, scope, where);
      case Call call -> call(call, file, scope, where);
      case Conditional conditional -> {
        V condition = evaluate(conditional.condition(), file, scope);
        Boolean holds = bool(condition);
        if (holds == null) {
          yield new Unknown(
              condition instanceof Unknown unknown
                  ? unknown.reason()
                  : "a condition that is not true or false",
              where);
        }
        yield evaluate(holds ? conditional.whenTrue() : conditional.whenFalse(), file, scope);
      }
      case Binary binary -> binary(binary, file, scope, where);
      case Unary unary -> {
        V operand = evaluate(unary.operand(), file, scope);
        if (operand instanceof Unknown) {
          yield operand;
        }
        Boolean value = bool(operand);
        if (unary.operator().equals("!") && value != null) {
          yield new Scalar(Scalar.Type.BOOL, Boolean.toString(!value), where);
        }
        if (unary.operator().equals("-")
            && operand instanceof Scalar scalar
            && scalar.type() == Scalar.Type.NUMBER) {
          yield new Scalar(
              Scalar.Type.NUMBER, new BigDecimal(scalar.text()).negate().toPlainString(), where);
        }
        yield new Unknown(
            "the operator " + unary.operator() + " on this value is not evaluated by ecsguard",
            where);
      }
      case Opaque opaque -> new Unknown(opaque.what() + " is not evaluated by ecsguard", where);
    };
  }

  /**
   * A value written in another file (a variable's default) is shown where this file refers to it.
   */
  private static V relocate(V value, Where where) {
    if (value.where().file().equals(where.file())) {
      return value;
    }
    return switch (value) {
      case Scalar scalar -> new Scalar(scalar.type(), scalar.text(), where);
      case ListV list -> new ListV(list.items(), where);
      case ObjectV object -> new ObjectV(object.members(), where);
      case Unknown unknown -> new Unknown(unknown.reason(), where);
    };
  }

  private static Scalar.Type type(Literal.Kind kind) {
    return switch (kind) {
      case STRING -> Scalar.Type.STRING;
      case NUMBER -> Scalar.Type.NUMBER;
      case BOOL -> Scalar.Type.BOOL;
      case NULL -> Scalar.Type.NULL;
    };
  }

  private V template(Template template, String file, Map<String, V> scope, Where where) {
    if (template.directive()) {
      return new Unknown(
          "a string template with %{...} directives is not evaluated by ecsguard", where);
    }
    StringBuilder text = new StringBuilder();
    for (Expression part : template.parts()) {
      V value = evaluate(part, file, scope);
      if (value instanceof Unknown unknown) {
        return new Unknown(unknown.reason(), where);
      }
      if (!(value instanceof Scalar scalar) || scalar.text() == null) {
        return new Unknown(
            "a string template interpolates "
                + (value instanceof Scalar ? "null" : "a list or object"),
            where);
      }
      text.append(scalar.text());
      if (text.length() > MAX_TEXT) {
        return new Unknown(
            "a string template longer than " + MAX_TEXT + " characters is not evaluated", where);
      }
    }
    return new Scalar(Scalar.Type.STRING, text.toString(), where);
  }

  private V object(ObjectValue object, String file, Map<String, V> scope, Where where) {
    Map<String, V> members = new LinkedHashMap<>();
    for (Entry entry : object.entries()) {
      V key = evaluate(entry.key(), file, scope);
      if (!(key instanceof Scalar scalar) || scalar.text() == null) {
        return new Unknown(
            key instanceof Unknown unknown
                ? "an object key: " + unknown.reason()
                : "an object key that is not a string",
            where);
      }
      members.put(scalar.text(), evaluate(entry.value(), file, scope));
    }
    return new ObjectV(members, where);
  }

  private V traversal(Traversal traversal, String file, Map<String, V> scope, Where where) {
    String root = traversal.root();
    List<Step> steps = traversal.steps();
    V value;
    int consumed;
    if (scope.containsKey(root)) {
      value = scope.get(root);
      consumed = 0;
    } else if ((root.equals("var") || root.equals("local"))
        && !steps.isEmpty()
        && steps.get(0).name() != null) {
      String name = steps.get(0).name();
      value = root.equals("var") ? variable(name, where) : local(name, where);
      consumed = 1;
    } else if (root.equals("path") && steps.size() == 1 && "module".equals(steps.get(0).name())) {
      // As Terraform has it for the module it runs in; file() reads relative to the module's
      // directory.
      return new Scalar(Scalar.Type.STRING, ".", where);
    } else {
      return new Unknown(describe(traversal) + " is " + whenKnown(root), where);
    }
    for (Step step : steps.subList(consumed, steps.size())) {
      value = step(value, step, file, scope, describe(traversal), where);
    }
    return value;
  }

  private static String whenKnown(String root) {
    return switch (root) {
      case "each" -> "known only for each instance of for_each";
      case "count" -> "known only for each instance of count";
      case "var", "local" -> "not a variable or local ecsguard can name";
      case "data" -> "read from a data source, known only at plan time";
      case "module" -> "an output of another module, which ecsguard does not follow";
      default -> "known only after apply";
    };
  }

  private V step(
      V value, Step step, String file, Map<String, V> scope, String expression, Where where) {
    if (value instanceof Unknown) {
      return value;
    }
    if (step.name() != null) {
      if (value instanceof ObjectV object && object.members().containsKey(step.name())) {
        return object.members().get(step.name());
      }
      return new Unknown(expression + ": no attribute " + step.name() + " in this value", where);
    }
    V index = evaluate(step.index(), file, scope);
    if (index instanceof Unknown unknown) {
      return unknown;
    }
    String key = index instanceof Scalar scalar ? scalar.text() : null;
    if (value instanceof ListV list
        && key != null
        && key.matches("\\d{1,9}")
        && Integer.parseInt(key) < list.items().size()) {
      return list.items().get(Integer.parseInt(key));
    }
    if (value instanceof ObjectV object && key != null && object.members().containsKey(key)) {
      return object.members().get(key);
    }
    return new Unknown(expression + ": the index is not in this value", where);
  }

  private V variable(String name, Where where) {
    Source source =
        givenVariables.containsKey(name) ? givenVariables.get(name) : variableDefaults.get(name);
    if (source == null) {
      return new Unknown(
          "var."
              + name
              + " has no default (give it with --tf-var "
              + name
              + "=VALUE or in terraform.tfvars)",
          where);
    }
    return once("var." + name, () -> evaluate(source), where);
  }

  /**
   * {@code evaluation} of the variable or local {@code name}, unknown if it comes back to itself.
   */
  private V once(String name, Supplier<V> evaluation, Where where) {
    if (!evaluating.add(name)) {
      return new Unknown(name + " refers to itself", where);
    }
    try {
      return evaluation.get();
    } finally {
      evaluating.remove(name);
    }
  }

  private V local(String name, Where where) {
    Source source = locals.get(name);
    if (source == null) {
      return new Unknown("local." + name + " is not defined in this module", where);
    }
    V known = localValues.get(name);
    if (known != null) {
      return known;
    }
    V value = once("local." + name, () -> evaluate(source), where);
    localValues.put(name, value);
    return value;
  }

  private V binary(Binary binary, String file, Map<String, V> scope, Where where) {
    V left = evaluate(binary.left(), file, scope);
    V right = evaluate(binary.right(), file, scope);
    switch (binary.operator()) {
      case "&&", "||" -> {
        Boolean l = bool(left);
        Boolean r = bool(right);
        boolean and = binary.operator().equals("&&");
        if (l != null && l != and || r != null && r != and) {
          return new Scalar(Scalar.Type.BOOL, Boolean.toString(!and), where); // decided by one side
        }
        if (l != null && r != null) {
          return new Scalar(Scalar.Type.BOOL, Boolean.toString(and), where);
        }
        return unknownOf(left, right, where);
      }
      case "==", "!=" -> {
        if (left instanceof Unknown || right instanceof Unknown) {
          return unknownOf(left, right, where);
        }
        if (!(left instanceof Scalar l) || !(right instanceof Scalar r)) {
          return new Unknown("comparing lists or objects is not evaluated by ecsguard", where);
        }
        boolean equal = sameScalar(l, r);
        return new Scalar(
            Scalar.Type.BOOL, Boolean.toString(equal == binary.operator().equals("==")), where);
      }
      default -> {
        return left instanceof Unknown || right instanceof Unknown
            ? unknownOf(left, right, where)
            : new Unknown(
                "the operator " + binary.operator() + " is not evaluated by ecsguard", where);
      }
    }
  }

  private static boolean sameScalar(Scalar left, Scalar right) {
    if (left.text() == null || right.text() == null) {
      return left.text() == right.text();
    }
    if (left.type() == Scalar.Type.NUMBER && right.type() == Scalar.Type.NUMBER) {
      return new BigDecimal(left.text()).compareTo(new BigDecimal(right.text())) == 0;
    }
    return left.type() == right.type() && left.text().equals(right.text());
  }

  private static V unknownOf(V left, V right, Where where) {
    Unknown unknown = left instanceof Unknown l ? l : right instanceof Unknown r ? r : null;
    return new Unknown(
        unknown != null ? unknown.reason() : "a value that is not true or false", where);
  }

  /** True or false, also from the strings Terraform converts; null otherwise. */
  private static Boolean bool(V value) {
    if (value instanceof Scalar scalar
        && scalar.text() != null
        && (scalar.type() == Scalar.Type.BOOL || scalar.type() == Scalar.Type.STRING)
        && (scalar.text().equals("true") || scalar.text().equals("false"))) {
      return scalar.text().equals("true");
    }
    return null;
  }

  private V call(Call call, String file, Map<String, V> scope, Where where) {
    List<V> arguments = new ArrayList<>();
    call.arguments().forEach(argument -> arguments.add(evaluate(argument, file, scope)));
    String function = call.function();
    return switch (function) {
      case "file" ->
          arguments.size() == 1
              ? file(function, arguments.get(0), where)
              : HclFunctions.wrongArguments(function, where);
      case "templatefile" ->
          arguments.size() == 2
              ? templateFile(arguments.get(0), arguments.get(1), where)
              : HclFunctions.wrongArguments(function, where);
      default -> HclFunctions.call(function, arguments, where);
    };
  }

  /**
   * file(path) and templatefile(path, …): the text of a file, relative to the module's directory,
   * as {@link HclFiles} gives it.
   */
  private V file(String function, V path, Where where) {
    if (!(path instanceof Scalar scalar) || scalar.text() == null) {
      return path instanceof Unknown unknown
          ? new Unknown(function + "(): " + unknown.reason(), where)
          : HclFunctions.wrongArguments(function, where);
    }
    try {
      return new Scalar(
          Scalar.Type.STRING,
          files.read(scalar.text(), function + "(\"" + scalar.text() + "\")"),
          where);
    } catch (HclFiles.Unreadable e) {
      return new Unknown(e.getMessage(), where);
    }
  }

  /** templatefile(path, vars): the file read as a template whose names are the given variables. */
  private V templateFile(V path, V variables, Where where) {
    V text = file("templatefile", path, where);
    if (!(text instanceof Scalar scalar)) {
      return text;
    }
    if (!(variables instanceof ObjectV object)) {
      return variables instanceof Unknown unknown
          ? new Unknown("templatefile(): " + unknown.reason(), where)
          : HclFunctions.wrongArguments("templatefile", where);
    }
    String name = ((Scalar) path).text();
    Object key = files.identity(name);
    if (!rendering.add(key)) {
      return new Unknown("templatefile(\"" + name + "\") includes itself", where);
    }
    try {
      Expression template = HclParser.parseTemplate(scalar.text());
      if (template == null) {
        return new Unknown("templatefile(): the template cannot be parsed", where);
      }
      V rendered = evaluate(template, where.file(), object.members());
      return rendered instanceof Unknown unknown // said once, however many templates deep
          ? new Unknown(
              unknown.reason().startsWith("templatefile(")
                  ? unknown.reason()
                  : "templatefile(): " + unknown.reason(),
              where)
          : new Scalar(Scalar.Type.STRING, ((Scalar) rendered).text(), where);
    } finally {
      rendering.remove(key);
    }
  }

  private static String describe(Traversal traversal) {
    StringBuilder out = new StringBuilder(traversal.root());
    for (Step step : traversal.steps()) {
      out.append(
          step.name() != null
              ? "." + step.name()
              : step.index() instanceof Literal literal ? "[" + literal.text() + "]" : "[...]");
    }
    return out.toString();
  }
}
