package dev.ecsguard.catalog.taskdefinition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.RemedyContext;
import dev.ecsguard.control.RemedyContext.ExecutionRoleUse;

/** ECS.9: awslogs to a group named after the family, created on first use. */
public final class MissingLogConfigurationRemedy extends Remedy {
  @Override
  public void container(ObjectNode task, ObjectNode container, RemedyContext context) {
    if (!container.path("logConfiguration").path("logDriver").asText("").isEmpty()) {
      return;
    }
    String name = container.path("name").asText("container");
    String region = context.options().logRegion();
    if (region == null) {
      context.instruct(
          "container \""
              + name
              + "\": add a logConfiguration (ecsguard adds awslogs when it knows the region: --log-region for files;"
              + " on AWS, when the task has an execution role to write the logs with)");
      return;
    }
    context.needsExecutionRole(ExecutionRoleUse.LOGS);
    ObjectNode logging = container.putObject("logConfiguration").put("logDriver", "awslogs");
    logging
        .putObject("options")
        .put("awslogs-group", "/ecs/" + task.path("family").asText("task"))
        .put("awslogs-region", region)
        .put("awslogs-stream-prefix", name)
        .put("awslogs-create-group", "true");
  }
}
