package dev.ecsguard.catalog.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.RemedyContext;

/**
 * ECSG.11: the service is pointed at its family, which ECS reads as the latest ACTIVE revision, so
 * that a deployment moves it there (apply makes that an update-service with a new deployment, and
 * first checks that the latest revision does not fail what the running one fails). Only where the
 * control FAILED on the service: whether a revision is older than the latest shows across
 * resources, never in the service alone, and a file names what it deploys.
 */
public final class OutdatedRunningRevisionRemedy extends Remedy {
  @Override
  public void resource(ObjectNode service, RemedyContext context) {
    if (!context.failedHere() || !service.path("taskDefinition").isTextual()) {
      return;
    }
    String running = service.get("taskDefinition").asText();
    String name = running.substring(running.lastIndexOf('/') + 1);
    int colon = name.lastIndexOf(':');
    if (colon > 0 && name.substring(colon + 1).chars().allMatch(Character::isDigit)) {
      service.put("taskDefinition", name.substring(0, colon));
    }
  }
}
