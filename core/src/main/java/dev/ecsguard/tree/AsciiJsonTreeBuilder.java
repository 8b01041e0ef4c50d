package dev.ecsguard.tree;

import com.fasterxml.jackson.core.StreamReadConstraints;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds the tree of a JSON document of ASCII bytes straight from the bytes, for speed: Jackson's
 * tokens, and its copy of every string through a char buffer, were half of a scan's time. It takes
 * plain well-formed JSON only, an object or array at the root, within Jackson's limits; at anything
 * else (a syntax error, a byte that is not ASCII, a control character in a string, a limit near) it
 * gives up, and Jackson reads the document as before, with its exact errors. So it decides no
 * outcome: its trees are Jackson's (AsciiJsonTreeBuilderTest compares them), only built sooner.
 */
final class AsciiJsonTreeBuilder {
  /**
   * Thrown to give the document to Jackson; one instance, without a stack trace: it is no error.
   */
  private static final class GiveUp extends RuntimeException {
    private static final GiveUp INSTANCE = new GiveUp();

    private GiveUp() {
      super(null, null, false, false);
    }
  }

  private final byte[] in;
  private final Document document;
  private final StreamReadConstraints limits;
  private final Names names;
  private int at;
  private int line = 1;
  private int lineStart; // where the current line begins: columns count from there

  private AsciiJsonTreeBuilder(
      byte[] in, Document document, StreamReadConstraints limits, Names names) {
    this.in = in;
    this.document = document;
    this.limits = limits;
    this.names = names;
  }

  /** The document named {@code name}, or null when Jackson must read it. */
  static Document build(byte[] in, String name, StreamReadConstraints limits, Names names) {
    if (limits.hasMaxDocumentLength() || limits.hasMaxTokenCount()) {
      return null; // limits this builder does not count
    }
    Document document = new Document(name, null);
    try {
      new AsciiJsonTreeBuilder(in, document, limits, names).build();
      return document;
    } catch (GiveUp | ArrayIndexOutOfBoundsException giveUp) {
      // Reading past the last byte is how the input's end is met in the middle of a value (no
      // bounds test on every byte): truncated JSON, which Jackson words.
      return null;
    }
  }

  /** Walks the document without recursion: {@code open} is the innermost object or array. */
  private void build() {
    skipWhitespace();
    if (in[at] != '{' && in[at] != '[') {
      throw GiveUp.INSTANCE; // an empty file or a root scalar: rare, and Jackson's to word
    }
    Node open = value(null, null);
    int depth = 1;
    boolean first = true; // just after the opening bracket: the container may close at once
    while (open != null) {
      skipWhitespace();
      Node closed = null;
      if (first && in[at] == (open instanceof ObjectNode ? '}' : ']')) {
        at++;
        closed = open;
      } else {
        String key = null;
        if (open instanceof ObjectNode) {
          expect('"');
          key = name();
          skipWhitespace();
          expect(':');
          skipWhitespace();
        }
        Node node = value(open, key);
        if (!(node instanceof ScalarNode)) {
          if (++depth >= limits.getMaxNestingDepth()) {
            throw GiveUp.INSTANCE; // Jackson refuses, in its words
          }
          open = node;
          first = true;
          continue;
        }
      }
      // After a value: a comma, or the end of one or more containers.
      while (true) {
        if (closed == null) {
          skipWhitespace();
          byte next = in[at++];
          if (next == ',') {
            first = false;
            break;
          }
          if (next != (open instanceof ObjectNode ? '}' : ']')) {
            throw GiveUp.INSTANCE;
          }
          closed = open;
        }
        open = closed.parent();
        depth--;
        closed = null;
        if (open == null) {
          break;
        }
      }
    }
    skipWhitespace();
    if (at < in.length) {
      throw GiveUp.INSTANCE; // more than one value, or garbage after the first
    }
  }

  /** The value that starts at {@link #at}, attached to {@code parent}. */
  private Node value(Node parent, String key) {
    int column = at - lineStart + 1;
    int index = parent instanceof ArrayNode array ? array.size() : -1;
    Node node =
        switch (in[at]) {
          case '{' -> {
            at++;
            yield new ObjectNode(document, parent, key, index, line, column);
          }
          case '[' -> {
            at++;
            yield new ArrayNode(document, parent, key, index, line, column);
          }
          case '"' -> {
            int from = at + 1;
            String unescaped = string(limits.getMaxStringLength());
            yield unescaped != null
                ? new ScalarNode(
                    document, parent, key, index, line, column, ScalarNode.Type.STRING, unescaped)
                : new ScalarNode(
                    document,
                    parent,
                    key,
                    index,
                    line,
                    column,
                    ScalarNode.Type.STRING,
                    in,
                    from,
                    at - 1);
          }
          case 't' -> literal(parent, key, index, column, "true", ScalarNode.Type.BOOLEAN);
          case 'f' -> literal(parent, key, index, column, "false", ScalarNode.Type.BOOLEAN);
          case 'n' -> literal(parent, key, index, column, "null", ScalarNode.Type.NULL);
          default -> {
            int from = at;
            number();
            yield new ScalarNode(
                document, parent, key, index, line, column, ScalarNode.Type.NUMBER, in, from, at);
          }
        };
    DocumentReader.attach(document, parent, node, key);
    return node;
  }

  private ScalarNode literal(
      Node parent, String key, int index, int column, String word, ScalarNode.Type type) {
    for (int i = 0; i < word.length(); i++) {
      if (in[at + i] != word.charAt(i)) {
        throw GiveUp.INSTANCE;
      }
    }
    at += word.length();
    return new ScalarNode(
        document,
        parent,
        key,
        index,
        line,
        column,
        type,
        type == ScalarNode.Type.NULL ? null : word);
  }

