package dev.ecsguard.fix.cloudformation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ecsguard.fix.shared.CodePoints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a {@link TextTree} from text that the scanner's reader has accepted already (so its limits
 * and its error messages have been applied): YAML with SnakeYAML's composer, whose nodes know their
 * marks, JSON with Jackson's token locations.
 */
public final class TextTreeParser {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonFactory JSON = new JsonFactory();

  /**
   * A layout that the editor does not change, said as the rest of a sentence ("it uses YAML
   * aliases").
   */
  static final class UnsupportedLayout extends Exception {
    UnsupportedLayout(String why) {
      super(why, null, false, false);
    }
  }

  private final String text;

  /**
   * Char index of each code point, when the text has characters outside the BMP (SnakeYAML counts
   * code points).
   */
  private final int[] charIndex;

  private final Set<Node> visited = Collections.newSetFromMap(new IdentityHashMap<>());

  private TextTreeParser(String text) {
    this.text = text;
    this.charIndex =
        text.codePointCount(0, text.length()) == text.length() ? null : CodePoints.starts(text);
  }

  /**
   * Whether the scanner reads {@code text} as JSON: by its name, else by its first character, as
   * DocumentReader tells them.
   */
  public static boolean isJson(String name, String text) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".json") || lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      return lower.endsWith(".json");
    }
    String content = text.strip();
    return content.isEmpty() || content.charAt(0) == '{' || content.charAt(0) == '[';
  }

  static TextTree parse(String text, boolean json) throws UnsupportedLayout {
    TextTreeParser parser = new TextTreeParser(text);
    if (json) {
      try (JsonParser tokens = JSON.createParser(text)) {
        tokens.nextToken();
        return parser.json(tokens);
      } catch (IOException e) {
        throw new IllegalStateException("the scanner's reader accepted this JSON", e);
      }
    }
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(
        Integer.MAX_VALUE); // the scanner's reader has applied the file size limit
    Node root =
        new Composer(new ParserImpl(new StreamReader(text), options), new Resolver(), options)
            .getSingleNode();
    return parser.yaml(root);
  }

  private TextTree yaml(Node node) throws UnsupportedLayout {
    if (!visited.add(node)) {
      // An alias's position is lost in the composed tree: an edit would land on its anchor.
      throw new UnsupportedLayout("it uses YAML aliases (*name)");
    }
    int start = index(node.getStartMark());
    TextTree tree =
        switch (node) {
          case ScalarNode scalar ->
              new TextTree.Scalar(value(scalar), start, trimmed(start, index(scalar.getEndMark())));
          case SequenceNode sequence -> {
            List<TextTree> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
              items.add(yaml(item));
            }
            boolean flow = sequence.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
            yield new TextTree.Sequence(
                items,
                flow,
                start,
                flow || items.isEmpty() ? index(sequence.getEndMark()) : items.getLast().end());
          }
          case MappingNode mapping -> {
            List<TextTree.Entry> entries = new ArrayList<>();
            for (NodeTuple tuple : mapping.getValue()) {
              if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw new UnsupportedLayout("it has a mapping key that is not a plain value");
              }
              if (key.getTag().equals(Tag.MERGE)) {
                // The scanner reads the merged keys as the mapping's own; their text stands
                // elsewhere, maybe shared.
                throw new UnsupportedLayout("it uses YAML merge keys (<<)");
              }
              entries.add(
                  new TextTree.Entry(
                      key.getValue(), index(key.getStartMark()), yaml(tuple.getValueNode())));
            }
            boolean flow = mapping.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
            yield new TextTree.Mapping(
                entries,
                flow,
                start,
                flow || entries.isEmpty()
                    ? index(mapping.getEndMark())
                    : entries.getLast().value().end());
          }
          default -> throw new UnsupportedLayout("it has a YAML node of an unknown kind");
        };
    String tag = node.getTag().getValue();
    if (tag.startsWith("!") && !tag.startsWith("!!") && tag.length() > 1) {
      String name = tag.substring(1);
      return new TextTree.Intrinsic(
          name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name,
          name.equals("Ref") ? referred(tree) : null,
          start,
          tree.end());
    }
    return longFormIntrinsic(tree);
  }

  /** Plain scalars typed as YAML 1.1 (and CloudFormation) types them; quoted ones are strings. */
  private static JsonNode value(ScalarNode scalar) {
    if (scalar.getTag().equals(Tag.BOOL)) {
      return NODES.booleanNode(
          switch (scalar.getValue().toLowerCase(Locale.ROOT)) {
            case "y", "yes", "true", "on" -> true;
            default -> false;
          });
    }
    return scalar.getTag().equals(Tag.NULL) ? NODES.nullNode() : NODES.textNode(scalar.getValue());
  }

  private TextTree json(JsonParser tokens) throws IOException {
    int start = (int) tokens.currentTokenLocation().getCharOffset();
    JsonToken token = tokens.currentToken();
    if (token == JsonToken.START_OBJECT) {
      List<TextTree.Entry> entries = new ArrayList<>();
      while (tokens.nextToken() == JsonToken.FIELD_NAME) {
        String key = tokens.currentName();
        int keyStart = (int) tokens.currentTokenLocation().getCharOffset();
        tokens.nextToken();
        entries.add(new TextTree.Entry(key, keyStart, json(tokens)));
      }
      return longFormIntrinsic(
          new TextTree.Mapping(
              entries, true, start, (int) tokens.currentTokenLocation().getCharOffset() + 1));
    }
    if (token == JsonToken.START_ARRAY) {
      List<TextTree> items = new ArrayList<>();
      while (tokens.nextToken() != JsonToken.END_ARRAY) {
        items.add(json(tokens));
      }
      return new TextTree.Sequence(
          items, true, start, (int) tokens.currentTokenLocation().getCharOffset() + 1);
    }
    JsonNode value =
        switch (token) {
          case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(token == JsonToken.VALUE_TRUE);
          case VALUE_NULL -> NODES.nullNode();
          default -> NODES.textNode(tokens.getText()); // numbers too: no fix reads or writes one
        };
    return new TextTree.Scalar(
        value,
        start,
        (int) tokens.currentLocation().getCharOffset()); // after getText: the whole token is read
  }

  /** {@code {"Ref": …}}, {@code {"Fn::If": …}}: CloudFormation's long form of a function. */
  private static TextTree longFormIntrinsic(TextTree tree) {
    if (tree instanceof TextTree.Mapping mapping && mapping.entries().size() == 1) {
      String key = mapping.entries().getFirst().key();
      if (key.equals("Ref") || key.startsWith("Fn::")) {
        return new TextTree.Intrinsic(
            key,
            key.equals("Ref") ? referred(mapping.entries().getFirst().value()) : null,
            mapping.start(),
            mapping.end());
      }
    }
    return tree;
  }

  /** The name a Ref's argument spells, or null. */
  private static String referred(TextTree argument) {
    return argument instanceof TextTree.Scalar scalar && scalar.value().isTextual()
        ? scalar.value().asText()
        : null;
  }

  /** A block scalar's end mark lies past the line breaks after it; the value stops before them. */
  private int trimmed(int start, int end) {
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  private int index(Mark mark) {
    return charIndex == null ? mark.getIndex() : charIndex[mark.getIndex()];
  }
}
