package dev.ecsguard.aws;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.source.Node;
import dev.ecsguard.source.ScalarNode;
import java.math.BigDecimal;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Between the three trees a remediation meets: an SDK response (through {@link SdkJson}, in the
 * API's wire names), the Jackson tree the file fixes work on, and SDK request objects built back
 * from it, so that a fix is written once for files and live accounts.
 */
final class JsonTrees {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  // An unknown field is a mistake in the fix, not something to drop without a word.
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private JsonTrees() {}

  /** The response as the API sent it, as a Jackson tree. */
  static ObjectNode of(SdkPojo response) {
    return (ObjectNode) jackson(SdkJson.document("response", response).root());
  }

  private static JsonNode jackson(Node node) {
    return switch (node) {
      case dev.ecsguard.source.ObjectNode object -> {
        ObjectNode copy = NODES.objectNode();
        object.names().forEach(name -> copy.set(name, jackson(object.get(name))));
        yield copy;
      }
      case dev.ecsguard.source.ArrayNode array -> {
        ArrayNode copy = NODES.arrayNode();
        array.elements().forEach(element -> copy.add(jackson(element)));
        yield copy;
      }
      case ScalarNode scalar -> switch (scalar.type()) {
        case BOOLEAN -> NODES.booleanNode(Boolean.parseBoolean(scalar.text()));
        case NUMBER -> NODES.numberNode(new BigDecimal(scalar.text()));
        case NULL -> NODES.nullNode();
        default -> NODES.textNode(scalar.text());
      };
      default -> NODES.nullNode(); // SDK responses hold no unresolved values
    };
  }

  /** An SDK object of the type whose serializable builder is {@code builderClass}, from its API JSON. */
  static <B extends software.amazon.awssdk.utils.builder.SdkBuilder<B, T>, T> T sdk(JsonNode json, Class<? extends B> builderClass) {
    try {
      return MAPPER.treeToValue(json, builderClass).build();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("the SDK does not accept the JSON ecsguard made: " + e.getOriginalMessage(), e);
    }
  }
}
