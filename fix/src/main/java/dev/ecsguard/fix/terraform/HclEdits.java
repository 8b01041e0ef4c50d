package dev.ecsguard.fix.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsguard.hcl.Hcl;
import dev.ecsguard.hcl.Hcl.Position;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Text edits on one .tf file, made where the syntax tree says its items start and end, so that
 * everything else (comments, alignment, blank lines) stays as written; and HCL spellings of values.
 */
public final class HclEdits {
  // Hyphens are allowed in HCL identifiers, but a reader takes awslogs-group for a subtraction:
  // such keys are quoted.
  private static final String IDENTIFIER = "[A-Za-z_][A-Za-z0-9_]*";

  private record Edit(int start, int end, String replacement) {}

  private final String text;
  private final List<Integer> lineStarts = new ArrayList<>();
  private final List<Edit> edits = new ArrayList<>();

  HclEdits(String text) {
    this.text = text;
    lineStarts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lineStarts.add(i + 1);
      }
    }
  }

  /**
   * The text with every edit made; an edit that overlaps one made before it is dropped (the re-scan
   * shows what is left).
   */
  String apply() {
    List<Edit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end));
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (Edit edit : sorted) {
      if (edit.start() < at) {
        continue;
      }
      out.append(text, at, edit.start()).append(edit.replacement());
      at = edit.end();
    }
    return out.append(text.substring(at)).toString();
  }

  /** Replaces the text from {@code from} to just before {@code to}. */
  void replace(Position from, Position to, String replacement) {
    edits.add(new Edit(offset(from), offset(to), replacement));
  }

  /**
   * Removes an item or element with the comma after it; its lines too, when nothing else is on
   * them.
   */
  void remove(Position from, Position to) {
    int start = offset(from);
    int end = skipBlanks(offset(to));
    if (end < text.length() && text.charAt(end) == ',') {
      end = skipBlanks(end + 1);
    }
    int lineStart = text.lastIndexOf('\n', start - 1) + 1;
    int lineEnd = text.indexOf('\n', end);
    if (text.substring(lineStart, start).isBlank() && (lineEnd < 0 || end == lineEnd)) {
      edits.add(new Edit(lineStart, lineEnd < 0 ? text.length() : lineEnd + 1, ""));
    } else {
      edits.add(new Edit(start, end, ""));
    }
  }

  /**
   * Adds {@code item} (one or more lines) at the end of a block or object that ends just before
   * {@code end}, indented as its first item at {@code first} (null when it is empty). In an object
   * written on one line it joins the others after a comma.
   */
  void insertItem(Position opening, Position first, Position end, String item) {
    int close = offset(end) - 1;
    int closeLineStart = text.lastIndexOf('\n', close - 1) + 1;
    if (opening.line() == end.line()) {
      int last = lastNonBlank(close);
      String separator = first == null ? " " : text.charAt(last) == ',' ? " " : ", ";
      edits.add(new Edit(last + 1, close, separator + item + " "));
      return;
    }
    String indent = first != null ? " ".repeat(first.column() - 1) : indentation(opening) + "  ";
    String lines =
        (indent + item.replace("\n", "\n" + indent)).replaceAll("(?m)^[ \t]+$", "") + "\n";
    if (text.substring(closeLineStart, close).isBlank()) {
      edits.add(new Edit(closeLineStart, closeLineStart, lines));
    } else {
      edits.add(new Edit(close, close, "\n" + lines + indentation(opening)));
    }
  }

  /**
   * Appends {@code element} to the tuple from {@code opening} to just before {@code end}, in its
   * layout.
   */
  void append(Position opening, Position first, Position end, String element) {
    int close = offset(end) - 1;
    if (first == null) {
      edits.add(new Edit(offset(opening), close + 1, "[" + element + "]"));
      return;
    }
    int last = lastNonBlank(close);
    boolean trailingComma = text.charAt(last) == ',';
    if (opening.line() == end.line()) {
      edits.add(new Edit(last + 1, last + 1, (trailingComma ? " " : ", ") + element));
    } else {
      String indent = " ".repeat(first.column() - 1);
      edits.add(
          new Edit(
              last + 1,
              last + 1,
              (trailingComma ? "" : ",") + "\n" + indent + element + (trailingComma ? "," : "")));
    }
  }

  /** The blanks a line starts with. */
  String indentation(Position at) {
    int start = lineStarts.get(at.line() - 1);
    int end = start;
    while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
      end++;
    }
    return text.substring(start, end);
  }

  /**
   * The blanks that every non-blank line {@code from} to {@code to} (inclusive) starts with, as a
   * heredoc's <<- removes them.
   */
  String commonIndentation(int from, int to) {
    String common = null;
    for (int line = from; line <= to; line++) {
      String indentation = indentation(new Position(line, 1));
      int end = line < lineStarts.size() ? lineStarts.get(line) : text.length();
      if (text.substring(lineStarts.get(line - 1), end).isBlank()) {
        continue;
      }
      common = common == null || indentation.length() < common.length() ? indentation : common;
    }
    return common == null ? "" : common;
  }

  /** How many edits there are, to undo those made after with {@link #truncate}. */
  int size() {
    return edits.size();
  }

  void truncate(int size) {
    edits.subList(size, edits.size()).clear();
  }

  /** Replaces whole lines {@code from} to {@code to}, inclusive. */
  void replaceLines(int from, int to, String replacement) {
    int end = to < lineStarts.size() ? lineStarts.get(to) : text.length();
    edits.add(new Edit(lineStarts.get(from - 1), end, replacement));
  }

  /** Whether the text at {@code at} starts with {@code prefix}. */
  boolean startsWith(Position at, String prefix) {
    return text.startsWith(prefix, offset(at));
  }

  private int offset(Position at) {
    return lineStarts.get(at.line() - 1) + at.column() - 1;
  }

  private int skipBlanks(int at) {
    while (at < text.length()
        && (text.charAt(at) == ' ' || text.charAt(at) == '\t' || text.charAt(at) == '\r')) {
      at++;
    }
    return at;
  }

  private int lastNonBlank(int before) {
    int at = before - 1;
    while (at > 0 && Character.isWhitespace(text.charAt(at))) {
      at--;
    }
    return at;
  }

  // ---- values in HCL's syntax ------------------------------------------------------------------

  /** {@code value} as HCL writes it: objects on one line, {@code key = value}. */
  static String hcl(JsonNode value) {
    if (value.isTextual()) {
      return quote(value.asText());
    }
    if (value.isArray()) {
      List<String> elements = new ArrayList<>();
      value.forEach(element -> elements.add(hcl(element)));
      return "[" + String.join(", ", elements) + "]";
    }
    if (value.isObject()) {
      List<String> members = new ArrayList<>();
      for (Map.Entry<String, JsonNode> member : value.properties()) {
        members.add(key(member.getKey()) + " = " + hcl(member.getValue()));
      }
      return members.isEmpty() ? "{}" : "{ " + String.join(", ", members) + " }";
    }
    return value.toString(); // numbers, true, false, null
  }

  static String key(String name) {
    return name.matches(IDENTIFIER) ? name : quote(name);
  }

  /** A quoted HCL string: JSON's escapes, and ${ and %{ kept literal. */
  static String quote(String text) {
    return "\""
        + Hcl.templateSafe(
            new String(
                com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(text)))
        + "\"";
  }
}
