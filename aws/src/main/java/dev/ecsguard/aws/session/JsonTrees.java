package dev.ecsguard.aws.session;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.fix.shared.JacksonTree;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Between the three trees a remediation meets: an SDK response (through {@link SdkJson}, in the
 * API's wire names), the Jackson tree the file fixes work on, and SDK request objects built back
 * from it, so that a fix is written once for files and live accounts.
 */
public final class JsonTrees {
  // An unknown field is a mistake in the fix, not something to drop without a word.
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private JsonTrees() {}

  /** The response as the API sent it, as a Jackson tree. */
  public static ObjectNode of(SdkPojo response) {
    // SDK responses hold no unresolved values.
    return (ObjectNode)
        JacksonTree.of(
            SdkJson.document("response", response).root(),
            unresolved -> JsonNodeFactory.instance.nullNode());
  }

  /**
   * An SDK object of the type whose serializable builder is {@code builderClass}, from its API
   * JSON.
   */
  public static <B extends software.amazon.awssdk.utils.builder.SdkBuilder<B, T>, T> T sdk(
      JsonNode json, Class<? extends B> builderClass) {
    try {
      return MAPPER.treeToValue(json, builderClass).build();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(
          "the SDK does not accept the JSON ecsguard made: " + e.getOriginalMessage(), e);
    }
  }
}
