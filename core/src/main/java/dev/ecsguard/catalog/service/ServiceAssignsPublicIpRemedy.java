package dev.ecsguard.catalog.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.RemedyContext;

/** ECS.2 and ECS.16: no public IP for a service's or a task set's tasks. */
public final class ServiceAssignsPublicIpRemedy extends Remedy {
  @Override
  public void resource(ObjectNode resource, RemedyContext context) {
    if (resource.path("networkConfiguration").get("awsvpcConfiguration") instanceof ObjectNode vpc
        && "ENABLED".equals(vpc.path("assignPublicIp").asText())) {
      vpc.put("assignPublicIp", "DISABLED");
    }
  }
}
