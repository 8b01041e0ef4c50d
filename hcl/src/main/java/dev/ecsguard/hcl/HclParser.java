package dev.ecsguard.hcl;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A recursive-descent parser for HCL2's native syntax (the language of .tf files), keeping
 * positions. Written here because neither Java HCL library fits: hcl4j exposes no positions,
 * accepts malformed files silently and slows down quadratically; rewrite-hcl keeps no positions
 * either and brings 33 jars (JGit, JNA among them). Linear in the input; nesting is bounded.
 */
final class HclParser {
  private static final String[][] PRECEDENCE = {
    {"||"}, {"&&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"+", "-"}, {"*", "/", "%"}
  };

  private final String file; // named in errors
  private final String text;
  private final int lineOffset;
  private final int maxDepth;
  private int pos;
  private int line;
  private int lineStart;
  private int depth; // inside brackets, where newlines are only white space
  private int blocks; // inside blocks, where newlines end attributes
  private final java.util.NavigableMap<Integer, String> comments = new java.util.TreeMap<>();
  // Where the text before the last run of blanks and comments ended: an expression's end, for the
  // fix's edits.
  private Position tokenEnd = new Position(1, 1);
  private int skippedTo = -1;

  private HclParser(String file, String text, int lineOffset, int maxDepth) {
    this.file = file;
    this.text = text;
    this.lineOffset = lineOffset;
    this.maxDepth = maxDepth;
    this.line = 1;
  }

  /**
   * A parsed file: its top-level attributes and blocks, and its # and // comments by line (their
   * text after the marker).
   */
  static Hcl.Parsed parse(String file, String text, int maxDepth) throws HclException {
    HclParser parser = new HclParser(file, text, 0, maxDepth);
    List<Item> items = parser.body(false);
    return new Hcl.Parsed(items, parser.comments);
  }

  /**
   * Parses one expression (a -var value, say); null when the text is not exactly one expression.
   */
  static Expression parseExpression(String text) {
    HclParser parser = new HclParser("", text, 0, 64);
    try {
      parser.depth = 1;
      Expression expression = parser.expression();
      parser.skipSpace();
      return parser.atEnd() ? expression : null;
    } catch (HclException e) {
      return null;
    }
  }

  /** Parses the text of a template file (templatefile()); null when it is not a valid template. */
  static Expression parseTemplate(String text) {
    try {
      return new HclParser("", text, 0, 64).heredocTemplate(new Position(1, 1));
    } catch (HclException e) {
      return null;
    }
  }

  // ---- bodies ----------------------------------------------------------------------------------

  private List<Item> body(boolean nested) throws HclException {
    List<Item> items = new ArrayList<>();
    Map<String, Position> attributes = new HashMap<>(); // HCL refuses an argument set twice
    while (true) {
      skipSpaceAndNewlines();
      if (atEnd()) {
        if (nested) {
          throw error("a block is not closed: } expected before the end of the file");
        }
        return items;
      }
      if (nested && peek() == '}') {
        return items;
      }
      Position at = position();
      String name = identifierOrFail("an attribute or block name");
      skipSpace();
      if (peek() == '=' && peek(1) != '=') {
        Position first = attributes.putIfAbsent(name, at);
        if (first != null) {
          throw new HclException(
              file,
              at.line(),
              at.column(),
              "the argument "
                  + name
                  + " is already set on line "
                  + first.line()
                  + "; each argument may be set only once");
        }
        pos++;
        Expression value = expression();
        items.add(new Attribute(name, value, at, lastTokenEnd()));
        endOfItem(nested);
        continue;
      }
      List<String> labels = new ArrayList<>();
      while (peek() == '"' || isIdentifierStart(peek())) {
        labels.add(peek() == '"' ? quotedLabel() : identifier());
        skipSpace();
      }
      expect('{', "{ or = after " + name);
      if (++blocks > maxDepth) {
        throw error("refused: blocks nested too deeply (over " + maxDepth + " levels)");
      }
      List<Item> inner = body(true);
      expect('}', "}");
      blocks--;
      items.add(new Block(name, labels, inner, at, position()));
      endOfItem(nested);
    }
  }

  /** After an attribute or block: a newline, the end of the file, or the } of a one-line block. */
  private void endOfItem(boolean nested) throws HclException {
    skipSpace();
    if (atEnd() || peek() == '\n' || (nested && peek() == '}')) {
      return;
    }
    throw error("unexpected text after the value: a newline was expected");
  }

  private String quotedLabel() throws HclException {
    Expression label = quotedTemplate();
    if (label instanceof Literal literal) {
      return literal.text();
    }
    throw error("a block label must be a plain string");
  }

  // ---- expressions -----------------------------------------------------------------------------

  private Expression expression() throws HclException {
    Expression condition = binary(0);
    skipSpace();
    if (peek() == '?') {
      pos++;
      Expression whenTrue = expression();
      skipSpace();
      expect(':', ": of a conditional");
      Expression whenFalse = expression();
      return new Conditional(condition, whenTrue, whenFalse, condition.at());
    }
    return condition;
  }

  private Expression binary(int level) throws HclException {
    if (level == PRECEDENCE.length) {
      return unary();
    }
    Expression left = binary(level + 1);
    while (true) {
      skipSpace();
      String operator = operatorAt(PRECEDENCE[level]);
      if (operator == null) {
        return left;
      }
      pos += operator.length();
      Expression right = binary(level + 1);
      left = new Binary(operator, left, right, left.at());
    }
  }

  private String operatorAt(String[] operators) {
    for (String operator : operators) {
      if (text.startsWith(operator, pos)) {
        // "=" after < or > makes <= and >=; a lone = or => is no operator here
        if ((operator.equals("<") || operator.equals(">")) && peek(1) == '=') {
          continue;
        }
        return operator;
      }
    }
    return null;
  }

  private Expression unary() throws HclException {
    skipSpace();
    Position at = position();
    if (peek() == '-' || peek() == '!') {
      String operator = String.valueOf(text.charAt(pos++));
      return new Unary(operator, unary(), at);
    }
    return postfix(term());
  }

  /** Attribute access, indexes and splats after a term. */
  private Expression postfix(Expression term) throws HclException {
    List<Step> steps =
        term instanceof Traversal traversal
            ? new ArrayList<>(traversal.steps())
            : new ArrayList<>();
    int written = steps.size();
    while (true) {
      int mark = pos;
      int markLine = line;
      int markLineStart = lineStart;
      skipSpace();
      if (peek() == '.' && peek(1) != '.') {
        pos++;
        if (peek() == '*') {
          pos++;
          steps.add(new Step(null, null, Step.Splat.ATTRIBUTES));
        } else if (Character.isDigit(peek())) {
          steps.add(new Step(null, new Literal(Literal.Kind.NUMBER, number(), term.at())));
        } else {
          steps.add(new Step(identifierOrFail("an attribute name after ."), null));
        }
      } else if (peek() == '[') {
        pos++;
        enter();
        skipSpace();
        if (peek() == '*') {
          pos++;
          steps.add(new Step(null, null, Step.Splat.FULL));
        } else {
          steps.add(new Step(null, expression()));
        }
        skipSpace();
        expect(']', "]");
        depth--;
      } else {
        pos = mark; // what follows belongs to the caller (a newline may end the attribute)
        line = markLine;
        lineStart = markLineStart;
        break;
      }
    }
    if (term instanceof Traversal traversal) {
      return new Traversal(traversal.root(), steps, term.at());
    }
    return steps.size() == written ? term : new Access(term, steps, term.at());
  }

  private Expression term() throws HclException {
    skipSpace();
    Position at = position();
    char c = peek();
    if (Character.isDigit(c)) {
      return new Literal(Literal.Kind.NUMBER, number(), at);
    }
    if (c == '"') {
      return quotedTemplate();
    }
    if (c == '<' && peek(1) == '<') {
      return heredoc();
    }
    if (c == '[') {
      return tupleOrFor(at);
    }
    if (c == '{') {
      return objectOrFor(at);
    }
    if (c == '(') {
      pos++;
      enter();
      Expression inner = expression();
      skipSpace();
      expect(')', ")");
      depth--;
      return inner;
    }
    if (isIdentifierStart(c)) {
      String name = identifier();
      switch (name) {
        case "true", "false" -> {
          return new Literal(Literal.Kind.BOOL, name, at);
        }
        case "null" -> {
          return new Literal(Literal.Kind.NULL, null, at);
        }
        default -> {}
      }
      int mark = pos;
      skipSpace();
      if (peek() == '(') {
        return call(name, at);
      }
      pos = mark;
      return new Traversal(name, List.of(), at);
    }
    throw error(
        atEnd()
            ? "an expression was expected before the end of the file"
            : "an expression was expected");
  }

  private Expression call(String function, Position at) throws HclException {
    expect('(', "(");
    enter();
    List<Expression> arguments = new ArrayList<>();
    boolean expandLast = false;
    skipSpace();
    while (peek() != ')') {
      if (expandLast) {
        throw error("... expands only the last argument of " + function);
      }
      arguments.add(expression());
      skipSpace();
      if (text.startsWith("...", pos)) {
        pos += 3;
        expandLast = true;
        skipSpace();
      }
      if (peek() == ',') {
        pos++;
        skipSpace();
      } else if (peek() != ')') {
        throw error(", or ) expected in the arguments of " + function);
      }
    }
    pos++;
    depth--;
    return new Call(function, arguments, expandLast, at);
  }

  /** After an opening [ or {: true when a for expression follows. */
  private boolean forExpressionFollows() throws HclException {
    pos++;
    enter();
    skipSpace();
    return startsWithWord("for");
  }

  /**
   * {@code for k, v in collection : [key =>] value[...] [if condition]} up to {@code close}; {@code
   * object} for the {@code {…}} form.
   */
  private Expression forExpression(Position at, boolean object) throws HclException {
    pos += "for".length();
    skipSpace();
    String keyName = null;
    String valueName = identifierOrFail("a name after for");
    skipSpace();
    if (peek() == ',') {
      pos++;
      skipSpace();
      keyName = valueName;
      valueName = identifierOrFail("a second name after for");
      skipSpace();
    }
    if (!startsWithWord("in")) {
      throw error("in expected in a for expression");
    }
    pos += "in".length();
    Expression collection = expression();
    skipSpace();
    expect(':', ": after the collection of a for expression");
    Expression key = null;
    Expression value = expression();
    boolean grouping = false;
    skipSpace();
    if (object) {
      if (!text.startsWith("=>", pos)) {
        throw error("=> expected in a for expression that builds an object");
      }
      pos += 2;
      key = value;
      value = expression();
      skipSpace();
      if (text.startsWith("...", pos)) {
        pos += 3;
        grouping = true;
        skipSpace();
      }
    }
    Expression condition = null;
    if (startsWithWord("if")) {
      pos += "if".length();
      condition = expression();
      skipSpace();
    }
    char close = object ? '}' : ']';
    expect(close, close + " to close a for expression");
    depth--;
    return new For(keyName, valueName, collection, key, value, grouping, condition, at, position());
  }

  private Expression tupleOrFor(Position at) throws HclException {
    if (forExpressionFollows()) {
      return forExpression(at, false);
    }
    List<Expression> elements = new ArrayList<>();
    while (peek() != ']') {
      elements.add(expression());
      skipSpace();
      if (peek() == ',') {
        pos++;
        skipSpace();
      } else if (peek() != ']') {
        throw error(", or ] expected in a list");
      }
    }
    pos++;
    depth--;
    return new Tuple(elements, at, position());
  }

  private Expression objectOrFor(Position at) throws HclException {
    if (forExpressionFollows()) {
      return forExpression(at, true);
    }
    List<Entry> entries = new ArrayList<>();
    while (peek() != '}') {
      Expression key;
      if (isIdentifierStart(peek())) {
        Position keyAt = position();
        key = new Literal(Literal.Kind.STRING, identifier(), keyAt);
      } else {
        key = expression();
      }
      skipSpace();
      if (peek() != '=' && peek() != ':') {
        throw error("= or : expected after an object key");
      }
      pos++;
      Expression value = expression();
      entries.add(new Entry(key, value, lastTokenEnd()));
      skipSpace();
      if (peek() == ',') {
        pos++;
        skipSpace();
      }
      if (atEnd()) {
        throw error("} expected to close an object");
      }
    }
    pos++;
    depth--;
    return new ObjectValue(entries, at, position());
  }

  // ---- templates -------------------------------------------------------------------------------

  private Expression quotedTemplate() throws HclException {
    Position at = position();
    pos++; // the opening quote
    TemplateParts template = new TemplateParts(position());
    while (true) {
      if (atEnd() || peek() == '\n') {
        throw error("a string is not closed: \" expected before the end of the line");
      }
      char c = peek();
      if (c == '"') {
        pos++;
        break;
      }
      if (c == '\\') {
        template.literal.append(escape());
      } else if (!templateMarkup(template)) {
        template.literal.append(c);
        pos++;
      }
    }
    return template.finish(at);
  }

  /**
   * The parts of a template as they are read: literal text, interpolations, and whether it has
   * directives.
   */
  private static final class TemplateParts {
    final List<Expression> parts = new ArrayList<>();
    final StringBuilder literal = new StringBuilder();
    Position literalAt;
    boolean directive;

    TemplateParts(Position start) {
      literalAt = start;
    }

    void flush() {
      if (literal.length() > 0) {
        parts.add(new Literal(Literal.Kind.STRING, literal.toString(), literalAt));
        literal.setLength(0);
      }
    }

    Expression finish(Position at) {
      flush();
      if (!directive && parts.isEmpty()) {
        return new Literal(Literal.Kind.STRING, "", at);
      }
      if (!directive && parts.size() == 1 && parts.get(0) instanceof Literal literal) {
        return new Literal(Literal.Kind.STRING, literal.text(), at);
      }
      return new Template(parts, directive, at);
    }
  }

  /** Reads ${…}, %{…}, $${ or %%{ at the current position; false when none starts here. */
  private boolean templateMarkup(TemplateParts template) throws HclException {
    char c = peek();
    if ((c == '$' || c == '%') && peek(1) == c && peek(2) == '{') {
      template.literal.append(c).append('{'); // $${ and %%{ are the literal text ${ and %{
      pos += 3;
    } else if (c == '$' && peek(1) == '{') {
      template.flush();
      template.parts.add(interpolation());
      template.literalAt = position();
    } else if (c == '%' && peek(1) == '{') {
      template.flush(); // the text on either side of a directive is written apart: each part as the
      // source spells it
      template.directive = true;
      skipDirective();
      template.literalAt = position();
    } else {
      return false;
    }
    return true;
  }

  private Expression interpolation() throws HclException {
    pos += 2; // ${
    enter();
    if (peek() == '~') {
      pos++;
    }
    Expression inner = expression();
    skipSpace();
    if (peek() == '~') {
      pos++;
    }
    expect('}', "} to close ${");
    depth--;
    return inner;
  }

  private void skipDirective() throws HclException {
    pos += 2;
    while (!atEnd() && peek() != '}') {
      if (peek() == '"') {
        quotedTemplate();
      } else {
        advance();
      }
    }
    expect('}', "} to close %{");
  }

  private String escape() throws HclException {
    Position at = position();
    pos++;
    char c = peek();
    pos++;
    return switch (c) {
      case 'n' -> "\n";
      case 'r' -> "\r";
      case 't' -> "\t";
      case '"' -> "\"";
      case '\\' -> "\\";
      case 'u', 'U' -> {
        int digits = c == 'u' ? 4 : 8;
        if (pos + digits > text.length()) {
          throw new HclException(
              file,
              at.line(),
              at.column(),
              "a \\" + c + " escape needs " + digits + " hexadecimal digits");
        }
        try {
          int codePoint = Integer.parseInt(text.substring(pos, pos + digits), 16);
          pos += digits;
          yield new String(Character.toChars(codePoint));
        } catch (IllegalArgumentException e) {
          throw new HclException(
              file,
              at.line(),
              at.column(),
              "a \\" + c + " escape needs " + digits + " hexadecimal digits");
        }
      }
      default ->
          throw new HclException(
              file, at.line(), at.column(), "an unknown escape sequence in a string");
    };
  }

  /**
   * {@code <<EOT} or {@code <<-EOT} (indentation removed), up to a line holding only the marker;
   * its text is a template like a quoted string's.
   */
  private Expression heredoc() throws HclException {
    Position at = position();
    pos += 2;
    boolean indented = peek() == '-';
    if (indented) {
      pos++;
    }
    String marker = identifierOrFail("a heredoc marker after <<");
    while (!atEnd() && peek() != '\n') {
      if (!Character.isWhitespace(peek())) {
        throw error("a heredoc marker must end its line");
      }
      pos++;
    }
    advance(); // the newline
    int firstLine = line;
    List<String> lines = new ArrayList<>();
    while (true) {
      if (atEnd()) {
        throw new HclException(
            file,
            at.line(),
            at.column(),
            "a heredoc is not closed: no line holding only " + marker);
      }
      int end = text.indexOf('\n', pos);
      String content = text.substring(pos, end < 0 ? text.length() : end);
      String stripped =
          content.endsWith("\r") ? content.substring(0, content.length() - 1) : content;
      pos = end < 0 ? text.length() : end;
      if (stripped.strip().equals(marker)) {
        break;
      }
      lines.add(stripped);
      if (end >= 0) {
        advance();
      }
    }
    int indent =
        indented
            ? lines.stream()
                .filter(l -> !l.isBlank())
                .mapToInt(HclParser::leadingSpaces)
                .min()
                .orElse(0)
            : 0;
    StringBuilder body = new StringBuilder();
    for (String content : lines) {
      body.append(content.length() >= indent ? content.substring(indent) : content.strip())
          .append('\n');
    }
    HclParser inner =
        new HclParser(file, body.toString(), lineOffset + firstLine - 1, maxDepth - depth);
    return inner.heredocTemplate(at);
  }

  private static int leadingSpaces(String line) {
    int n = 0;
    while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
      n++;
    }
    return n;
  }

