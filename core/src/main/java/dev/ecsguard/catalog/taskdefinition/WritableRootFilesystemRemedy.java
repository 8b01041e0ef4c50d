package dev.ecsguard.catalog.taskdefinition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.RemedyContext;

/**
 * ECS.5 (Linux): a read-only root, with a task-scoped volume at /tmp (it works on Fargate and EC2
 * alike).
 */
public final class WritableRootFilesystemRemedy extends Remedy {
  @Override
  public void container(ObjectNode task, ObjectNode container, RemedyContext context) {
    if (TaskDefinitions.windows(task)
        || container.path("readonlyRootFilesystem").asBoolean(false)) {
      return;
    }
    container.put("readonlyRootFilesystem", true);
    ArrayNode volumes = task.withArray("volumes");
    boolean hasTmp = false;
    for (JsonNode volume : volumes) {
      hasTmp |= "tmp".equals(volume.path("name").asText());
    }
    if (!hasTmp) {
      volumes.addObject().put("name", "tmp");
    }
    ArrayNode mounts = container.withArray("mountPoints");
    for (JsonNode mount : mounts) {
      if ("/tmp".equals(mount.path("containerPath").asText())) {
        return;
      }
    }
    mounts.addObject().put("sourceVolume", "tmp").put("containerPath", "/tmp");
  }
}
