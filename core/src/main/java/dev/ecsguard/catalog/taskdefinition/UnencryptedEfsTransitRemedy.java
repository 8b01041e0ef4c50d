package dev.ecsguard.catalog.taskdefinition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.RemedyContext;

/** ECS.18: encryption in transit on every EFS volume. */
public final class UnencryptedEfsTransitRemedy extends Remedy {
  @Override
  public void resource(ObjectNode task, RemedyContext context) {
    if (!(task.get("volumes") instanceof ArrayNode volumes)) {
      return;
    }
    for (JsonNode volume : volumes) {
      if (volume.get("efsVolumeConfiguration") instanceof ObjectNode efs
          && !"ENABLED".equals(efs.path("transitEncryption").asText())) {
        efs.put("transitEncryption", "ENABLED");
      }
    }
  }
}
