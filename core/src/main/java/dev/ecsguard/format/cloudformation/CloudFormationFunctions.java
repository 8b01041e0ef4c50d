package dev.ecsguard.format.cloudformation;

import dev.ecsguard.format.Fields;
import dev.ecsguard.model.Value;
import dev.ecsguard.tree.ArrayNode;
import dev.ecsguard.tree.Node;
import dev.ecsguard.tree.ObjectNode;
import dev.ecsguard.tree.ScalarNode;
import dev.ecsguard.tree.UnresolvedNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Resolves CloudFormation's intrinsic functions in one template, as far as a template alone allows:
 * {@code Ref} to parameters (their Default, or a value the user gives), {@code Fn::If} with its
 * conditions, {@code Fn::Sub}, {@code Fn::Join}, {@code Fn::Select}, {@code Fn::Split}, {@code
 * Fn::FindInMap} and {@code Fn::Base64}. What only a deployment knows ({@code Fn::GetAtt}, {@code
 * Fn::ImportValue}, a resource's id, the region) becomes an unresolved value that names the
 * expression, so that the controls that need it are UNKNOWN.
 *
 * <p>A hostile template cannot crash or stall it: a function whose value leads back to itself is a
 * cycle, evaluation stops {@link #MAX_DEPTH} levels deep, each call is evaluated once (so that
 * look-ups of look-ups cost what the template's size does, not two to the power of its depth), and
 * the work for one resource is bounded by {@link #MAX_WORK} and for the whole template by {@link
 * #MAX_TEMPLATE_WORK}, so that one expensive resource cannot leave the others unread. Each stop
 * makes the value unknown with its reason.
 */
final class CloudFormationFunctions {
  private static final Set<String> PSEUDO_PARAMETERS =
      Set.of(
          "AWS::AccountId",
          "AWS::NotificationARNs",
          "AWS::Partition",
          "AWS::Region",
          "AWS::StackId",
          "AWS::StackName",
          "AWS::URLSuffix");
  // Values and functions nested in one another: far deeper than a real template, far shallower than
  // the stack allows.
  static final int MAX_DEPTH = 400;
  // Values copied, calls evaluated and characters built for one resource: a real one needs
  // thousands.
  static final int MAX_WORK = 5_000_000;
  // The same for the whole template, which bounds the time a template of many expensive resources
  // takes.
  static final int MAX_TEMPLATE_WORK = 50_000_000;

  private final ObjectNode parameters;
  private final ObjectNode mappings;
  private final ObjectNode conditions;
  private final ObjectNode resources;
  private final Map<String, String> given;
  private final Map<String, Value<Boolean>> decided = new HashMap<>();
  private final Set<String> deciding = new HashSet<>();
  private final Map<ObjectNode, Result> evaluated = new IdentityHashMap<>();
  private final Set<ObjectNode> following = Collections.newSetFromMap(new IdentityHashMap<>());
  private int depth;
  private long work;
  private long workBefore;

  /** {@code given}: values for parameters (and pseudo parameters) that override their defaults. */
  CloudFormationFunctions(ObjectNode template, Map<String, String> given) {
    this.parameters = section(template, "Parameters");
    this.mappings = section(template, "Mappings");
    this.conditions = section(template, "Conditions");
    this.resources = section(template, "Resources");
    this.given = given;
  }

  private static ObjectNode section(ObjectNode template, String name) {
    return template.get(name) instanceof ObjectNode section ? section : null;
  }

  /**
   * Puts a resolved copy of {@code value} into {@code parent} under {@code key}; returns false when
   * it resolves to nothing ({@code AWS::NoValue}), in which case nothing is put.
   */
  boolean copyResolved(Node value, Node parent, String key) {
    return copyResolved(value, parent, key, value);
  }

  /** As above, the copy shown at {@code at}'s position. */
  private boolean copyResolved(Node value, Node parent, String key, Node at) {
    Function<String, Boolean> unresolvedHere =
        reason -> {
          Node.newUnresolved(parent, key, at, reason);
          return true;
        };
    return deeper(
        unresolvedHere,
        () -> {
          work++;
          if (isFunction(value)) {
            return follow(
                (ObjectNode) value, unresolvedHere, result -> place(result, parent, key, at));
          }
          switch (value) {
            case ObjectNode object -> {
              ObjectNode copy = Node.newObject(parent, key, at);
              object.forEachMember((name, member) -> copyResolved(member, copy, name));
            }
            case ArrayNode array -> {
              ArrayNode copy = Node.newArray(parent, key, at);
              for (Node element : array.elements()) {
                copyResolved(element, copy, null);
              }
            }
            case ScalarNode scalar -> Node.newScalar(parent, key, at, scalar.type(), scalar.text());
            case UnresolvedNode unresolved ->
                Node.newUnresolved(
                    parent,
                    key,
                    at,
                    unresolved.reason(),
                    unresolved.reference(),
                    unresolved.knownEnding());
          }
          return true;
        });
  }

  /** Why evaluation stops here (too deep, too much work), or null when it may go on. */
  private String limit() {
    if (depth >= MAX_DEPTH) {
      return "functions and values nested too deep to evaluate (over " + MAX_DEPTH + " levels)";
    }
    if (workBefore + work >= MAX_TEMPLATE_WORK) {
      return "too much work to evaluate the template's functions (over "
          + MAX_TEMPLATE_WORK
          + " values and characters in all)";
    }
    return work >= MAX_WORK
        ? "too much work to evaluate this resource's functions (over "
            + MAX_WORK
            + " values and characters)"
        : null;
  }

  /** Starts the budget of one resource's evaluation afresh; the template's keeps counting. */
  void nextResource() {
    workBefore += work;
    work = 0;
  }

  /**
   * Evaluates {@code call} (once: the result is kept) and passes the result to {@code then}; a call
   * met again while its own result is being followed is a cycle, given to {@code refused}.
   */
  private <T> T follow(ObjectNode call, Function<String, T> refused, Function<Result, T> then) {
    if (!following.add(call)) {
      return refused.apply(functionName(call) + " refers to itself (a cycle in the template)");
    }
    try {
      Result result = evaluated.get(call);
      if (result == null) {
        result = evaluate(call);
        work += 1 + size(result);
        evaluated.put(call, result);
      }
      return then.apply(result);
    } finally {
      following.remove(call);
    }
  }

  /**
   * A value used as a list of text (Fn::ForEach's collection): a literal list, or a function that
   * gives one.
   */
  Value<List<String>> list(Node node) {
    return texts(node);
  }

  /** Whether the named condition holds: unknown when it depends on what only a deployment knows. */
  Value<Boolean> condition(String name, Node at) {
    Value<Boolean> known = decided.get(name);
    if (known != null) {
      return known;
    }
    if (conditions == null || conditions.get(name) == null) {
      return Value.unknown("condition " + name + " is not defined in Conditions", at);
    }
    if (!deciding.add(name)) {
      return Value.unknown("condition " + name + " depends on itself", at);
    }
    Value<Boolean> value = conditionValue(conditions.get(name));
    deciding.remove(name);
    decided.put(name, value);
    return value;
  }

  /** An object with one member named Ref or Fn::something is a function call. */
  static boolean isFunction(Node node) {
    if (!(node instanceof ObjectNode object) || object.names().size() != 1) {
      return false;
    }
    String name = object.names().iterator().next();
    return name.equals("Ref") || name.startsWith("Fn::");
  }

  private static String functionName(ObjectNode call) {
    return call.names().iterator().next();
  }

  /** What a function call gives: a node of the template to copy in its place, or a value. */
  private sealed interface Result {}

  /**
   * A node of the template; {@code inPlace}: shown where it stands (a branch of Fn::If, written
   * where it is used) rather than at the call (a value from Mappings, written elsewhere).
   */
  private record Chosen(Node node, boolean inPlace) implements Result {}

  /**
   * Value<String> or Value<List<String>>; absent for AWS::NoValue. {@code reference}: when unknown,
   * the logical id it is the value of ({@code Ref X}, {@code Fn::GetAtt X.Arn}), or null.
   */
  private record Computed(Value<?> value, String reference) implements Result {
    Computed(Value<?> value) {
      this(value, null);
    }
  }

  private boolean place(Result result, Node parent, String key, Node at) {
    if (result instanceof Chosen chosen) {
      return copyResolved(chosen.node(), parent, key, chosen.inPlace() ? chosen.node() : at);
    }
    Computed computed = (Computed) result;
    Value<?> value = computed.value();
    if (value.isAbsent()) {
      return false;
    }
    if (value.isUnknown()) {
      Node.newUnresolved(
          parent, key, at, value.reason(), computed.reference(), value.knownEnding());
    } else if (value.get() instanceof List<?> items) {
      ArrayNode array = Node.newArray(parent, key, at);
      items.forEach(item -> Node.newScalar(array, null, at, ScalarNode.Type.STRING, (String) item));
    } else {
      Node.newScalar(parent, key, at, ScalarNode.Type.STRING, (String) value.get());
    }
    return true;
  }

  private Result evaluate(ObjectNode call) {
    String function = functionName(call);
    Node argument = call.get(function);
    return switch (function) {
      case "Ref" ->
          argument instanceof ScalarNode name && name.type() == ScalarNode.Type.STRING
              ? new Computed(ref(name.text(), call), reference(name.text()))
              : new Computed(Value.unknown("Ref needs the name of a parameter or resource", call));
      case "Fn::If" -> ifThenElse(argument, call);
      case "Fn::FindInMap" -> findInMap(argument, call);
      case "Fn::Select" -> select(argument, call);
      case "Fn::Sub" -> new Computed(sub(argument, call));
      case "Fn::Join" -> new Computed(join(argument, call));
      case "Fn::Split" -> new Computed(split(argument, call));
      case "Fn::Base64" ->
          new Computed(
              text(argument)
                  .map(
                      text ->
                          Base64.getEncoder()
                              .encodeToString(text.getBytes(StandardCharsets.UTF_8))));
      case "Fn::GetAtt" ->
          new Computed(
              Value.unknown(
                  "Fn::GetAtt " + describe(argument) + " is known only after deployment", call),
              attributeReference(argument));
      case "Fn::ImportValue" ->
          new Computed(
              Value.unknown(
                  "Fn::ImportValue takes its value from another stack's export, which a template does not show",
                  call));
      case "Fn::GetAZs",
          "Fn::Cidr",
          "Fn::Transform",
          "Fn::Length",
          "Fn::ToJsonString",
          "Fn::ForEach",
          "Fn::GetStackOutput" ->
          new Computed(Value.unknown(function + " is not evaluated by ecsguard", call));
      case "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not" ->
          new Computed(
              Value.unknown(
                  function + " belongs in Conditions or in the condition of Fn::If", call));
      default -> new Computed(Value.unknown("unknown function " + function, call));
    };
  }

  /** Whether {@code name} is a parameter or resource of the template. */
  /** What {@code Ref} of {@code name} refers to ({@link UnresolvedNode#reference()}), or null. */
  private String reference(String name) {
    if (parameters != null && parameters.has(name)) {
      return UnresolvedNode.PARAMETER + name;
    }
    return resources != null && resources.has(name) ? name : null;
  }

  /**
   * What {@code Fn::GetAtt} of {@code argument} refers to: the logical id for its Arn (so that it
   * equals {@code Ref} of the same id, which names the same role or resource), {@code id.attribute}
   * for another attribute; null when the argument is not a literal attribute of a resource.
   */
  private String attributeReference(Node argument) {
    String id;
    String attribute;
    if (argument instanceof ScalarNode text && text.type() == ScalarNode.Type.STRING) {
      int dot = text.text().indexOf('.');
      id = dot < 0 ? null : text.text().substring(0, dot);
      attribute = dot < 0 ? null : text.text().substring(dot + 1);
    } else if (argument instanceof ArrayNode pair
        && pair.size() == 2
        && pair.elements().get(0) instanceof ScalarNode first
        && pair.elements().get(1) instanceof ScalarNode second) {
      id = first.text();
      attribute = second.text();
    } else {
      return null;
    }
    if (id == null || resources == null || !resources.has(id)) {
      return null;
    }
    return attribute.equals("Arn") ? id : id + "." + attribute;
  }

  private Value<?> ref(String name, Node at) {
    if (name.equals("AWS::NoValue")) {
      return Value.absent(at);
    }
    String value = given.get(name);
    ObjectNode parameter =
        parameters != null && parameters.get(name) instanceof ObjectNode p ? p : null;
    if (value == null && parameter != null) {
      Value<String> type = Fields.text(parameter, "Type");
      if (type.isKnown() && type.get().startsWith("AWS::SSM::Parameter::Value")) {
        return Value.unknown(
            "Ref "
                + name
                + ": an SSM parameter, read only at deployment (give it with --cfn-param "
                + name
                + "=VALUE)",
            at);
      }
      // Default: "" is a default, the empty string (an optional parameter's usual "not given"),
      // though Fields reads an empty string as not set.
      if (!(parameter.get("Default") instanceof ScalarNode fallback)
          || fallback.type() == ScalarNode.Type.NULL) {
        return Value.unknown(
            "Ref "
                + name
                + ": the parameter has no Default (give it with --cfn-param "
                + name
                + "=VALUE)",
            at);
      }
      value = fallback.text();
    }
    if (value != null) {
      Value<String> type = parameter != null ? Fields.text(parameter, "Type") : Value.absent(at);
      boolean list =
          type.isKnown()
              && (type.get().equals("CommaDelimitedList") || type.get().startsWith("List<"));
      return list ? Value.known(List.of(value.split(",", -1)), at) : Value.known(value, at);
    }
    if (PSEUDO_PARAMETERS.contains(name)) {
      return Value.unknown(
          "Ref "
              + name
              + " is known only at deployment (give it with --cfn-param "
              + name
              + "=VALUE)",
          at);
    }
    if (resources != null && resources.has(name)) {
      return Value.unknown(
          "Ref " + name + ": the id of resource " + name + " is known only after deployment", at);
    }
    return Value.unknown(
        "Ref " + name + ": no parameter or resource of that name in the template", at);
  }

  private Result ifThenElse(Node argument, Node at) {
    if (!(argument instanceof ArrayNode array)
        || array.size() != 3
        || !(array.elements().get(0) instanceof ScalarNode name)) {
      return new Computed(
          Value.unknown("Fn::If needs [condition, value if true, value if false]", at));
    }
    Value<Boolean> holds = condition(name.text(), name);
    if (!holds.isKnown()) {
      return new Computed(Value.unknown("Fn::If " + name.text() + ": " + holds.reason(), at));
    }
    return new Chosen(array.elements().get(holds.get() ? 1 : 2), true);
  }

  private Value<Boolean> conditionValue(Node node) {
    return deeper(reason -> Value.unknown(reason, node), () -> conditionOf(node));
  }

  private Value<Boolean> conditionOf(Node node) {
    if (!(node instanceof ObjectNode call) || call.names().size() != 1) {
      return Value.unknown("a condition that is not a condition function", node);
    }
    String function = functionName(call);
    Node argument = call.get(function);
    if (function.equals("Condition")) {
      return argument instanceof ScalarNode name
          ? condition(name.text(), name)
          : Value.unknown("Condition needs a condition's name", node);
    }
    if (!(argument instanceof ArrayNode operands)) {
      return Value.unknown(function + " needs a list", node);
    }
    return switch (function) {
      case "Fn::Equals" -> equality(operands, node);
      case "Fn::Not" ->
          operands.size() == 1
              ? conditionValue(operands.elements().get(0)).map(value -> !value)
              : Value.unknown("Fn::Not needs one condition", node);
      case "Fn::And", "Fn::Or" -> combination(function.equals("Fn::And"), operands, node);
      default -> Value.unknown(function + " is not a condition function", node);
    };
  }

  private Value<Boolean> equality(ArrayNode operands, Node at) {
    if (operands.size() != 2) {
      return Value.unknown("Fn::Equals needs two values", at);
    }
    Value<String> left = text(operands.elements().get(0));
    Value<String> right = text(operands.elements().get(1));
    if (!left.isKnown() || !right.isKnown()) {
      Value<String> unknown = left.isKnown() ? right : left;
      return Value.unknown(
          unknown.isUnknown() ? unknown.reason() : "Fn::Equals compares nothing", at);
    }
    return Value.known(left.get().equals(right.get()), at);
  }

  /**
   * Fn::And is false if any operand is false, Fn::Or true if any is true, whatever the unknown
   * ones.
   */
  private Value<Boolean> combination(boolean and, ArrayNode operands, Node at) {
    Value<Boolean> unknown = null;
    for (Node operand : operands.elements()) {
      Value<Boolean> value = conditionValue(operand);
      if (value.isKnown() && value.get() != and) {
        return Value.known(!and, at);
      }
      if (!value.isKnown()) {
        unknown = value;
      }
    }
    return unknown != null ? Value.unknown(unknown.reason(), at) : Value.known(and, at);
  }

  private Result findInMap(Node argument, Node at) {
    if (!(argument instanceof ArrayNode array) || array.size() < 3) {
      return new Computed(Value.unknown("Fn::FindInMap needs [map, key, key]", at));
    }
    List<String> keys = new ArrayList<>();
    for (Node key : array.elements().subList(0, 3)) {
      Value<String> text = text(key);
      if (!text.isKnown()) {
        return new Computed(
            Value.unknown(
                "Fn::FindInMap: " + (text.isUnknown() ? text.reason() : "a key is empty"), at));
      }
      keys.add(text.get());
    }
    Node found = mappings;
    for (String key : keys) {
      found = found instanceof ObjectNode object ? object.get(key) : null;
    }
    if (found != null) {
      return new Chosen(found, false);
    }
    if (array.size() == 4
        && array.elements().get(3) instanceof ObjectNode options
        && options.has("DefaultValue")) {
      return new Chosen(options.get("DefaultValue"), true);
    }
    return new Computed(
        Value.unknown("Fn::FindInMap: " + String.join(".", keys) + " is not in Mappings", at));
  }

  private Result select(Node argument, Node at) {
    if (!(argument instanceof ArrayNode array) || array.size() != 2) {
      return new Computed(Value.unknown("Fn::Select needs [index, list]", at));
    }
    Value<String> index = text(array.elements().get(0));
    if (!index.isKnown() || !index.get().matches("\\d{1,9}")) {
      return new Computed(
          Value.unknown(
              "Fn::Select: " + (index.isUnknown() ? index.reason() : "the index is not a number"),
              at));
    }
    int position = Integer.parseInt(index.get());
    Node list = array.elements().get(1);
    if (list instanceof ArrayNode literal) {
      return position < literal.size()
          ? new Chosen(literal.elements().get(position), true)
          : new Computed(
              Value.unknown("Fn::Select: index " + position + " is past the end of the list", at));
    }
    Value<List<String>> items = texts(list);
    if (!items.isKnown()) {
      return new Computed(Value.unknown("Fn::Select: " + reason(items), at));
    }
    return new Computed(
        position < items.get().size()
            ? Value.known(items.get().get(position), at)
            : Value.unknown("Fn::Select: index " + position + " is past the end of the list", at));
  }

  private Value<String> join(Node argument, Node at) {
    if (!(argument instanceof ArrayNode array) || array.size() != 2) {
      return Value.unknown("Fn::Join needs [delimiter, list]", at);
    }
    Value<String> delimiter = text(array.elements().get(0));
    Node list = array.elements().get(1);
    if (delimiter.isKnown() && list instanceof ArrayNode literal) {
      return joinLiteral(delimiter.get(), literal, at);
    }
    Value<List<String>> items = texts(list);
    if (delimiter.isUnknown() || !items.isKnown()) {
      return Value.unknown(
          "Fn::Join: " + (delimiter.isUnknown() ? delimiter.reason() : reason(items)), at);
    }
    return Value.known(String.join(delimiter.orElse(""), items.get()), at);
  }

  /**
   * Fn::Join of a list written in the template: unknown when an item is, yet with the text after
   * the last unknown item as its known ending ({@code [!Ref Repo, ":latest"]} ends with {@code
   * :latest}).
   */
  private Value<String> joinLiteral(String delimiter, ArrayNode list, Node at) {
    StringBuilder out = new StringBuilder();
    String unknownReason = null;
    boolean first = true;
    for (Node element : list.elements()) {
      Value<String> item = text(element);
      if (item.isAbsent()) {
        continue; // AWS::NoValue drops the item
      }
      if (!first) {
        out.append(delimiter);
      }
      first = false;
      if (item.isUnknown()) {
        unknownReason = unknownReason != null ? unknownReason : item.reason();
        out.setLength(0);
        out.append(item.knownEnding() != null ? item.knownEnding() : "");
      } else {
        out.append(item.get());
      }
    }
    return unknownReason != null
        ? Value.unknown("Fn::Join: " + unknownReason, at, out.toString())
        : Value.known(out.toString(), at);
  }

  private Value<List<String>> split(Node argument, Node at) {
    if (!(argument instanceof ArrayNode array) || array.size() != 2) {
      return Value.unknown("Fn::Split needs [delimiter, text]", at);
    }
    Value<String> delimiter = text(array.elements().get(0));
    Value<String> text = text(array.elements().get(1));
    if (!delimiter.isKnown() || text.isUnknown()) {
      return Value.unknown("Fn::Split: " + (text.isUnknown() ? text.reason() : "no delimiter"), at);
    }
    if (delimiter.get().isEmpty()) {
      return Value.unknown("Fn::Split: the delimiter is empty, which CloudFormation refuses", at);
    }
    List<String> parts = new ArrayList<>();
    String rest = text.orElse("");
    for (int cut;
        (cut = rest.indexOf(delimiter.get())) >= 0;
        rest = rest.substring(cut + delimiter.get().length())) {
      parts.add(rest.substring(0, cut));
    }
    parts.add(rest);
    return Value.known(parts, at);
  }

  @SuppressWarnings("unchecked")
  private Value<String> sub(Node argument, Node at) {
    Node template = argument;
    ObjectNode variables = null;
    if (argument instanceof ArrayNode array
        && array.size() == 2
        && array.elements().get(1) instanceof ObjectNode map) {
      template = array.elements().get(0);
      variables = map;
    }
    if (!(template instanceof ScalarNode scalar) || scalar.type() != ScalarNode.Type.STRING) {
      return Value.unknown("Fn::Sub needs a string, or [string, variables]", at);
    }
    String text = scalar.text();
    StringBuilder out = new StringBuilder(); // after an unknown variable: the known ending only
    String unknownReason = null;
    int from = 0;
    for (int open; (open = text.indexOf("${", from)) >= 0; ) {
      int close = text.indexOf('}', open);
      if (close < 0) {
        break;
      }
      out.append(text, from, open);
      String name = text.substring(open + 2, close).trim();
      from = close + 1;
      if (name.startsWith("!")) {
        out.append("${")
            .append(name.substring(1))
            .append('}'); // ${!Literal} is written as ${Literal}
        continue;
      }
      Value<String> value;
      if (variables != null && variables.has(name)) {
        value = text(variables.get(name));
      } else if (name.contains(".")) {
        value = Value.unknown("Fn::GetAtt " + name + " is known only after deployment", at);
      } else {
        Value<?> referred = ref(name, at);
        value =
            referred.isKnown() && referred.get() instanceof List<?> list
                ? Value.known(String.join(",", (List<String>) list), at)
                : referred.map(String::valueOf);
      }
      if (!value.isKnown()) {
        if (unknownReason == null) {
          unknownReason =
              "Fn::Sub ${"
                  + name
                  + "}: "
                  + (value.isUnknown() ? value.reason() : "resolves to nothing");
        }
        out.setLength(0);
        out.append(value.knownEnding() != null ? value.knownEnding() : "");
        continue;
      }
      out.append(value.get());
    }
    out.append(text, from, text.length());
    return unknownReason != null
        ? Value.unknown(unknownReason, at, out.toString())
        : Value.known(out.toString(), at);
  }

  /** A value used as text: a scalar, or a function that gives one. */
  private Value<String> text(Node node) {
    if (isFunction(node)) {
      Function<String, Value<String>> unknown = reason -> Value.unknown(reason, node);
      return deeper(
          unknown,
          () ->
              follow(
                  (ObjectNode) node,
                  unknown,
                  result -> {
                    if (result instanceof Chosen chosen) {
                      return text(chosen.node());
                    }
                    Value<?> value = ((Computed) result).value();
                    if (value.isKnown() && !(value.get() instanceof String)) {
                      return Value.unknown(
                          functionName((ObjectNode) node) + " gives a list where text is needed",
                          node);
                    }
                    @SuppressWarnings("unchecked")
                    Value<String> text = (Value<String>) value;
                    return text;
                  }));
    }
    if (node instanceof ScalarNode scalar) {
      return scalar.type() == ScalarNode.Type.NULL
          ? Value.absent(node)
          : Value.known(scalar.text(), node);
    }
    return node instanceof UnresolvedNode unresolved
        ? Fields.unknown(unresolved)
        : Value.unknown(Fields.dotted(node) + " is " + node.kind() + " where text is needed", node);
  }

  /**
   * A value used as a list of text: a list of scalars (or functions), or a function that gives one.
   */
  private Value<List<String>> texts(Node node) {
    if (isFunction(node)) {
      Function<String, Value<List<String>>> unknown = reason -> Value.unknown(reason, node);
      return deeper(
          unknown,
          () ->
              follow(
                  (ObjectNode) node,
                  unknown,
                  result -> {
                    if (result instanceof Chosen chosen) {
                      return texts(chosen.node());
                    }
                    Value<?> value = ((Computed) result).value();
                    if (value.isKnown() && !(value.get() instanceof List<?>)) {
                      return Value.unknown(
                          functionName((ObjectNode) node) + " gives text where a list is needed",
                          node);
                    }
                    @SuppressWarnings("unchecked")
                    Value<List<String>> list = (Value<List<String>>) value;
                    return list;
                  }));
    }
    if (!(node instanceof ArrayNode array)) {
      return Value.unknown(
          Fields.dotted(node) + " is " + node.kind() + " where a list is needed", node);
    }
    List<String> items = new ArrayList<>();
    for (Node element : array.elements()) {
      Value<String> item = text(element);
      if (item.isUnknown()) {
        return Value.unknown(item.reason(), item.origin());
      }
      if (item.isKnown()) {
        items.add(item.get()); // AWS::NoValue drops the item
      }
    }
    return Value.known(items, node);
  }

  /** The characters or items a function built: text that doubles at each level must count. */
  private static long size(Result result) {
    if (result instanceof Computed computed && computed.value().isKnown()) {
      return computed.value().get() instanceof String text
          ? text.length()
          : ((List<?>) computed.value().get()).size();
    }
    return 0;
  }

  /** Runs {@code step} one level deeper, or gives {@code refused} the reason it may not be run. */
  private <T> T deeper(Function<String, T> refused, Supplier<T> step) {
    String stop = limit();
    if (stop != null) {
      return refused.apply(stop);
    }
    depth++;
    try {
      return step.get();
    } finally {
      depth--;
    }
  }

  private static String reason(Value<?> value) {
    return value.isUnknown() ? value.reason() : "the list is empty";
  }

  private static String describe(Node argument) {
    if (argument instanceof ScalarNode scalar) {
      return scalar.text();
    }
    if (argument instanceof ArrayNode array
        && array.elements().stream().allMatch(element -> element instanceof ScalarNode)) {
      return String.join(
          ".", array.elements().stream().map(element -> ((ScalarNode) element).text()).toList());
    }
    return "(computed)";
  }
}
