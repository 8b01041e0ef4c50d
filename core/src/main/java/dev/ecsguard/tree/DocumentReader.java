package dev.ecsguard.tree;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Parses JSON and YAML into a {@link Document} of positioned {@link Node}s, within {@link
 * InputLimits}. YAML's CloudFormation short forms ({@code !Ref X}) become the long form ({@code
 * {"Ref": "X"}}), so that readers see one shape.
 */
public final class DocumentReader {
  // Jackson quotes offending tokens ('AKIA...'); a token may be a secret, so it is never echoed.
  private static final Pattern QUOTED_TOKEN = Pattern.compile("'[^'\\s]{2,}'");
  // JSON's own words, which Jackson quotes when it lists what it expected.
  private static final java.util.Set<String> SAFE_TOKENS =
      java.util.Set.of("'null'", "'true'", "'false'", "'NaN'");
  // Jackson names its own setting behind a limit, which means nothing to a user.
  private static final Pattern JACKSON_SETTING =
      Pattern.compile(", from `StreamReadConstraints[^`]*`");
  // Jackson describes where an unclosed array began with its own source description.
  private static final Pattern START_MARKER =
      Pattern.compile("\\(start marker at \\[Source: [^;]*; line: (\\d+), column: (\\d+)\\]\\)");

  /** The two syntaxes ecsguard reads. */
  private enum Syntax {
    JSON,
    YAML;

    /**
     * By file name; a name that says neither (.template, standard input) is told by its first
     * character.
     */
    static Syntax of(String name, char[] text) {
      Syntax byName = byName(name);
      if (byName != null) {
        return byName;
      }
      for (char c : text) {
        if (!Character.isWhitespace(c)) {
          return c == '{' || c == '[' ? JSON : YAML;
        }
      }
      return JSON;
    }

    /** As above, for text of ASCII only, still as bytes. */
    static Syntax of(String name, byte[] ascii) {
      Syntax byName = byName(name);
      if (byName != null) {
        return byName;
      }
      for (byte c : ascii) {
        if (!Character.isWhitespace(c)) {
          return c == '{' || c == '[' ? JSON : YAML;
        }
      }
      return JSON;
    }

    private static Syntax byName(String name) {
      String lower = name.toLowerCase(java.util.Locale.ROOT);
      if (lower.endsWith(".json")) {
        return JSON;
      }
      return lower.endsWith(".yaml") || lower.endsWith(".yml") ? YAML : null;
    }
  }

  private final InputLimits limits;
  private final JsonFactory factory;
  private final AsciiJsonTreeBuilder.Names names = new AsciiJsonTreeBuilder.Names();

