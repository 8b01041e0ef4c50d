package dev.ecsguard.aws.session;

import dev.ecsguard.tree.Document;
import dev.ecsguard.tree.Node;
import dev.ecsguard.tree.ObjectNode;
import dev.ecsguard.tree.ScalarNode;
import java.util.Collection;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Turns an SDK response into the JSON tree the ECS API sent (its wire names, camelCase), so that a
 * live account is read by the same reader as describe-* output in a file, with the same semantics.
 * Nodes have no lines: their origin is the document's name (account, region and call).
 */
public final class SdkJson {
  private SdkJson() {}

  public static Document document(String name, SdkPojo response) {
    ObjectNode root = Node.newDocument(name, 0, 0);
    fill(root, response);
    return root.document();
  }

  private static void fill(ObjectNode object, SdkPojo pojo) {
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      if (present(value)) {
        put(object, field.locationName(), value);
      }
    }
  }

  /**
   * Lists and maps the response did not hold come back from the SDK empty, not null: they are
   * absent.
   */
  private static boolean present(Object value) {
    return value != null
        && !(value instanceof SdkAutoConstructList<?>)
        && !(value instanceof SdkAutoConstructMap<?, ?>);
  }

  private static void put(Node parent, String key, Object value) {
    switch (value) {
      case SdkPojo pojo -> fill(Node.newObject(parent, key, 0, 0), pojo);
      case Collection<?> items -> {
        Node array = Node.newArray(parent, key, 0, 0);
        items.stream().filter(SdkJson::present).forEach(item -> put(array, null, item));
      }
      case Map<?, ?> map -> {
        Node object = Node.newObject(parent, key, 0, 0);
        map.forEach(
            (name, item) -> {
              if (present(item)) {
                put(object, String.valueOf(name), item);
              }
            });
      }
      case Boolean flag ->
          Node.newScalar(parent, key, 0, 0, ScalarNode.Type.BOOLEAN, flag.toString());
      case Number number ->
          Node.newScalar(parent, key, 0, 0, ScalarNode.Type.NUMBER, number.toString());
      default ->
          Node.newScalar(
              parent,
              key,
              0,
              0,
              ScalarNode.Type.STRING,
              value.toString()); // strings, enums as sent, instants
    }
  }
}
