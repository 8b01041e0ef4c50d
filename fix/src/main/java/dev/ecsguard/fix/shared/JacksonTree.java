package dev.ecsguard.fix.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.tree.Node;
import dev.ecsguard.tree.ScalarNode;
import dev.ecsguard.tree.UnresolvedNode;
import java.util.function.Function;

/** The scanner's positioned tree as Jackson's, which the fixes work on. */
public final class JacksonTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JacksonTree() {}

  /**
   * {@code node} as a Jackson tree; each value the input could not give becomes {@code
   * unresolved}'s answer.
   */
  public static JsonNode of(Node node, Function<UnresolvedNode, JsonNode> unresolved) {
    return switch (node) {
      case dev.ecsguard.tree.ObjectNode object -> {
        ObjectNode out = NODES.objectNode();
        object.names().forEach(name -> out.set(name, of(object.get(name), unresolved)));
        yield out;
      }
      case dev.ecsguard.tree.ArrayNode array -> {
        ArrayNode out = NODES.arrayNode();
        array.elements().forEach(element -> out.add(of(element, unresolved)));
        yield out;
      }
      case ScalarNode scalar ->
          switch (scalar.type()) {
            case STRING -> NODES.textNode(scalar.text());
            case NUMBER -> WrittenNumber.of(scalar.text());
            case BOOLEAN -> NODES.booleanNode(Boolean.parseBoolean(scalar.text()));
            case NULL -> NODES.nullNode();
          };
      case UnresolvedNode value -> unresolved.apply(value);
    };
  }
}
