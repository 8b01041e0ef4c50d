package dev.ecsguard.catalog.taskdefinition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.control.Consent;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.RemedyContext;
import java.util.ArrayList;
import java.util.List;

/**
 * ECSG.10: the options that turn confinement off go only with --allow-security-option-removal: one
 * was added because something failed under confinement, and removing it may break the container.
 * Without consent, a step. The other options stay, and so does the list while any remain.
 */
public final class WeakenedSecurityOptionsRemedy extends Remedy {
  @Override
  public void container(ObjectNode task, ObjectNode container, RemedyContext context) {
    if (!(container.get("dockerSecurityOptions") instanceof ArrayNode options)) {
      return;
    }
    List<Integer> weakening = new ArrayList<>();
    List<String> written = new ArrayList<>();
    for (int i = 0; i < options.size(); i++) {
      JsonNode option = options.get(i);
      if (option.isTextual() && WeakenedSecurityOptions.weakens(option.asText())) {
        weakening.add(i);
        written.add(option.asText());
      }
    }
    if (weakening.isEmpty()) {
      return;
    }
    if (!context.options().allows(Consent.SECURITY_OPTION_REMOVAL)) {
      context.instruct(
          task.path("family").asText("task")
              + ": container \""
              + container.path("name").asText()
              + "\" turns confinement off ("
              + String.join(", ", written)
              + " in dockerSecurityOptions); remove it (or let ecsguard with "
              + Consent.SECURITY_OPTION_REMOVAL.flag()
              + "), and where the application needs more, allow exactly that (a seccomp or"
              + " AppArmor profile of its own)");
      return;
    }
    for (int i = weakening.size() - 1; i >= 0; i--) {
      options.remove(weakening.get(i));
    }
    if (options.isEmpty()) {
      container.remove("dockerSecurityOptions");
    }
  }
}
