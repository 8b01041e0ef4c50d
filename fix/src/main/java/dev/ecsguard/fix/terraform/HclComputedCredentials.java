package dev.ecsguard.fix.terraform;

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
import dev.ecsguard.hcl.Hcl.Step;
import dev.ecsguard.hcl.Hcl.Template;
import dev.ecsguard.hcl.Hcl.Traversal;
import dev.ecsguard.hcl.Hcl.Tuple;
import dev.ecsguard.hcl.Hcl.Unary;
import dev.ecsguard.secrets.Credentials;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The values a .tf file computes under a credential's name ({@code lower("…")}, {@code "a${"b"}c"},
 * a template with directives): their evaluation differs from the text the diff shows, so each
 * string literal the source writes in them is collected, as an {@code environment} list that {@link
 * CredentialMask} reads — an environment entry's {@code name}/{@code value}, an object key (a
 * Docker label), a local, a variable's default.
 */
final class HclComputedCredentials {
  private final ArrayNode environment = JsonNodeFactory.instance.arrayNode();

  private HclComputedCredentials() {}

  /**
   * {@code {"environment": [{"name": NAME, "value": [the literals of its source]}, …]}} for {@code
   * items}.
   */
  static ObjectNode of(List<Item> items) {
    HclComputedCredentials found = new HclComputedCredentials();
    found.items(items);
    ObjectNode document = JsonNodeFactory.instance.objectNode();
    document.set("environment", found.environment);
    return document;
  }

  private void items(List<Item> items) {
    for (Item item : items) {
      if (item instanceof Attribute attribute) {
        named(attribute.name(), attribute.value());
        expression(attribute.value());
      } else if (item instanceof Block block) {
        if (block.type().equals("variable") && block.labels().size() == 1) {
          block.body().stream()
              .filter(entry -> entry instanceof Attribute a && a.name().equals("default"))
              .forEach(entry -> named(block.labels().get(0), ((Attribute) entry).value()));
        }
        items(block.body());
      }
    }
  }

  private void expression(Expression expression) {
    if (expression instanceof ObjectValue object) {
      Expression name = member(object, "name");
      Expression value = member(object, "value");
      if (name instanceof Literal literal
          && literal.kind() == Literal.Kind.STRING
          && value != null) {
        named(literal.text(), value);
      }
      for (Entry entry : object.entries()) {
        if (entry.key() instanceof Literal key && key.kind() == Literal.Kind.STRING) {
          named(key.text(), entry.value());
        }
      }
    }
    children(expression).forEach(this::expression);
  }

  /**
   * {@code value}, given under {@code name}: when the name makes it a credential and the source
   * computes it, its literals.
   */
  private void named(String name, Expression value) {
    if (Credentials.namesCredential(name) && !(value instanceof Literal)) {
      ArrayNode literals = JsonNodeFactory.instance.arrayNode();
      literals(value, literals);
      environment.addObject().put("name", name).set("value", literals);
    }
  }

  /**
   * Every string literal, and literal part of a template, that {@code expression}'s source writes.
   */
  private static void literals(Expression expression, ArrayNode into) {
    if (expression instanceof Literal literal && literal.kind() == Literal.Kind.STRING) {
      into.add(literal.text());
    }
    children(expression).forEach(child -> literals(child, into));
  }

  private static List<Expression> children(Expression expression) {
    return switch (expression) {
      case ObjectValue object ->
          object.entries().stream()
              .flatMap(entry -> Stream.of(entry.key(), entry.value()))
              .toList();
      case Tuple tuple -> tuple.elements();
      case Template template -> template.parts();
      case Call call -> call.arguments();
      case Conditional conditional ->
          List.of(conditional.condition(), conditional.whenTrue(), conditional.whenFalse());
      case Binary binary -> List.of(binary.left(), binary.right());
      case Unary unary -> List.of(unary.operand());
      case Traversal traversal ->
          traversal.steps().stream().map(Step::index).filter(Objects::nonNull).toList();
      case For loop ->
          Stream.of(loop.collection(), loop.key(), loop.value(), loop.condition())
              .filter(Objects::nonNull)
              .toList();
      case Access access ->
          Stream.concat(
                  Stream.of(access.source()),
                  access.steps().stream().map(Step::index).filter(Objects::nonNull))
              .toList();
      case Literal literal -> List.of();
    };
  }

  /**
   * The value of {@code object}'s member {@code key} written as an identifier or a plain string, or
   * null.
   */
  private static Expression member(ObjectValue object, String key) {
    for (Entry entry : object.entries()) {
      if (entry.key() instanceof Literal literal && key.equals(literal.text())) {
        return entry.value();
      }
    }
    return null;
  }
}
