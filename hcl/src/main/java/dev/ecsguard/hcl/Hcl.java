package dev.ecsguard.hcl;

import java.util.List;
import java.util.NavigableMap;

/**
 * The syntax tree of HCL2's native syntax, as far as ecsguard needs it: every node knows the line
 * and column where it starts; attributes, blocks, object entries, objects and tuples also where
 * they end, so that {@code ecsguard fix} can edit the text. Read-only.
 */
public final class Hcl {
  private Hcl() {}

  /**
   * Parses a file's text ({@code file} names it in errors): its top-level attributes and blocks;
   * blocks and brackets nest at most {@code maxDepth} deep.
   */
  public static List<Item> parse(String file, String text, int maxDepth) throws HclException {
    return parseWithComments(file, text, maxDepth).items();
  }

  /** As {@link #parse}, with the file's comments. */
  public static Parsed parseWithComments(String file, String text, int maxDepth)
      throws HclException {
    return HclParser.parse(file, text, maxDepth);
  }

  /**
   * {@code text} as a template (a quoted string or heredoc) writes it so that it interpolates
   * nothing.
   */
  public static String templateSafe(CharSequence text) {
    return text.toString().replace("${", "$${").replace("%{", "%%{");
  }

  /**
   * Parses one expression (a -var value, say); null when the text is not exactly one expression.
   */
  public static Expression parseExpression(String text) {
    return HclParser.parseExpression(text);
  }

  /** A parsed file and its # and // comments by line (their text after the marker). */
  public record Parsed(List<Item> items, NavigableMap<Integer, String> comments) {}

  /** A 1-based line and column. */
  public record Position(int line, int column) {}

  /** A body item: an attribute or a block. */
  public sealed interface Item permits Attribute, Block {
    Position at();

    /** Just after its last character. */
    Position end();
  }

  public record Attribute(String name, Expression value, Position at, Position end)
      implements Item {}

  /** {@code end} is just after its closing brace. */
  public record Block(String type, List<String> labels, List<Item> body, Position at, Position end)
      implements Item {}

  /** An expression; {@code at} is where it starts. */
  public sealed interface Expression
      permits Literal,
          Template,
          Tuple,
          ObjectValue,
          Traversal,
          Call,
          Conditional,
          Binary,
          Unary,
          For,
          Access {
    Position at();
  }

  /** A number, bool, null or plain string; {@code text} is null for null. */
  public record Literal(Kind kind, String text, Position at) implements Expression {
    public enum Kind {
      STRING,
      NUMBER,
      BOOL,
      NULL
    }
  }

  /**
   * A quoted string or heredoc with interpolations: parts are literal text ({@link Literal}) or
   * interpolated expressions; {@code directive} when it holds %{…} directives, which are not
   * evaluated.
   */
  public record Template(List<Expression> parts, boolean directive, Position at)
      implements Expression {}

  /** {@code end} is just after its closing bracket. */
  public record Tuple(List<Expression> elements, Position at, Position end) implements Expression {}

  /** {@code end} is just after its closing brace. */
  public record ObjectValue(List<Entry> entries, Position at, Position end) implements Expression {}

  /**
   * One {@code key = value} of an object; the key is an identifier (as a literal) or an expression;
   * {@code end} is just after its value.
   */
  public record Entry(Expression key, Expression value, Position end) {}

  /** {@code var.x}, {@code local.y[0].z}, {@code aws_iam_role.task.arn}: a root name and steps. */
  public record Traversal(String root, List<Step> steps, Position at) implements Expression {}

  /**
   * A step of a traversal: {@code .name} ({@code index} null), {@code [index]}, or a splat ({@code
   * splat} not null, name and index null) that applies the steps after it to each element.
   */
  public record Step(String name, Expression index, Splat splat) {
    public Step(String name, Expression index) {
      this(name, index, null);
    }

    /**
     * {@code [*]} applies every step after it to each element; the legacy {@code .*} only the
     * attribute steps right after it.
     */
    public enum Splat {
      FULL,
      ATTRIBUTES
    }
  }

  /**
   * {@code f(a, b)}; {@code expandLast} when the last argument is written {@code list...}, to pass
   * its elements as the arguments.
   */
  public record Call(String function, List<Expression> arguments, boolean expandLast, Position at)
      implements Expression {
    public Call(String function, List<Expression> arguments, Position at) {
      this(function, arguments, false, at);
    }
  }

  public record Conditional(
      Expression condition, Expression whenTrue, Expression whenFalse, Position at)
      implements Expression {}

  public record Binary(String operator, Expression left, Expression right, Position at)
      implements Expression {}

  public record Unary(String operator, Expression operand, Position at) implements Expression {}

  /**
   * {@code [for k, v in collection : value if condition]} ({@code key} null), or {@code {for k, v
   * in collection : key => value... if condition}} ({@code grouping} with {@code ...}); {@code
   * keyName} is null when only the value is named, {@code condition} when there is no {@code if}.
   * {@code end} is just after its closing bracket.
   */
  public record For(
      String keyName,
      String valueName,
      Expression collection,
      Expression key,
      Expression value,
      boolean grouping,
      Expression condition,
      Position at,
      Position end)
      implements Expression {}

  /**
   * Steps after a term that is not a name: {@code f(x)[0]}, {@code [for …][*].a}, {@code (x).y}
   * (after a name, they are a {@link Traversal}'s).
   */
  public record Access(Expression source, List<Step> steps, Position at) implements Expression {}
}
