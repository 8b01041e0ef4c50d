package dev.ecsguard.catalog.taskdefinition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.RemedyContext;
import java.util.ArrayList;
import java.util.List;

/**
 * ECSG.10: a step for the user only. An option that turns confinement off was added because
 * something failed under it; removing it could break the container, so the user decides.
 */
public final class WeakenedSecurityOptionsRemedy extends Remedy {
  @Override
  public void container(ObjectNode task, ObjectNode container, RemedyContext context) {
    List<String> weakening = new ArrayList<>();
    for (JsonNode option : container.path("dockerSecurityOptions")) {
      if (option.isTextual() && WeakenedSecurityOptions.weakens(option.asText())) {
        weakening.add(option.asText());
      }
    }
    if (!weakening.isEmpty()) {
      context.instruct(
          task.path("family").asText("task")
              + ": container \""
              + container.path("name").asText()
              + "\" turns confinement off ("
              + String.join(", ", weakening)
              + " in dockerSecurityOptions); remove it, and where the application needs more,"
              + " allow exactly that (a seccomp or AppArmor profile of its own)");
    }
  }
}