  /** The whole text of this (heredoc) parser as a template. */
  private Expression heredocTemplate(Position at) throws HclException {
    TemplateParts template = new TemplateParts(position());
    while (!atEnd()) {
      if (!templateMarkup(template)) {
        template.literal.append(peek());
        advance();
      }
    }
    return template.finish(at);
  }

  // ---- lexical helpers -------------------------------------------------------------------------

  private String number() {
    int start = pos;
    while (Character.isDigit(peek())) {
      pos++;
    }
    if (peek() == '.' && Character.isDigit(peek(1))) {
      pos++;
      while (Character.isDigit(peek())) {
        pos++;
      }
    }
    if ((peek() == 'e' || peek() == 'E')
        && (Character.isDigit(peek(1))
            || ((peek(1) == '+' || peek(1) == '-') && Character.isDigit(peek(2))))) {
      pos += 2;
      while (Character.isDigit(peek())) {
        pos++;
      }
    }
    return text.substring(start, pos);
  }

  private static boolean isIdentifierStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private String identifier() {
    int start = pos;
    while (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '-') {
      pos++;
    }
    return text.substring(start, pos);
  }

  private String identifierOrFail(String what) throws HclException {
    if (!isIdentifierStart(peek())) {
      throw error(what + " was expected");
    }
    return identifier();
  }