  public DocumentReader(InputLimits limits) {
    this.limits = limits;
    this.factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(limits.maxNestingDepth()).build())
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
  }

  /** Reads {@code path}, naming it {@code name} in positions and errors: a regular file only. */
  public Document read(Path path, String name) throws InputException {
    return parse(RegularFiles.read(path, name, limits.maxFileBytes()), name);
  }

  /**
   * Reads a stream of unknown length (a pipe, a /proc file: Files.size says 0 for those), keeping
   * the size limit as the bytes arrive.
   */
  public Document read(InputStream in, String name) throws InputException {
    byte[] bytes;
    try {
      bytes = new BoundedInputStream(in, limits.maxFileBytes(), name).readAllBytes();
    } catch (IOException e) {
      throw failure(e, name, null);
    }
    return parse(bytes, name);
  }

  /**
   * Parses an in-memory document (used by tests and by the benchmark). The bytes must not change
   * while the document is in use: a scalar's text may be made from them when first read.
   */
  public Document read(byte[] json, String name) throws InputException {
    if (json.length > limits.maxFileBytes()) {
      throw new InputException(
          name, "refused: over the limit of " + limits.maxFileBytes() + " bytes");
    }
    return parse(json, name);
  }

  /**
   * JSON of ASCII only, as most is, is parsed from its bytes: a byte is then a character, so
   * columns still count what an editor shows. Plain well-formed JSON is built by {@link
   * AsciiJsonTreeBuilder}; the rest, by Jackson's byte path, the faster of its two. Anything else
   * is decoded first (strict UTF-8), in a step of its own so that the bytes can be garbage before
   * the tree grows.
   */
  private Document parse(byte[] bytes, String name) throws InputException {
    if (Syntax.of(name, bytes) == Syntax.JSON) {
      Document built =
          AsciiJsonTreeBuilder.build(bytes, name, factory.streamReadConstraints(), names);
      if (built != null) {
        return built;
      }
    }
    return parseWithJackson(bytes, name);
  }

  /** As {@link #parse(byte[], String)}, every document by Jackson (or SnakeYAML). */
  Document parseWithJackson(byte[] bytes, String name) throws InputException {
    if (isAscii(bytes) && Syntax.of(name, bytes) == Syntax.JSON) {
      return parse(() -> factory.createParser(bytes), name, null);
    }
    return parse(decoded(bytes, name), name);
  }

  private static char[] decoded(byte[] bytes, String name) throws InputException {
    try {
      return RegularFiles.utf8(bytes);
    } catch (CharacterCodingException e) {
      throw new InputException(name, "cannot read: " + Problems.describe(e));
    }
  }

  /** One pass without an early exit, which the JIT turns into vector instructions. */
  private static boolean isAscii(byte[] bytes) {
    int high = 0;
    for (byte b : bytes) {
      high |= b;
    }
    return high >= 0;
  }

  private Document parse(char[] text, String name) throws InputException {
    if (Syntax.of(name, text) == Syntax.YAML) {
      return new YamlTreeBuilder(new Document(name, null), limits.maxNestingDepth()).build(text);
    }
    return parse(() -> factory.createParser(text), name, null);
  }

  /**
   * Parses JSON held in a string of another document (Terraform's container_definitions); its nodes
   * report the string's position.
   */
  public Document readEmbedded(ScalarNode host) throws InputException {
    return parse(() -> factory.createParser(host.text()), host.file(), host);
  }

  /** Opens a parser; may fail as reading does. */
  private interface ParserSource {
    JsonParser open() throws IOException;
  }

  private static Document parse(ParserSource source, String name, Node host) throws InputException {
    try (JsonParser parser = source.open()) {
      try {
        return new TreeBuilder(parser, new Document(name, host)).build();
      } catch (IOException e) {
        throw failure(e, name, parser.currentLocation()); // the parser still knows where it stopped
      }
    } catch (IOException e) {
      throw failure(e, name, null);
    }
  }

  /** {@code where} stands in for the position when the exception has none (Jackson's limits). */
  private static InputException failure(IOException e, String name, JsonLocation where) {
    if (e instanceof BoundedInputStream.LimitExceeded exceeded) {
      return exceeded.error();
    }
    if (e instanceof StreamConstraintsException constraint) {
      JsonLocation at = constraint.getLocation() != null ? constraint.getLocation() : where;
      String problem =
          String.valueOf(constraint.getOriginalMessage()).contains("nesting depth")
              ? "nested too deeply ("
                  + describe(constraint)
                  + ", far deeper than any ECS document needs)"
              : "a value is too large: " + describe(constraint);
      return new InputException(name, line(at), column(at), "refused: " + problem);
    }
    if (e instanceof JsonProcessingException parse) {
      JsonLocation at = parse.getLocation() != null ? parse.getLocation() : where;
      return new InputException(name, line(at), column(at), "malformed JSON: " + describe(parse));
    }
    return new InputException(name, "cannot read: " + Problems.describe(e));
  }

  private static String describe(JsonProcessingException e) {
    return firstLine(e.getOriginalMessage());
  }

  /** The first line of a parser's message, tokens hidden: a token may be a secret. */
  private static final Pattern LINE_BREAK = Pattern.compile("[\n\r\u0085\u2028\u2029]");

  static String firstLine(String message) {
    if (message == null || message.isBlank()) {
      return "unreadable";
    }
    // Any line break ends the line: SnakeYAML quotes the character it found raw, a lone \r too.
    message = LINE_BREAK.split(message, 2)[0];
    message = JACKSON_SETTING.matcher(message).replaceAll("");
    message = START_MARKER.matcher(message).replaceAll("(opened at line $1, column $2)");
    return QUOTED_TOKEN
        .matcher(message)
        .replaceAll(token -> SAFE_TOKENS.contains(token.group()) ? token.group() : "(not shown)")
        .trim();
  }

  private static int line(JsonLocation at) {
    return at == null ? 0 : Math.max(at.getLineNr(), 0);
  }

  private static int column(JsonLocation at) {
    return at == null ? 0 : Math.max(at.getColumnNr(), 0);
  }

  /** Puts {@code node} in {@code parent} (its root when null), noting a repeated key. */
  static void attach(Document document, Node parent, Node node, String key) {
    Node earlier = Node.attach(document, parent, node);
    if (earlier != null) {
      // JSON allows it and the AWS CLI keeps the last; a reader of the file may see the first.
      document.notice(
          node,
          "duplicate key \""
              + key
              + "\" (also on line "
              + earlier.line()
              + "); the last one counts, as the AWS CLI reads it");
    }
  }

  /** Builds the tree from the parser's tokens. */
  private static final class TreeBuilder {
    private final JsonParser parser;
    private final Document document;

    TreeBuilder(JsonParser parser, Document document) {
      this.parser = parser;
      this.document = document;
    }

    Document build() throws IOException, InputException {
      String name = document.name();
      Deque<Node> open = new ArrayDeque<>();
      String pendingKey = null;
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw new InputException(name, 1, 1, "empty file: expected a JSON object or array");
      }
      while (token != null) {
        if (token == JsonToken.FIELD_NAME) {
          pendingKey = parser.currentName();
        } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          open.pop();
        } else {
          Node parent = open.peek();
          Node node = node(token, parent, parent instanceof ObjectNode ? pendingKey : null);
          attach(document, parent, node, pendingKey);
          if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            open.push(node);
          }
        }
        if (open.isEmpty()) {
          break;
        }
        token = parser.nextToken();
      }
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        JsonLocation at = parser.currentTokenLocation();
        throw new InputException(
            name,
            at.getLineNr(),
            at.getColumnNr(),
            "malformed JSON: more than one value in the file (JSON Lines? make them one array, e.g. with jq -s)");
      }
      return document;
    }

    /**
     * A node for a value token, positioned where the token starts. Jackson's parsers know that
     * position as numbers; asking for it as a JsonLocation would make an object per token. Their
     * getTokenColumnNr is one more than the JsonLocation's column (Jackson 2.23; DocumentReaderTest
     * holds the columns to an editor's).
     */
    private Node node(JsonToken token, Node parent, String key) throws IOException, InputException {
      ParserBase position = (ParserBase) parser;
      int line = position.getTokenLineNr();
      int column = position.getTokenColumnNr() - 1;
      int index = parent instanceof ArrayNode array ? array.size() : -1;
      return switch (token) {
        case START_OBJECT -> new ObjectNode(document, parent, key, index, line, column);
        case START_ARRAY -> new ArrayNode(document, parent, key, index, line, column);
        case VALUE_STRING ->
            new ScalarNode(
                document,
                parent,
                key,
                index,
                line,
                column,
                ScalarNode.Type.STRING,
                parser.getText());
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
            new ScalarNode(
                document,
                parent,
                key,
                index,
                line,
                column,
                ScalarNode.Type.NUMBER,
                parser.getText());
        case VALUE_TRUE ->
            new ScalarNode(
                document, parent, key, index, line, column, ScalarNode.Type.BOOLEAN, "true");
        case VALUE_FALSE ->
            new ScalarNode(
                document, parent, key, index, line, column, ScalarNode.Type.BOOLEAN, "false");
        case VALUE_NULL ->
            new ScalarNode(document, parent, key, index, line, column, ScalarNode.Type.NULL, null);
        default -> throw new InputException(document.name(), line, column, "unexpected " + token);
      };
    }
  }
}
