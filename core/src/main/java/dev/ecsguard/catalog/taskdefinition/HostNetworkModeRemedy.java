package dev.ecsguard.catalog.taskdefinition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.control.Consent;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.RemedyContext;

/** ECS.17: awsvpc instead of the host's network, only with --allow-network-change. */
public final class HostNetworkModeRemedy extends Remedy {
  @Override
  public void resource(ObjectNode task, RemedyContext context) {
    if (!"host".equals(task.path("networkMode").asText())) {
      return;
    }
    if (!context.options().allows(Consent.NETWORK_CHANGE)) {
      HostPidModeRemedy.leftAsItIs(task, context);
      return;
    }
    task.put("networkMode", "awsvpc");
    for (JsonNode container : task.path("containerDefinitions")) {
      if (container.has("links")) {
        context.instruct(
            task.path("family").asText("task")
                + ": container \""
                + container.path("name").asText()
                + "\" has links, which awsvpc does not support;"
                + " reach the other containers on localhost instead");
      }
    }
  }
}