  private boolean startsWithWord(String word) {
    return text.startsWith(word, pos)
        && !Character.isLetterOrDigit(peek(word.length()))
        && peek(word.length()) != '_';
  }

  private void enter() throws HclException {
    if (++depth > maxDepth) {
      throw error("refused: nested too deeply (over " + maxDepth + " levels)");
    }
  }

  private void expect(char c, String what) throws HclException {
    if (peek() != c) {
      throw error(what + " expected");
    }
    pos++;
  }

  /** Skips blanks and comments; newlines too inside brackets. */
  private void skipSpace() throws HclException {
    skip(depth > 0);
  }

  private void skipSpaceAndNewlines() throws HclException {
    skip(true);
  }

  private void skip(boolean newlines) throws HclException {
    if (pos != skippedTo) {
      tokenEnd = position();
    }
    skipBlanks(newlines);
    skippedTo = pos;
  }

  /** Just after the last token read: blanks and comments skipped after it are not part of it. */
  private Position lastTokenEnd() {
    return pos == skippedTo ? tokenEnd : position();
  }

  private void skipBlanks(boolean newlines) throws HclException {
    while (!atEnd()) {
      char c = peek();
      if (c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF') {
        pos++;
      } else if (c == '\n' && newlines) {
        advance();
      } else if (c == '#' || (c == '/' && peek(1) == '/')) {
        int start = pos + (c == '#' ? 1 : 2);
        while (!atEnd() && peek() != '\n') {
          pos++;
        }
        comments.put(lineOffset + line, text.substring(start, pos));
      } else if (c == '/' && peek(1) == '*') {
        Position at = position();
        pos += 2;
        while (!(peek() == '*' && peek(1) == '/')) {
          if (atEnd()) {
            throw new HclException(file, at.line(), at.column(), "a /* comment is not closed");
          }
          advance();
        }
        pos += 2;
      } else {
        return;
      }
    }
  }

  private void advance() {
    if (text.charAt(pos) == '\n') {
      line++;
      lineStart = pos + 1;
    }
    pos++;
  }

  private boolean atEnd() {
    return pos >= text.length();
  }

  private char peek() {
    return peek(0);
  }

  private char peek(int ahead) {
    return pos + ahead < text.length() ? text.charAt(pos + ahead) : '\0';
  }

  private Position position() {
    return new Position(lineOffset + line, pos - lineStart + 1);
  }

  private HclException error(String message) {
    Position at = position();
    return new HclException(file, at.line(), at.column(), message);
  }
}
