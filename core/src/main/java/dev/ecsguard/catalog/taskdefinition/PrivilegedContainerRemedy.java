package dev.ecsguard.catalog.taskdefinition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.RemedyContext;
import java.util.Locale;

/** ECS.4: privileged goes; the capabilities the user names are added instead. */
public final class PrivilegedContainerRemedy extends Remedy {
  @Override
  public void container(ObjectNode task, ObjectNode container, RemedyContext context) {
    if (!container.hasNonNull("privileged")
        || container.get("privileged").equals(BooleanNode.FALSE)) {
      return; // ECS.4 passes it: removing it would change nothing but the text
    }
    container.remove("privileged");
    if (!context.options().keepCapabilities().isEmpty()) {
      ArrayNode add = container.with("linuxParameters").with("capabilities").withArray("add");
      for (String capability : context.options().keepCapabilities()) {
        String name = capability.strip().toUpperCase(Locale.ROOT);
        if (!contains(add, name)) {
          add.add(name);
        }
      }
    }
  }

  private static boolean contains(ArrayNode array, String text) {
    for (JsonNode item : array) {
      if (text.equals(item.asText())) {
        return true;
      }
    }
    return false;
  }
}
