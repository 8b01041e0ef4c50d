package dev.ecsguard.catalog.taskdefinition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.control.Consent;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.RemedyContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * ECSG.2: the forbidden capabilities leave capabilities.add only with --allow-capability-drop, as
 * the container may call what they allow; without it, a step. Nothing else is removed: the other
 * capabilities stay, and so does the list while any remain. A capability the user keeps
 * (--keep-capabilities) stays too: the user asked for it.
 */
public final class DangerousCapabilitiesRemedy extends Remedy {
  private static final Set<String> FORBIDDEN =
      Arrays.stream(DangerousCapabilities.FORBIDDEN.split(",")).collect(Collectors.toSet());

  @Override
  public void container(ObjectNode task, ObjectNode container, RemedyContext context) {
    JsonNode capabilities = container.path("linuxParameters").path("capabilities");
    if (!(capabilities.path("add") instanceof ArrayNode add)) {
      return;
    }
    Set<String> kept =
        context.options().keepCapabilities().stream()
            .map(DangerousCapabilities::canonical)
            .collect(Collectors.toSet());
    List<Integer> forbidden = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < add.size(); i++) {
      String name =
          add.get(i).isTextual() ? DangerousCapabilities.canonical(add.get(i).asText()) : "";
      if (FORBIDDEN.contains(name) && !kept.contains(name)) {
        forbidden.add(i);
        names.add(add.get(i).asText());
      }
    }
    if (forbidden.isEmpty()) {
      return;
    }
    if (!context.options().allows(Consent.CAPABILITY_DROP)) {
      context.instruct(
          task.path("family").asText("task")
              + ": container \""
              + container.path("name").asText()
              + "\" adds "
              + String.join(", ", names)
              + " (linuxParameters.capabilities.add); remove what it does not need, or let ecsguard"
              + " remove them with "
              + Consent.CAPABILITY_DROP.flag());
      return;
    }
    for (int i = forbidden.size() - 1; i >= 0; i--) {
      add.remove(forbidden.get(i));
    }
    if (add.isEmpty()) {
      ((ObjectNode) capabilities).remove("add");
    }
  }
}