  /** A member's name: names repeat from document to document, so each is made once. */
  private String name() {
    int start = at;
    for (byte b = in[at]; b != '"'; b = in[++at]) {
      if (b < 0x20 || b == '\\' || at - start >= limits.getMaxNameLength()) {
        at = start - 1;
        String unescaped = string(limits.getMaxNameLength()); // escaped (or refused): not kept
        return unescaped != null
            ? unescaped
            : new String(in, start, at - 1 - start, StandardCharsets.ISO_8859_1);
      }
    }
    return names.name(in, start, at++);
  }

  /**
   * Reads the string whose opening quote is at {@link #at}: null when its text is the bytes between
   * the quotes, as most are; else its text, escapes decoded.
   */
  private String string(int maxLength) {
    int start = ++at;
    byte b;
    while ((b = in[at]) != '"') {
      if (b < 0x20) {
        throw GiveUp.INSTANCE; // a control character or a byte that is not ASCII
      }
      if (b == '\\') {
        return escaped(start, maxLength);
      }
      at++;
    }
    if (at++ - start >= maxLength) {
      throw GiveUp.INSTANCE;
    }
    return null;
  }

  /** The rest of a string that holds an escape, from {@code start} (its first character). */
  private String escaped(int start, int maxLength) {
    StringBuilder text = new StringBuilder(at - start + 16);
    text.append(new String(in, start, at - start, StandardCharsets.ISO_8859_1));
    byte b;
    while ((b = in[at++]) != '"') {
      if (b < 0x20 || text.length() >= maxLength) {
        throw GiveUp.INSTANCE;
      }
      if (b != '\\') {
        text.append((char) b);
        continue;
      }
      byte escape = in[at++];
      switch (escape) {
        case '"', '\\', '/' -> text.append((char) escape);
        case 'b' -> text.append('\b');
        case 'f' -> text.append('\f');
        case 'n' -> text.append('\n');
        case 'r' -> text.append('\r');
        case 't' -> text.append('\t');
        case 'u' -> {
          int code = 0;
          for (int i = 0; i < 4; i++) {
            int digit = Character.digit(in[at++], 16);
            if (digit < 0) {
              throw GiveUp.INSTANCE;
            }
            code = code * 16 + digit;
          }
          text.append((char) code); // as Jackson: each escape one char, surrogates as written
        }
        default -> throw GiveUp.INSTANCE;
      }
    }
    if (text.length() >= maxLength) {
      throw GiveUp.INSTANCE;
    }
    return text.toString();
  }

  /** Reads a number as JSON writes one (no leading zero, no lone dot). */
  private void number() {
    int start = at;
    if (in[at] == '-') {
      at++;
    }
    if (in[at] == '0') {
      at++;
    } else {
      digits();
    }
    if (in[at] == '.') {
      at++;
      digits();
    }
    if (in[at] == 'e' || in[at] == 'E') {
      at++;
      if (in[at] == '+' || in[at] == '-') {
        at++;
      }
      digits();
    }
    if (at - start >= limits.getMaxNumberLength()) {
      throw GiveUp.INSTANCE;
    }
  }

  /** One or more digits. */
  private void digits() {
    int start = at;
    while (in[at] >= '0' && in[at] <= '9') {
      at++;
    }
    if (at == start) {
      throw GiveUp.INSTANCE;
    }
  }

  private void expect(char c) {
    if (in[at++] != c) {
      throw GiveUp.INSTANCE;
    }
  }

  /** Skips JSON's whitespace, counting lines as Jackson does (\n, \r, \r\n). */
  private void skipWhitespace() {
    for (; at < in.length; at++) {
      byte b = in[at];
      if (b == '\n' || b == '\r') {
        if (b == '\r' && at + 1 < in.length && in[at + 1] == '\n') {
          at++;
        }
        line++;
        lineStart = at + 1;
      } else if (b != ' ' && b != '\t') {
        return;
      }
    }
  }

  /**
   * Member names seen before, by their bytes: a name is made into a String once, and the same
   * instance is shared by every document a reader reads. A fixed table, each slot overwritten by a
   * newer name of the same hash, so that a document of many distinct names cannot grow it. Read and
   * written without locks by any thread: a slot holds a whole {@code Name} (final fields) or
   * another one, either being right to find or to miss.
   */
  static final class Names {
    private static final int SLOTS = 1024; // a power of two; a few hundred names are common
    private static final int LONGEST = 64; // longer names are rare: not kept

    private record Name(byte[] bytes, String text) {
      /** A loop, not Arrays.equals: names are short, and its range checks cost more here. */
      boolean is(byte[] in, int from, int length) {
        if (bytes.length != length) {
          return false;
        }
        for (int i = 0; i < length; i++) {
          if (bytes[i] != in[from + i]) {
            return false;
          }
        }
        return true;
      }
    }

    private final Name[] slots = new Name[SLOTS];

    String name(byte[] in, int from, int to) {
      int length = to - from;
      if (length == 0 || length > LONGEST) {
        return new String(in, from, length, StandardCharsets.ISO_8859_1);
      }
      // Length, first, middle and last byte tell a document's names apart well enough, in a few
      // steps: a full hash of every name read cost more than the table saved.
      int hash = ((length * 31 + in[from]) * 31 + in[from + length / 2]) * 31 + in[to - 1];
      int slot = (hash ^ (hash >>> 7)) & (SLOTS - 1);
      Name known = slots[slot];
      if (known != null && known.is(in, from, length)) {
        return known.text;
      }
      Name name =
          new Name(
              Arrays.copyOfRange(in, from, to),
              new String(in, from, length, StandardCharsets.ISO_8859_1));
      slots[slot] = name;
      return name.text;
    }
  }
}
