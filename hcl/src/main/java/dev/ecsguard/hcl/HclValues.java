package dev.ecsguard.hcl;

import dev.ecsguard.hcl.Hcl.Access;
import dev.ecsguard.hcl.Hcl.Binary;
import dev.ecsguard.hcl.Hcl.Call;
import dev.ecsguard.hcl.Hcl.Conditional;
import dev.ecsguard.hcl.Hcl.Entry;
import dev.ecsguard.hcl.Hcl.Expression;
import dev.ecsguard.hcl.Hcl.For;
import dev.ecsguard.hcl.Hcl.Literal;
import dev.ecsguard.hcl.Hcl.ObjectValue;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the expressions of one Terraform module as far as its source allows: literals,
 * variables (given values, tfvars, defaults), locals, operators, conditionals, string templates,
 * for expressions, splats, try() and can(), and Terraform's functions on values ({@link
 * HclFunctions}; file() and templatefile() here). What only a plan or apply knows (other resources'
 * attributes, each.*, count.index) is unknown, saying why; so is what ecsguard does not evaluate.
 * What Terraform would refuse (a missing attribute, an index out of range, a function refusing its
 * arguments) is an unknown that is an {@linkplain Unknown#error() error}, which try() and can()
 * see.
 */
public final class HclValues {
  // Far beyond any real attribute; a hostile module that doubles values in locals stops here.
  static final int MAX_TEXT = 1 << 20;

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

  private static final Pattern JSON_PUNCTUATION = Pattern.compile("[\\[\\],\\s]*");

  /** A template's shape for {@link #encodedList}: {@code v} an encoded value. */
  private static final Pattern ENCODED_LIST = Pattern.compile("\\s*\\[\\s*v(\\s*,\\s*v)*\\s*]\\s*");

  /**
   * What stands for an unknown interpolation while a JSON template is decoded ({@link
   * #evaluateJson}): characters of Unicode's private use area, which no JSON of ECS holds.
   */
  private static final char PLACEHOLDER_START = '\uE000';

  /** How many locals {@link #evaluateJson} follows to the template (one naming itself stops). */
  private static final int MAX_JSON_HOPS = 16;

  private static final char PLACEHOLDER_END = '\uE001';
  private static final Pattern PLACEHOLDER = Pattern.compile("\uE000(\\d+)\uE001");

  /**
   * The most elements one attribute's evaluation may iterate over or build (for expressions,
   * splats, range() and the functions that build lists), so that nested loops cannot run for hours.
   */
  public static final int MAX_ELEMENTS = 100_000;

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

  /** A list, tuple or set (a set's elements once each, as toset() leaves them). */
  public record ListV(List<V> items, Where where) implements V {}

  public record ObjectV(Map<String, V> members, Where where) implements V {}

  /**
   * A value not known from the source; {@code error} when Terraform would refuse the expression
   * (try() then takes its next argument, can() is false) rather than know it later. {@code
   * reference}: the managed resource's attribute it is the value of ({@code
   * aws_iam_role.task.arn}), so that two such values can be told equal or different; null for any
   * other. {@code knownEnding}: the literal text a string is known to end with ({@code ":latest"}
   * of {@code "${aws_ecr_repository.app.repository_url}:latest"}), or null.
   */
  public record Unknown(
      String reason, Where where, boolean error, String reference, String knownEnding)
      implements V {
    /** A value known only later, or not evaluated by ecsguard: no error. */
    public Unknown(String reason, Where where) {
      this(reason, where, false, null, null);
    }

    /** As the canonical constructor, nothing of its text known. */
    public Unknown(String reason, Where where, boolean error, String reference) {
      this(reason, where, error, reference, null);
    }

    /** An expression Terraform refuses. */
    static Unknown failed(String reason, Where where) {
      return new Unknown(reason, where, true, null);
    }

    /**
     * The same unknown (the same reference), saying {@code reason} at {@code where}; what it ends
     * with is dropped, as an operation on it (a function, an operator) need not keep it.
     */
    Unknown with(String reason, Where where) {
      return new Unknown(reason, where, error, reference);
    }

    /** The same unknown, all of it (its known ending too), shown at {@code where}. */
    Unknown at(Where where) {
      return new Unknown(reason, where, error, reference, knownEnding);
    }
  }

  /** An expression with the file it was written in. */
  public record Source(Expression expression, String file) {}

  /**
   * A {@code data "template_file"} block (the template provider's): its template and vars (null
   * when it has none), which it renders without reading anything remote.
   */
  public record TemplateData(Source template, Source variables) {}

  private final HclFiles files;
  private final Map<String, Source> variableDefaults;
  private final Map<String, Source> givenVariables;
  private final Map<String, Source> variableTypes;
  private final Map<String, Source> locals;
  private final Map<String, String> refused; // var.x or local.y → why it has no value
  private final Map<String, TemplateData> templateData;
  private final Map<String, V> instance;
  private final Set<String> evaluating =
      new HashSet<>(); // var.x and local.y being evaluated, to catch a cycle
  private final Set<Object> rendering =
      new HashSet<>(); // templatefile() paths being rendered, to catch one that includes itself
  private final Map<String, V> localValues =
      new HashMap<>(); // each local once: locals built from locals must not blow up
  private int depth;
  private int elements; // iterated or built in this attribute's evaluation, up to MAX_ELEMENTS

  /** {@code files}: what file() and templatefile() read. */
  public HclValues(
      HclFiles files,
      Map<String, Source> variableDefaults,
      Map<String, Source> givenVariables,
      Map<String, Source> locals) {
    this(files, variableDefaults, givenVariables, Map.of(), locals);
  }

  /**
   * {@code variableTypes}: the variables' {@code type} constraints, which their values are
   * {@linkplain #conform converted} to.
   */
  public HclValues(
      HclFiles files,
      Map<String, Source> variableDefaults,
      Map<String, Source> givenVariables,
      Map<String, Source> variableTypes,
      Map<String, Source> locals) {
    this(files, variableDefaults, givenVariables, variableTypes, locals, Map.of());
  }

  /** As above, with the module's {@code data "template_file"} blocks by name. */
  public HclValues(
      HclFiles files,
      Map<String, Source> variableDefaults,
      Map<String, Source> givenVariables,
      Map<String, Source> variableTypes,
      Map<String, Source> locals,
      Map<String, TemplateData> templateData) {
    this.files = files;
    this.variableDefaults = variableDefaults;
    this.givenVariables = givenVariables;
    this.variableTypes = variableTypes;
    this.locals = locals;
    this.refused = Map.of();
    this.templateData = templateData;
    this.instance = Map.of();
  }

  /**
   * The same module with {@code refused} variables and locals ({@code var.x}, {@code local.y}),
   * each unknown with its reason wherever it is used: a name declared twice, which Terraform
   * refuses, has no value to take.
   */
  public HclValues refusing(Map<String, String> refused) {
    return new HclValues(this, instance, refused);
  }

  /**
   * The same module, with {@code instance}'s names bound (locals cannot use them, so their cache is
   * shared).
   */
  private HclValues(HclValues module, Map<String, V> instance) {
    this(module, instance, module.refused);
  }

  private HclValues(HclValues module, Map<String, V> instance, Map<String, String> refused) {
    this.files = module.files;
    this.variableDefaults = module.variableDefaults;
    this.givenVariables = module.givenVariables;
    this.variableTypes = module.variableTypes;
    this.locals = module.locals;
    this.refused = Map.copyOf(refused);
    this.templateData = module.templateData;
    this.localValues.putAll(module.localValues);
    this.instance = Map.copyOf(instance);
  }

  public V evaluate(Source source) {
    return evaluate(source, Map.of());
  }

  /**
   * {@code source} with {@code names} bound besides this instance's (a dynamic block's iterator,
   * say: {@code setting} as an object of {@code key} and {@code value}); they hide any other name.
   */
  public V evaluate(Source source, Map<String, V> names) {
    if (depth == 0) {
      elements = 0;
    }
    Map<String, V> scope = instance;
    if (!names.isEmpty()) {
      scope = new HashMap<>(instance);
      scope.putAll(names);
    }
    return evaluate(source.expression(), source.file(), scope);
  }

  /**
   * {@code source} as an attribute holding JSON text reads it (container_definitions): as {@link
   * #evaluate(Source)}, but where the attribute is a string template (a heredoc) or templatefile()
   * whose interpolations are not all known, the JSON its text spells, each value an unknown
   * interpolation stands in unknown in its place, so that what the text writes literally ({@code
   * "privileged": true}) is read all the same. Text Terraform would not parse as JSON once known,
   * or an unknown interpolation that could add members or elements, keeps it unknown.
   */
  public V evaluateJson(Source source) {
    V value = evaluate(source);
    if (!(value instanceof Unknown unknown) || unknown.error()) {
      return value;
    }
    elements = 0;
    V partial = partialJson(source, 0);
    return partial != null ? partial : value;
  }

  /**
   * What {@link #evaluateJson} reads of {@code source} whose value is unknown: a template, a
   * templatefile(), or a local holding one (followed {@code hops} deep); null for anything else.
   */
  private V partialJson(Source source, int hops) {
    Expression expression = source.expression();
    Where where = new Where(source.file(), expression.at());
    return switch (expression) {
      case Template template -> partialJson(template, source.file(), instance, where);
      case Call call
          when call.function().equals("templatefile")
              && call.arguments().size() == 2
              && !call.expandLast() -> {
        V text =
            file("templatefile", evaluate(call.arguments().get(0), source.file(), instance), where);
        V variables = evaluate(call.arguments().get(1), source.file(), instance);
        yield text instanceof Scalar scalar
                && variables instanceof ObjectV object
                && HclParser.parseTemplate(scalar.text()) instanceof Template template
            ? partialJson(template, where.file(), object.members(), where)
            : null;
      }
      case Traversal traversal
          when traversal.root().equals("local")
              && traversal.steps().size() == 1
              && traversal.steps().get(0).name() != null
              && locals.containsKey(traversal.steps().get(0).name())
              && !refused.containsKey("local." + traversal.steps().get(0).name())
              && hops < MAX_JSON_HOPS ->
          partialJson(locals.get(traversal.steps().get(0).name()), hops + 1);
      case Traversal traversal
          when isRenderedTemplateData(traversal) && traversal.steps().size() == 3 -> {
        TemplateData data = templateData.get(traversal.steps().get(1).name());
        V text = evaluate(data.template().expression(), data.template().file(), Map.of());
        V variables =
            data.variables() == null
                ? new ObjectV(Map.of(), where)
                : evaluate(data.variables().expression(), data.variables().file(), Map.of());
        yield text instanceof Scalar scalar
                && scalar.text() != null
                && variables instanceof ObjectV object
                && HclParser.parseTemplate(scalar.text()) instanceof Template template
            ? partialJson(template, where.file(), object.members(), where)
            : null;
      }
      default -> null;
    };
  }

  /** {@code data.template_file.NAME.rendered…} of a block this module has. */
  private boolean isRenderedTemplateData(Traversal traversal) {
    List<Step> steps = traversal.steps();
    return traversal.root().equals("data")
        && steps.size() >= 3
        && "template_file".equals(steps.get(0).name())
        && steps.get(1).name() != null
        && templateData.containsKey(steps.get(1).name())
        && "rendered".equals(steps.get(2).name());
  }

  /**
   * The JSON {@code template} spells, each unknown interpolation a placeholder decoded and then put
   * back as that unknown; null when it does not spell JSON that way.
   */
  private V partialJson(Template template, String file, Map<String, V> scope, Where where) {
    if (template.directive()) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    List<Unknown> unknowns = new ArrayList<>();
    JsonStringState strings = new JsonStringState();
    for (Expression part : template.parts()) {
      V value = evaluate(part, file, scope);
      if (value instanceof Unknown unknown && !unknown.error()) {
        String placeholder =
            PLACEHOLDER_START + Integer.toString(unknowns.size()) + PLACEHOLDER_END;
        unknowns.add(unknown);
        // outside a string it stands for a whole value: a string placeholder keeps JSON valid
        text.append(strings.inString() ? placeholder : "\"" + placeholder + "\"");
      } else if (value instanceof Scalar scalar
          && scalar.text() != null
          && scalar.text().indexOf(PLACEHOLDER_START) < 0) {
        text.append(scalar.text());
        strings.read(scalar.text());
      } else {
        return null;
      }
      if (text.length() > MAX_TEXT) {
        return null;
      }
    }
    if (unknowns.isEmpty()) {
      return null;
    }
    V decoded =
        HclFunctions.call(
            "jsondecode",
            List.of(new Scalar(Scalar.Type.STRING, text.toString(), where)),
            where,
            this::spend);
    return decoded instanceof ListV || decoded instanceof ObjectV
        ? withUnknowns(decoded, unknowns, where)
        : null;
  }

  /**
   * {@code value} with each string that holds a placeholder the unknown it stands for (a string
   * with other text too: unknown, ending with the text after its last placeholder); null when an
   * object key holds one.
   */
  private static V withUnknowns(V value, List<Unknown> unknowns, Where where) {
    switch (value) {
      case Scalar scalar
          when scalar.type() == Scalar.Type.STRING
              && scalar.text().indexOf(PLACEHOLDER_START) >= 0 -> {
        Matcher placeholders = PLACEHOLDER.matcher(scalar.text());
        Unknown first = null;
        Unknown last = null;
        int end = 0;
        while (placeholders.find()) {
          last = unknowns.get(Integer.parseInt(placeholders.group(1)));
          first = first != null ? first : last;
          end = placeholders.end();
        }
        if (first == last && PLACEHOLDER.matcher(scalar.text()).matches()) {
          return first.at(where); // the interpolation is the whole value
        }
        String ending = last.knownEnding() != null ? last.knownEnding() : "";
        return unknownTemplate(first, ending + scalar.text().substring(end), where);
      }
      case ListV list -> {
        List<V> items = new ArrayList<>();
        for (V item : list.items()) {
          V replaced = withUnknowns(item, unknowns, where);
          if (replaced == null) {
            return null;
          }
          items.add(replaced);
        }
        return new ListV(items, list.where());
      }
      case ObjectV object -> {
        Map<String, V> members = new LinkedHashMap<>();
        for (Map.Entry<String, V> member : object.members().entrySet()) {
          V replaced = withUnknowns(member.getValue(), unknowns, where);
          if (replaced == null || member.getKey().indexOf(PLACEHOLDER_START) >= 0) {
            return null;
          }
          members.put(member.getKey(), replaced);
        }
        return new ObjectV(members, object.where());
      }
      default -> {
        return value;
      }
    }
  }

  /** Whether JSON text read so far stands inside a string. */
  private static final class JsonStringState {
    private boolean inString;
    private boolean escaped;

    boolean inString() {
      return inString;
    }

    void read(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (escaped) {
          escaped = false;
        } else if (inString && c == '\\') {
          escaped = true;
        } else if (c == '"') {
          inString = !inString;
        }
      }
    }
  }

  /**
   * The elements a for expression or {@code for_each} goes through, as Terraform orders them: a
   * list's by index (the key a number), an object's by key in lexical order; null for a value that
   * is not a list or object.
   */
  public static List<Map.Entry<V, V>> elements(V collection) {
    return switch (collection) {
      case ListV list -> {
        List<Map.Entry<V, V>> out = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
          out.add(
              Map.entry(
                  new Scalar(Scalar.Type.NUMBER, Integer.toString(i), list.where()),
                  list.items().get(i)));
        }
        yield out;
      }
      case ObjectV object ->
          object.members().entrySet().stream()
              .sorted(Map.Entry.comparingByKey())
              .map(
                  member ->
                      Map.entry(
                          (V) new Scalar(Scalar.Type.STRING, member.getKey(), object.where()),
                          member.getValue()))
              .toList();
      default -> null;
    };
  }

  /**
   * Counts {@code count} more elements; false once this attribute's evaluation is over its bound.
   */
  private boolean spend(long count) {
    if (elements + count > MAX_ELEMENTS) {
      elements = MAX_ELEMENTS + 1;
      return false;
    }
    elements += (int) count;
    return true;
  }

  static String overBudget() {
    return "over "
        + MAX_ELEMENTS
        + " elements iterated or built for one value (for expressions, splats, functions);"
        + " not evaluated";
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
          yield condition instanceof Unknown unknown
              ? unknown.with(unknown.reason(), where)
              : Unknown.failed("a condition that is not true or false", where);
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
        BigDecimal number = HclFunctions.number(operand);
        if (unary.operator().equals("-") && number != null) {
          yield HclFunctions.number(number.negate(), where);
        }
        yield Unknown.failed(
            "the operator "
                + unary.operator()
                + " on a value that is not a "
                + (unary.operator().equals("!") ? "bool" : "number"),
            where);
      }
      case For loop -> forExpression(loop, file, scope, where);
      case Access access ->
          steps(
              evaluate(access.source(), file, scope),
              access.steps(),
              file,
              scope,
              describe(access.source()),
              where);
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
      case Unknown unknown -> unknown.at(where);
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
    List<V> values = new ArrayList<>();
    Unknown firstUnknown = null;
    StringBuilder ending = new StringBuilder(); // the literal text after the last unknown part
    for (Expression part : template.parts()) {
      V value = evaluate(part, file, scope);
      if (value instanceof Unknown unknown) {
        if (template.parts().size() == 1) {
          return unknown.at(where); // "${x}" is x itself
        }
        if (unknown.error()) {
          return unknownTemplate(firstUnknown != null ? firstUnknown : unknown, null, where);
        }
        firstUnknown = firstUnknown != null ? firstUnknown : unknown;
        ending.setLength(0);
        ending.append(unknown.knownEnding() != null ? unknown.knownEnding() : "");
      } else if (firstUnknown != null) {
        if (!(value instanceof Scalar scalar) || scalar.text() == null) {
          return unknownTemplate(firstUnknown, null, where);
        }
        ending.append(scalar.text());
        if (ending.length() > MAX_TEXT) {
          return unknownTemplate(firstUnknown, null, where);
        }
      }
      values.add(value);
    }
    if (firstUnknown != null) {
      return unknownTemplate(firstUnknown, ending.toString(), where);
    }
    if (values.stream().anyMatch(value -> !(value instanceof Scalar))) {
      return encodedList(template.parts(), values, where);
    }
    StringBuilder text = new StringBuilder();
    for (V value : values) {
      Scalar scalar = (Scalar) value;
      if (scalar.text() == null) {
        return Unknown.failed("a string template interpolates null", where);
      }
      text.append(scalar.text());
      if (text.length() > MAX_TEXT) {
        return new Unknown(
            "a string template longer than " + MAX_TEXT + " characters is not evaluated", where);
      }
    }
    return new Scalar(Scalar.Type.STRING, text.toString(), where);
  }

  /**
   * A template {@code "arn-${x}"} with an unknown part: another value than that part (no
   * reference), its reason and error the first unknown part's; {@code knownEnding} the text after
   * the last.
   */
  private static Unknown unknownTemplate(Unknown first, String knownEnding, Where where) {
    return new Unknown(
        first.reason(),
        where,
        first.error(),
        null,
        knownEnding == null || knownEnding.isEmpty() ? null : knownEnding);
  }

  /**
   * {@code "[${a}, ${b}]"} over values that jsonencode() gave (container definitions built by
   * modules, as cloudposse's write them): the JSON list of what they encode. ecsguard reads
   * jsonencode(x) as x itself, so it cannot tell an encoded object from one Terraform would refuse
   * to interpolate; any other template interpolating a list or object is refused, as Terraform
   * refuses it.
   */
  private static V encodedList(List<Expression> parts, List<V> values, Where where) {
    StringBuilder shape = new StringBuilder();
    List<V> elements = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      if (parts.get(i) instanceof Literal literal
          && literal.kind() == Literal.Kind.STRING
          && JSON_PUNCTUATION.matcher(literal.text()).matches()) {
        shape.append(literal.text());
      } else if (values.get(i) instanceof Scalar) {
        shape.append('s'); // other text beside an encoded value: not the shape read here
      } else {
        shape.append('v');
        elements.add(values.get(i));
      }
    }
    return ENCODED_LIST.matcher(shape).matches()
        ? new ListV(elements, where)
        : Unknown.failed("a string template interpolates a list or object", where);
  }

  private V object(ObjectValue object, String file, Map<String, V> scope, Where where) {
    Map<String, V> members = new LinkedHashMap<>();
    for (Entry entry : object.entries()) {
      V key = evaluate(entry.key(), file, scope);
      if (!(key instanceof Scalar scalar) || scalar.text() == null) {
        return key instanceof Unknown unknown
            ? unknown.with("an object key: " + unknown.reason(), where)
            : Unknown.failed("an object key that is not a string", where);
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
    } else if (isRenderedTemplateData(traversal)) {
      value = renderedTemplateData(steps.get(1).name(), where);
      consumed = 3;
    } else if (root.equals("path") && steps.size() == 1 && "module".equals(steps.get(0).name())) {
      // As Terraform has it for the module it runs in; file() reads relative to the module's
      // directory.
      return new Scalar(Scalar.Type.STRING, ".", where);
    } else {
      String described = describe(traversal);
      return new Unknown(
          described + " is " + whenKnown(root),
          where,
          false,
          whenKnown(root).equals(AFTER_APPLY)
                  && !described.contains("[...]")
                  && !described.contains("*")
              ? described
              : null); // an instance named by an expression may be any one
    }
    return steps(
        value, steps.subList(consumed, steps.size()), file, scope, describe(traversal), where);
  }

  /**
   * {@code steps} taken from {@code value}; a splat takes the steps after it (all of them for
   * {@code [*]}, the attribute steps for {@code .*}) from each element.
   */
  private V steps(
      V value,
      List<Step> steps,
      String file,
      Map<String, V> scope,
      String expression,
      Where where) {
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      if (step.splat() == null) {
        value = step(value, step, file, scope, expression, where);
        continue;
      }
      if (value instanceof Unknown) {
        return value;
      }
      int end = i + 1;
      if (step.splat() == Step.Splat.FULL) {
        end = steps.size();
      } else {
        while (end < steps.size() && steps.get(end).name() != null) {
          end++;
        }
      }
      // a splat over one value that is not a list takes it as a list of one; over null, of none
      List<V> items =
          value instanceof ListV list
              ? list.items()
              : value instanceof Scalar scalar && scalar.text() == null
                  ? List.of()
                  : List.of(value);
      if (!spend(items.size())) {
        return new Unknown(overBudget(), where);
      }
      List<V> each = new ArrayList<>();
      for (V item : items) {
        each.add(steps(item, steps.subList(i + 1, end), file, scope, expression, where));
      }
      if (elements > MAX_ELEMENTS) { // spent inside: the elements are not all there
        return new Unknown(overBudget(), where);
      }
      value = new ListV(each, where);
      i = end - 1;
    }
    return value;
  }

  private static final String AFTER_APPLY = "known only after apply";

  private static String whenKnown(String root) {
    return switch (root) {
      case "each" -> "known only for each instance of for_each";
      case "count" -> "known only for each instance of count";
      case "var", "local" -> "not a variable or local ecsguard can name";
      case "data" -> "read from a data source, known only at plan time";
      case "module" -> "an output of another module, which ecsguard does not follow";
      default -> AFTER_APPLY; // a managed resource's attribute
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
      return Unknown.failed(expression + ": no attribute " + step.name() + " in this value", where);
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
    return Unknown.failed(expression + ": the index is not in this value", where);
  }

  private V variable(String name, Where where) {
    if (refused.containsKey("var." + name)) {
      return new Unknown(refused.get("var." + name), where);
    }
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
    return once("var." + name, () -> conform(name, evaluate(source)), where);
  }

  /**
   * {@code value} as the variable {@code name}'s type constraint makes it (optional attributes'
   * defaults filled in, say); as it is when the variable has no type.
   */
  public V conform(String name, V value) {
    Source type = variableTypes.get(name);
    return type == null
        ? value
        : HclTypes.conform(type.expression(), type.file(), value, this::evaluate);
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
    if (refused.containsKey("local." + name)) {
      return new Unknown(refused.get("local." + name), where);
    }
    Source source = locals.get(name);
    if (source == null) {
      return Unknown.failed("local." + name + " is not defined in this module", where);
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
    String operator = binary.operator();
    if ((left instanceof Unknown l && l.error()) || (right instanceof Unknown r && r.error())) {
      return unknownOf(left, right, where);
    }
    switch (operator) {
      case "&&", "||" -> {
        Boolean l = bool(left);
        Boolean r = bool(right);
        boolean and = operator.equals("&&");
        if ((l != null && l != and) || (r != null && r != and)) {
          return new Scalar(Scalar.Type.BOOL, Boolean.toString(!and), where); // decided by one side
        }
        if (l != null && r != null) {
          return new Scalar(Scalar.Type.BOOL, Boolean.toString(and), where);
        }
        return left instanceof Unknown || right instanceof Unknown
            ? unknownOf(left, right, where)
            : Unknown.failed("the operator " + operator + " on a value that is not a bool", where);
      }
      case "==", "!=" -> {
        Boolean equal = HclFunctions.equal(left, right);
        if (equal == null) {
          return unknownOf(left, right, where);
        }
        return new Scalar(
            Scalar.Type.BOOL, Boolean.toString(equal == operator.equals("==")), where);
      }
      default -> {
        if (left instanceof Unknown || right instanceof Unknown) {
          return unknownOf(left, right, where);
        }
        return HclFunctions.arithmetic(operator, left, right, where);
      }
    }
  }

  /** The unknown of the two (an error first) or in them, for an operation on them. */
  private static V unknownOf(V left, V right, Where where) {
    Unknown unknown =
        left instanceof Unknown l && (l.error() || !(right instanceof Unknown r && r.error()))
            ? l
            : right instanceof Unknown r ? r : HclFunctions.unknownIn(left, right);
    return unknown.with(unknown.reason(), where);
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
    String function = call.function();
    switch (function) {
      case "try" -> {
        return attempt(call, file, scope, where);
      }
      case "can" -> {
        if (call.arguments().size() != 1 || call.expandLast()) {
          return HclFunctions.wrongArguments(function, where);
        }
        V value = evaluate(call.arguments().get(0), file, scope);
        Unknown error = firstError(value);
        if (error == null && value instanceof Unknown unknown) {
          return unknown.with("can(): " + unknown.reason(), where);
        }
        return new Scalar(Scalar.Type.BOOL, Boolean.toString(error == null), where);
      }
      default -> {}
    }
    List<V> arguments = new ArrayList<>();
    call.arguments().forEach(argument -> arguments.add(evaluate(argument, file, scope)));
    if (call.expandLast()) {
      V last = arguments.removeLast();
      if (last instanceof Unknown) {
        return last;
      }
      if (!(last instanceof ListV list)) {
        return Unknown.failed(function + "(): ... expands something that is not a list", where);
      }
      arguments.addAll(list.items());
    }
    return switch (function) {
      case "file" ->
          arguments.size() == 1
              ? file(function, arguments.get(0), where)
              : HclFunctions.wrongArguments(function, where);
      case "templatefile" ->
          arguments.size() == 2
              ? templateFile(arguments.get(0), arguments.get(1), where)
              : HclFunctions.wrongArguments(function, where);
      default -> HclFunctions.call(function, arguments, where, this::spend);
    };
  }

  /**
   * try(a, b, …): the first argument Terraform evaluates without an error. One not known yet keeps
   * the result unknown, as Terraform cannot tell whether it will fail.
   */
  private V attempt(Call call, String file, Map<String, V> scope, Where where) {
    if (call.arguments().isEmpty() || call.expandLast()) {
      return HclFunctions.wrongArguments("try", where);
    }
    Unknown last = null;
    for (Expression argument : call.arguments()) {
      V value = evaluate(argument, file, scope);
      last = firstError(value);
      if (last == null) {
        return value instanceof Unknown unknown
            ? unknown.with("try(): " + unknown.reason(), where)
            : value;
      }
    }
    return Unknown.failed(
        "try(): no argument evaluates without an error; the last: " + last.reason(), where);
  }

  /** The first error in {@code value} or its elements, null when there is none. */
  private static Unknown firstError(V value) {
    List<V> pending = new ArrayList<>(List.of(value));
    while (!pending.isEmpty()) {
      switch (pending.removeLast()) {
        case Unknown unknown when unknown.error() -> {
          return unknown;
        }
        case ListV list -> pending.addAll(list.items());
        case ObjectV object -> pending.addAll(object.members().values());
        default -> {}
      }
    }
    return null;
  }

  /** A for expression: each element of its collection, bound to its names, as a list or object. */
  private V forExpression(For loop, String file, Map<String, V> scope, Where where) {
    V collection = evaluate(loop.collection(), file, scope);
    if (collection instanceof Unknown unknown) {
      return unknown.with(unknown.reason(), where);
    }
    List<Map.Entry<V, V>> pairs = elements(collection);
    if (pairs == null) {
      return Unknown.failed(
          "a for expression over "
              + (collection instanceof Scalar scalar && scalar.text() == null
                  ? "null"
                  : "a value that is not a list or map"),
          where);
    }
    if (!spend(pairs.size())) {
      return new Unknown(overBudget(), where);
    }
    List<V> items = new ArrayList<>();
    Map<String, V> members = new LinkedHashMap<>();
    Map<String, List<V>> groups = new LinkedHashMap<>();
    for (Map.Entry<V, V> element : pairs) {
      Map<String, V> names = new HashMap<>(scope);
      if (loop.keyName() != null) {
        names.put(loop.keyName(), element.getKey());
      }
      names.put(loop.valueName(), element.getValue());
      if (loop.condition() != null) {
        V condition = evaluate(loop.condition(), file, names);
        Boolean holds = bool(condition);
        if (holds == null) {
          return condition instanceof Unknown unknown
              ? unknown.with("a for expression's if: " + unknown.reason(), where)
              : Unknown.failed("a for expression's if that is not true or false", where);
        }
        if (!holds) {
          continue;
        }
      }
      V value = evaluate(loop.value(), file, names);
      if (loop.key() == null) {
        items.add(value);
        continue;
      }
      V key = evaluate(loop.key(), file, names);
      String name = key instanceof Scalar scalar ? scalar.text() : null;
      if (name == null) {
        return key instanceof Unknown unknown
            ? unknown.with("a for expression's key: " + unknown.reason(), where)
            : Unknown.failed("a for expression's key that is not a string", where);
      }
      if (loop.grouping()) {
        groups.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      } else if (members.put(name, value) != null) {
        return Unknown.failed(
            "a for expression gives the key \"" + name + "\" twice (group them with ...)", where);
      }
    }
    if (elements > MAX_ELEMENTS) { // spent inside: the elements are not all there
      return new Unknown(overBudget(), where);
    }
    if (loop.key() == null) {
      return new ListV(items, where);
    }
    groups.forEach((name, group) -> members.put(name, new ListV(group, where)));
    return new ObjectV(members, where);
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
    if (!(text instanceof Scalar)) {
      return text;
    }
    String name = ((Scalar) path).text();
    return render(text, variables, "templatefile(\"" + name + "\")", files.identity(name), where);
  }

  /**
   * {@code text} read as a template whose names are {@code variables} (templatefile()'s, and
   * data.template_file's); {@code what} names it in messages, {@code key} catches one that includes
   * itself.
   */
  private V render(V text, V variables, String what, Object key, Where where) {
    boolean function = what.startsWith("templatefile(");
    String prefix = function ? "templatefile(): " : what + ": ";
    if (!(text instanceof Scalar scalar && scalar.text() != null)
        || !(variables instanceof ObjectV object)) {
      V wrong = text instanceof Scalar ? variables : text;
      return wrong instanceof Unknown unknown
          ? new Unknown(saidOnce(prefix, unknown.reason()), where)
          : function
              ? HclFunctions.wrongArguments("templatefile", where)
              : Unknown.failed(
                  prefix + "its template is not a string or its vars not a map", where);
    }
    if (!rendering.add(key)) {
      return new Unknown(what + " includes itself", where);
    }
    try {
      Expression template = HclParser.parseTemplate(scalar.text());
      if (template == null) {
        return new Unknown(prefix + "the template cannot be parsed", where);
      }
      V rendered = evaluate(template, where.file(), object.members());
      return switch (rendered) { // said once, however many templates deep
        case Unknown unknown -> new Unknown(saidOnce(prefix, unknown.reason()), where);
        case Scalar string -> new Scalar(Scalar.Type.STRING, string.text(), where);
        default -> rendered; // "[${a}, ${b}]" of encoded values: the list they encode
      };
    } finally {
      rendering.remove(key);
    }
  }

  /** {@code reason} after {@code prefix}, unless it names a template already. */
  private static String saidOnce(String prefix, String reason) {
    return reason.startsWith("templatefile(") || reason.startsWith("data.template_file.")
        ? reason
        : prefix + reason;
  }

  /**
   * data.template_file.NAME.rendered: the template provider renders its template attribute with its
   * vars locally, as templatefile() renders a file.
   */
  private V renderedTemplateData(String name, Where where) {
    TemplateData data = templateData.get(name);
    String what = "data.template_file." + name + ".rendered";
    return once(
        what,
        () ->
            render(
                evaluate(data.template().expression(), data.template().file(), Map.of()),
                data.variables() == null
                    ? new ObjectV(Map.of(), where)
                    : evaluate(data.variables().expression(), data.variables().file(), Map.of()),
                what,
                what,
                where),
        where);
  }

  /** How messages name an expression that steps are taken from. */
  private static String describe(Expression expression) {
    return switch (expression) {
      case Traversal traversal -> describe(traversal);
      case Call call -> call.function() + "(...)";
      case For loop -> loop.key() == null ? "[for ...]" : "{for ...}";
      default -> "the value at " + expression.at().line() + ":" + expression.at().column();
    };
  }

  private static String describe(Traversal traversal) {
    StringBuilder out = new StringBuilder(traversal.root());
    for (Step step : traversal.steps()) {
      out.append(
          step.splat() != null
              ? step.splat() == Step.Splat.FULL ? "[*]" : ".*"
              : step.name() != null
                  ? "." + step.name()
                  : step.index() instanceof Literal literal ? "[" + literal.text() + "]" : "[...]");
    }
    return out.toString();
  }
}
