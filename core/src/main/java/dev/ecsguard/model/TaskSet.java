package dev.ecsguard.model;

import dev.ecsguard.tree.Origin;
import java.util.List;

/**
 * An ECS task set (external or CodeDeploy deployments).
 *
 * @param taskDefinitions see {@link Workload#taskDefinitions()}: its one task definition
 */
public record TaskSet(
    String id,
    Origin origin,
    Value<String> assignPublicIp,
    List<Value<TaskDefinitionLink>> taskDefinitions)
    implements Workload {

  @Override
  public ResourceType type() {
    return ResourceType.TASK_SET;
  }
}
