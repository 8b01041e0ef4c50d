package dev.ecsguard.input;

import java.util.List;

/**
 * The syntax tree of HCL2's native syntax, as far as ecsguard needs it: every node knows the line
 * and column where it starts. Expressions ecsguard never evaluates (for expressions, splats) are
 * kept only as {@link Opaque} with their source text's first characters for messages.
 */
final class Hcl {
  private Hcl() {}

  /** A 1-based line and column. */
  record Position(int line, int column) {}

  /** A body item: an attribute or a block. */
  sealed interface Item permits Attribute, Block {
    Position at();
  }

  record Attribute(String name, Expression value, Position at) implements Item {}

  record Block(String type, List<String> labels, List<Item> body, Position at) implements Item {}

  /** An expression; {@code at} is where it starts. */
  sealed interface Expression
      permits Literal, Template, Tuple, ObjectValue, Traversal, Call, Conditional, Binary, Unary, Opaque {
    Position at();
  }

  /** A number, bool, null or plain string; {@code text} is null for null. */
  record Literal(Kind kind, String text, Position at) implements Expression {
    enum Kind {
      STRING,
      NUMBER,
      BOOL,
      NULL
    }
  }

  /**
   * A quoted string or heredoc with interpolations: parts are literal text ({@link Literal}) or
   * interpolated expressions; {@code directive} when it holds %{…} directives, which are not evaluated.
   */
  record Template(List<Expression> parts, boolean directive, Position at) implements Expression {}

  record Tuple(List<Expression> elements, Position at) implements Expression {}

  record ObjectValue(List<Entry> entries, Position at) implements Expression {}

  /** One {@code key = value} of an object; the key is an identifier (as a literal) or an expression. */
  record Entry(Expression key, Expression value) {}

  /** {@code var.x}, {@code local.y[0].z}, {@code aws_iam_role.task.arn}: a root name and steps. */
  record Traversal(String root, List<Step> steps, Position at) implements Expression {}

  /** A step of a traversal: {@code .name} ({@code index} null) or {@code [index]}. */
  record Step(String name, Expression index) {}

  record Call(String function, List<Expression> arguments, Position at) implements Expression {}

  record Conditional(Expression condition, Expression whenTrue, Expression whenFalse, Position at) implements Expression {}

  record Binary(String operator, Expression left, Expression right, Position at) implements Expression {}

  record Unary(String operator, Expression operand, Position at) implements Expression {}

  /** An expression ecsguard does not evaluate; {@code what} says which kind, for messages. */
  record Opaque(String what, Position at) implements Expression {}
}
