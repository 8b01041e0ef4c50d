package dev.ecsguard.catalog.taskdefinition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.RemedyContext;

/** ECS.20 and ECSG.1 (Linux): the user's non-root user where none, root or UID 0 is set. */
public final class LinuxRootUserRemedy extends Remedy {
  @Override
  public void container(ObjectNode task, ObjectNode container, RemedyContext context) {
    if (TaskDefinitions.windows(task)) {
      return;
    }
    String user = container.path("user").asText("");
    if (user.isEmpty()
        || LinuxUidZero.isUidZero(user)) { // root and 0, and ECSG.1's 000 and 0:0 too
      container.put("user", context.options().user());
    }
  }
}
