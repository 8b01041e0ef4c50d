package dev.ecsguard.model;

import dev.ecsguard.tree.Origin;
import java.util.List;

/**
 * An ECS service.
 *
 * @param capacityProviders the providers its capacity provider strategy names
 * @param assignPublicIp {@code ENABLED} or {@code DISABLED} as AWS spells it, whatever the input's
 *     spelling
 * @param taskDefinitions see {@link Workload#taskDefinitions()}
 */
public record Service(
    String id,
    Origin origin,
    Value<String> launchType,
    Value<List<Value<String>>> capacityProviders,
    Value<String> platformVersion,
    Value<String> platformFamily,
    Value<String> assignPublicIp,
    Value<List<Tag>> tags,
    List<Value<TaskDefinitionLink>> taskDefinitions)
    implements Workload {

  @Override
  public ResourceType type() {
    return ResourceType.SERVICE;
  }
}
