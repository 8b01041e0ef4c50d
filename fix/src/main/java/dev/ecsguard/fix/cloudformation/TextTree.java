package dev.ecsguard.fix.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A JSON or YAML document's values, each with the span it takes in the text, so that a fix can edit
 * a value and leave every other character as it was. Spans are {@code [start, end)} in chars;
 * {@code end} is where the value's own text stops (a block collection ends with its last value, a
 * block scalar before the line breaks that follow it), never after a comment.
 */
sealed interface TextTree {
  int start();

  int end();

  /**
   * A mapping; {@code flow} for JSON objects and YAML's {@code {…}}, false for YAML block mappings.
   */
  record Mapping(List<Entry> entries, boolean flow, int start, int end) implements TextTree {
    /** The entry under {@code key}, or null. */
    Entry entry(String key) {
      for (Entry entry : entries) {
        if (entry.key().equals(key)) {
          return entry;
        }
      }
      return null;
    }

    /** The value under {@code key}, or null. */
    TextTree get(String key) {
      Entry entry = entry(key);
      return entry == null ? null : entry.value();
    }
  }

  /** {@code keyStart}: where the key's text begins, its quote included. */
  record Entry(String key, int keyStart, TextTree value) {}

  /**
   * A list; {@code flow} for JSON arrays and YAML's {@code […]}, false for YAML block sequences.
   */
  record Sequence(List<TextTree> items, boolean flow, int start, int end) implements TextTree {}

  /**
   * A literal, typed as JSON types it: YAML's plain {@code true} is a boolean, {@code "true"} a
   * string.
   */
  record Scalar(JsonNode value, int start, int end) implements TextTree {}

  /**
   * A CloudFormation function ({@code !If […]}, {@code {"Fn::If": […]}}, {@code Ref}): a value
   * known only when the stack is made, so a fix never looks inside it; {@code referred}: the
   * parameter or resource a {@code Ref} names, null for any other function.
   */
  record Intrinsic(String function, String referred, int start, int end) implements TextTree {}
}
