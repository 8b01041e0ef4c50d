package dev.ecsguard.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.hcl.Hcl.Access;
import dev.ecsguard.hcl.Hcl.Attribute;
import dev.ecsguard.hcl.Hcl.Binary;
import dev.ecsguard.hcl.Hcl.Block;
import dev.ecsguard.hcl.Hcl.Call;
import dev.ecsguard.hcl.Hcl.Conditional;
import dev.ecsguard.hcl.Hcl.Entry;
import dev.ecsguard.hcl.Hcl.Expression;
import dev.ecsguard.hcl.Hcl.For;
import dev.ecsguard.hcl.Hcl.Item;
import dev.ecsguard.hcl.Hcl.Literal;
import dev.ecsguard.hcl.Hcl.ObjectValue;
import dev.ecsguard.hcl.Hcl.Position;
import dev.ecsguard.hcl.Hcl.Step;
import dev.ecsguard.hcl.Hcl.Template;
import dev.ecsguard.hcl.Hcl.Traversal;
import dev.ecsguard.hcl.Hcl.Tuple;
import dev.ecsguard.hcl.Hcl.Unary;
import dev.ecsguard.hcl.HclValues.ListV;
import dev.ecsguard.hcl.HclValues.ObjectV;
import dev.ecsguard.hcl.HclValues.Scalar;
import dev.ecsguard.hcl.HclValues.Source;
import dev.ecsguard.hcl.HclValues.TemplateData;
import dev.ecsguard.hcl.HclValues.Unknown;
import dev.ecsguard.hcl.HclValues.V;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The spec suite, as HashiCorp's hcl repository tests itself: each directory under {@code
 * src/test/resources/spec/} is one case, {@code case.hcl} and what it must give:
 *
 * <ul>
 *   <li>{@code expected.json}: the file's top-level attributes evaluated, as an object by name
 *       ({@code variable} blocks give defaults and type constraints, {@code locals} blocks locals,
 *       an optional {@code given.hcl} given variable values; files beside it are what file() reads;
 *       attributes named {@code json_…} are evaluated as holding JSON text, as
 *       container_definitions is). An unknown value is {@code {"unknown": "its reason"}}.
 *   <li>{@code tree.txt}: the syntax tree, one node a line, indented by nesting, with positions.
 *   <li>{@code error.txt}: the one-line error, {@code case.hcl:LINE:COLUMN: malformed HCL: …}.
 * </ul>
 */
class HclSpecTest {
  // as ecsguard's scanner parses by default (InputLimits.DEFAULT's nesting depth)
  private static final int MAX_DEPTH = 128;
  private static final String CASE = "case.hcl";

