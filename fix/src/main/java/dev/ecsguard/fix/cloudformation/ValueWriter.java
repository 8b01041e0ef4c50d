package dev.ecsguard.fix.cloudformation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes a new value in the syntax of the file it goes into: JSON, or YAML in block or flow style.
 * Multi-line forms indent by the file's own step; their first line has no indentation, as it
 * follows text already on that line.
 */
final class ValueWriter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Resolver RESOLVER = new Resolver();

  /** Strings YAML reads back as the same string without quotes, in block and flow context alike. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./:@+=-]*");

  private final boolean json;
  private final String step;
  private final String newline;

  /** {@code step}: one level of the file's indentation; {@code newline}: its line break. */
  ValueWriter(boolean json, String step, String newline) {
    this.json = json;
    this.step = step;
    this.newline = newline;
  }

  /**
   * On one line: JSON, or YAML flow style ({@code {Name: tmp}}), valid in block and flow context.
   */
  String flow(JsonNode value) {
    List<String> parts = new ArrayList<>();
    if (value.isObject()) {
      value
          .properties()
          .forEach(field -> parts.add(key(field.getKey()) + ": " + flow(field.getValue())));
      return "{" + String.join(", ", parts) + "}";
    }
    if (value.isArray()) {
      value.forEach(item -> parts.add(flow(item)));
      return "[" + String.join(", ", parts) + "]";
    }
    return json || !value.isTextual() ? jsonText(value) : yamlScalar(value.asText());
  }

  /**
   * A mapping member: {@code "Key": value} in JSON, its value over several lines indented from
   * {@code indent} (one line when {@code indent} is null), or {@code Key: value} in YAML flow
   * style.
   */
  String flowEntry(String key, JsonNode value, String indent) {
    return key(key) + ": " + (json ? pretty(value, indent) : flow(value));
  }

  /** A list member, as {@link #flowEntry} writes a mapping member. */
  String flowItem(JsonNode value, String indent) {
    return json ? pretty(value, indent) : flow(value);
  }

  /**
   * A YAML block mapping member at {@code indent}: {@code Key: value}, or {@code Key:} with its
   * members below.
   */
  String blockEntry(String key, JsonNode value, String indent) {
    if (!value.isContainerNode() || value.isEmpty()) {
      return key(key) + ": " + flow(value);
    }
    StringBuilder out = new StringBuilder(key(key)).append(':');
    String inner = indent + step;
    if (value.isObject()) {
      value
          .properties()
          .forEach(
              field ->
                  out.append(newline)
                      .append(inner)
                      .append(blockEntry(field.getKey(), field.getValue(), inner)));
    } else {
      value.forEach(item -> out.append(newline).append(inner).append(blockItem(item, inner)));
    }
    return out.toString();
  }

  /**
   * A YAML block sequence member whose dash stands at {@code indent}: {@code - value}, a mapping's
   * first member on the dash's line.
   */
  String blockItem(JsonNode value, String indent) {
    if (!value.isObject() || value.isEmpty()) {
      return "- " + flow(value);
    }
    String inner = indent + "  ";
    List<String> members = new ArrayList<>();
    value
        .properties()
        .forEach(field -> members.add(blockEntry(field.getKey(), field.getValue(), inner)));
    return "- " + String.join(newline + inner, members);
  }

  /**
   * JSON over several lines, nested members one step in from {@code indent}; scalars, empty values
   * and a null indent stay on one line.
   */
  private String pretty(JsonNode value, String indent) {
    if (indent == null || !value.isContainerNode() || value.isEmpty()) {
      return flow(value);
    }
    String inner = indent + step;
    List<String> members = new ArrayList<>();
    if (value.isObject()) {
      value
          .properties()
          .forEach(
              field -> members.add(inner + flowEntry(field.getKey(), field.getValue(), inner)));
    } else {
      value.forEach(item -> members.add(inner + pretty(item, inner)));
    }
    return (value.isObject() ? "{" : "[")
        + newline
        + String.join("," + newline, members)
        + newline
        + indent
        + (value.isObject() ? "}" : "]");
  }

  private String key(String key) {
    return json ? jsonText(JSON.getNodeFactory().textNode(key)) : yamlScalar(key);
  }

  /**
   * Plain where YAML reads it back as the same string; else double-quoted, JSON's escapes being
   * YAML's too.
   */
  private static String yamlScalar(String text) {
    if (PLAIN.matcher(text).matches()
        && !text.endsWith(":")
        && RESOLVER.resolve(NodeId.scalar, text, true).equals(Tag.STR)) {
      return text;
    }
    return jsonText(JSON.getNodeFactory().textNode(text));
  }

  private static String jsonText(JsonNode value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a value ecsguard built cannot be written", e);
    }
  }
}
