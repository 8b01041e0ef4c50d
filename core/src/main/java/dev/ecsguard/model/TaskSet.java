package dev.ecsguard.model;

import dev.ecsguard.tree.Origin;

/** An ECS task set (external or CodeDeploy deployments). */
public record TaskSet(String id, Origin origin, Value<String> assignPublicIp) implements Resource {

  @Override
  public ResourceType type() {
    return ResourceType.TASK_SET;
  }
}