  /**
   * An attribute named so is evaluated as one holding JSON text ({@link HclValues#evaluateJson}).
   */
  private static final String JSON_TEXT = "json_";

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  @TestFactory
  Stream<DynamicTest> spec() throws IOException, URISyntaxException {
    Path root = Path.of(Objects.requireNonNull(HclSpecTest.class.getResource("/spec")).toURI());
    List<Path> cases;
    try (Stream<Path> directories = Files.list(root)) {
      cases = directories.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(cases).isNotEmpty();
    return cases.stream()
        .map(
            directory ->
                DynamicTest.dynamicTest(
                    directory.getFileName().toString(), () -> check(directory)));
  }

  private static void check(Path directory) throws Exception {
    String text = Files.readString(directory.resolve(CASE));
    String name = "spec case " + directory.getFileName();
    boolean checked = false;
    if (Files.exists(directory.resolve("error.txt"))) {
      assertThatThrownBy(() -> Hcl.parse(CASE, text, MAX_DEPTH))
          .as(name)
          .isInstanceOf(HclException.class)
          .hasMessage(Files.readString(directory.resolve("error.txt")).strip());
      return;
    }
    List<Item> items = Hcl.parse(CASE, text, MAX_DEPTH);
    if (Files.exists(directory.resolve("tree.txt"))) {
      StringBuilder tree = new StringBuilder();
      items.forEach(item -> item(item, 0, tree));
      assertThat(tree.toString())
          .as(name)
          .isEqualTo(Files.readString(directory.resolve("tree.txt")));
      checked = true;
    }
    if (Files.exists(directory.resolve("expected.json"))) {
      JsonNode expected = normalized(JSON.readTree(directory.resolve("expected.json").toFile()));
      assertThat(
              JSON.writerWithDefaultPrettyPrinter().writeValueAsString(evaluated(directory, items)))
          .as(name)
          .isEqualTo(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(expected));
      checked = true;
    }
    if (!checked) {
      fail(directory + " has no expected.json, tree.txt or error.txt");
    }
  }

  // ---- evaluation
  // --------------------------------------------------------------------------------

  private static JsonNode evaluated(Path directory, List<Item> items)
      throws HclException, IOException {
    Map<String, Source> defaults = new LinkedHashMap<>();
    Map<String, Source> types = new LinkedHashMap<>();
    Map<String, Source> locals = new LinkedHashMap<>();
    Map<String, TemplateData> templates = new LinkedHashMap<>();
    for (Item item : items) {
      if (item instanceof Block block && block.type().equals("variable")) {
        block
            .body()
            .forEach(
                inner -> {
                  if (inner instanceof Attribute attribute && attribute.name().equals("default")) {
                    defaults.put(block.labels().get(0), new Source(attribute.value(), CASE));
                  }
                  if (inner instanceof Attribute attribute && attribute.name().equals("type")) {
                    types.put(block.labels().get(0), new Source(attribute.value(), CASE));
                  }
                });
      } else if (item instanceof Block block
          && block.type().equals("data")
          && block.labels().get(0).equals("template_file")) {
        templates.put(
            block.labels().get(1),
            new TemplateData(source(block, "template"), source(block, "vars")));
      } else if (item instanceof Block block && block.type().equals("locals")) {
        block
            .body()
            .forEach(
                inner ->
                    locals.put(
                        ((Attribute) inner).name(), new Source(((Attribute) inner).value(), CASE)));
      }
    }
    Map<String, Source> given = new LinkedHashMap<>();
    Path givenFile = directory.resolve("given.hcl");
    if (Files.exists(givenFile)) {
      for (Item item : Hcl.parse("given.hcl", Files.readString(givenFile), MAX_DEPTH)) {
        given.put(((Attribute) item).name(), new Source(((Attribute) item).value(), "given.hcl"));
      }
    }
    HclValues values =
        new HclValues(new CaseFiles(directory), defaults, given, types, locals, templates);
    ObjectNode out = NODES.objectNode();
    for (Item item : items) {
      if (item instanceof Attribute attribute) {
        Source source = new Source(attribute.value(), CASE);
        out.set(
            attribute.name(),
            json(
                attribute.name().startsWith(JSON_TEXT)
                    ? values.evaluateJson(source)
                    : values.evaluate(source)));
      }
    }
    return out;
  }

  private static Source source(Block block, String name) {
    return block.body().stream()
        .filter(item -> item instanceof Attribute attribute && attribute.name().equals(name))
        .map(item -> new Source(((Attribute) item).value(), CASE))
        .findFirst()
        .orElse(null);
  }

  /** file() and templatefile() read the files beside case.hcl. */
  private record CaseFiles(Path directory) implements HclFiles {
    @Override
    public String read(String path, String call) throws Unreadable {
      Path file = directory.resolve(path).normalize();
      if (!file.startsWith(directory) || !Files.isRegularFile(file)) {
        throw new Unreadable(call + " cannot be read (no such file)");
      }
      try {
        return Files.readString(file);
      } catch (IOException e) {
        throw new Unreadable(call + " cannot be read (" + e + ")");
      }
    }

    @Override
    public Object identity(String path) {
      return directory.resolve(path).normalize();
    }
  }

  private static JsonNode json(V value) {
    return switch (value) {
      case Scalar scalar ->
          switch (scalar.type()) {
            case STRING -> NODES.textNode(scalar.text());
            case NUMBER -> NODES.numberNode(new BigDecimal(scalar.text()).stripTrailingZeros());
            case BOOL -> NODES.booleanNode(Boolean.parseBoolean(scalar.text()));
            case NULL -> NODES.nullNode();
          };
      case ListV list -> {
        ArrayNode array = NODES.arrayNode();
        list.items().forEach(item -> array.add(json(item)));
        yield array;
      }
      case ObjectV object -> {
        ObjectNode node = NODES.objectNode();
        object.members().forEach((name, member) -> node.set(name, json(member)));
        yield node;
      }
      case Unknown unknown -> {
        ObjectNode node = NODES.objectNode().put("unknown", unknown.reason());
        yield unknown.knownEnding() == null ? node : node.put("knownEnding", unknown.knownEnding());
      }
    };
  }

  /** Numbers compared by value: 1, 1.0 and 1e0 are one number. */
  private static JsonNode normalized(JsonNode node) {
    if (node.isNumber()) {
      return NODES.numberNode(node.decimalValue().stripTrailingZeros());
    }
    if (node.isArray()) {
      ArrayNode array = NODES.arrayNode();
      node.forEach(item -> array.add(normalized(item)));
      return array;
    }
    if (node.isObject()) {
      ObjectNode object = NODES.objectNode();
      node.properties()
          .forEach(member -> object.set(member.getKey(), normalized(member.getValue())));
      return object;
    }
    return node;
  }

  // ---- the syntax tree as text
  // -------------------------------------------------------------------

  private static void item(Item item, int indent, StringBuilder out) {
    switch (item) {
      case Attribute attribute -> {
        line(
            out,
            indent,
            "attribute " + attribute.name() + " " + span(attribute.at(), attribute.end()));
        expression(attribute.value(), indent + 1, out);
      }
      case Block block -> {
        StringBuilder head = new StringBuilder("block ").append(block.type());
        block.labels().forEach(label -> head.append(' ').append(quoted(label)));
        line(out, indent, head + " " + span(block.at(), block.end()));
        block.body().forEach(inner -> item(inner, indent + 1, out));
      }
    }
  }

  private static void expression(Expression expression, int indent, StringBuilder out) {
    String at = at(expression.at());
    switch (expression) {
      case Literal literal ->
          line(
              out,
              indent,
              literal.kind().name().toLowerCase(java.util.Locale.ROOT)
                  + (literal.text() == null
                      ? ""
                      : " "
                          + (literal.kind() == Literal.Kind.STRING
                              ? quoted(literal.text())
                              : literal.text()))
                  + " "
                  + at);
      case Template template -> {
        line(out, indent, "template" + (template.directive() ? " with directives " : " ") + at);
        template.parts().forEach(part -> expression(part, indent + 1, out));
      }
      case Tuple tuple -> {
        line(out, indent, "tuple " + span(tuple.at(), tuple.end()));
        tuple.elements().forEach(element -> expression(element, indent + 1, out));
      }
      case ObjectValue object -> {
        line(out, indent, "object " + span(object.at(), object.end()));
        for (Entry entry : object.entries()) {
          line(out, indent + 1, "entry ending " + at(entry.end()));
          expression(entry.key(), indent + 2, out);
          expression(entry.value(), indent + 2, out);
        }
      }
      case Traversal traversal -> {
        line(out, indent, "traversal " + traversal.root() + " " + at);
        steps(traversal.steps(), indent + 1, out);
      }
      case Access access -> {
        line(out, indent, "access " + at);
        expression(access.source(), indent + 1, out);
        steps(access.steps(), indent + 1, out);
      }
      case For loop -> {
        line(
            out,
            indent,
            (loop.key() == null ? "for tuple " : "for object ")
                + (loop.keyName() == null ? "" : loop.keyName() + ", ")
                + loop.valueName()
                + (loop.grouping() ? " grouping " : " ")
                + span(loop.at(), loop.end()));
        expression(loop.collection(), indent + 1, out);
        if (loop.key() != null) {
          expression(loop.key(), indent + 1, out);
        }
        expression(loop.value(), indent + 1, out);
        if (loop.condition() != null) {
          line(out, indent + 1, "if");
          expression(loop.condition(), indent + 2, out);
        }
      }
      case Call call -> {
        line(out, indent, "call " + call.function() + " " + at);
        call.arguments().forEach(argument -> expression(argument, indent + 1, out));
      }
      case Conditional conditional -> {
        line(out, indent, "conditional " + at);
        expression(conditional.condition(), indent + 1, out);
        expression(conditional.whenTrue(), indent + 1, out);
        expression(conditional.whenFalse(), indent + 1, out);
      }
      case Binary binary -> {
        line(out, indent, "binary " + binary.operator() + " " + at);
        expression(binary.left(), indent + 1, out);
        expression(binary.right(), indent + 1, out);
      }
      case Unary unary -> {
        line(out, indent, "unary " + unary.operator() + " " + at);
        expression(unary.operand(), indent + 1, out);
      }
    }
  }

  private static void steps(List<Step> steps, int indent, StringBuilder out) {
    for (Step step : steps) {
      if (step.splat() != null) {
        line(out, indent, step.splat() == Step.Splat.FULL ? "[*]" : ".*");
      } else if (step.name() != null) {
        line(out, indent, "." + step.name());
      } else {
        line(out, indent, "[index]");
        expression(step.index(), indent + 1, out);
      }
    }
  }

  private static void line(StringBuilder out, int indent, String text) {
    out.append("  ".repeat(indent)).append(text).append('\n');
  }

  private static String at(Position position) {
    return "@" + position.line() + ":" + position.column();
  }

  private static String span(Position start, Position end) {
    return at(start) + "-" + end.line() + ":" + end.column();
  }

  private static String quoted(String text) {
    return "\""
        + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t")
        + "\"";
  }
}
