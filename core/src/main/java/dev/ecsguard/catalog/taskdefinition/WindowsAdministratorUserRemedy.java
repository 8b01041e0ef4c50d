package dev.ecsguard.catalog.taskdefinition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.RemedyContext;

/** ECS.21 (Windows): a non-administrator account. */
public final class WindowsAdministratorUserRemedy extends Remedy {
  @Override
  public void container(ObjectNode task, ObjectNode container, RemedyContext context) {
    if (!TaskDefinitions.windows(task)) {
      return;
    }
    String user = container.path("user").asText("");
    if (user.isEmpty() || user.equalsIgnoreCase("ContainerAdministrator")) {
      container.put("user", "ContainerUser");
    }
  }
}
