package dev.ecsguard.model;

import dev.ecsguard.tree.Origin;
import java.util.List;

/**
 * A task definition as it is (or will be) registered: the latest revision of its family.
 *
 * @param taskRole taskRoleArn, the role the application's code runs as
 * @param executionRole executionRoleArn, the role the ECS agent pulls images and reads secrets with
 */
public record TaskDefinition(
    String id,
    Origin origin,
    Value<String> networkMode,
    Value<String> pidMode,
    Value<String> ipcMode,
    Value<String> operatingSystemFamily,
    Value<List<ContainerDefinition>> containers,
    Value<List<Volume>> volumes,
    Value<List<Tag>> tags,
    Value<RoleReference> taskRole,
    Value<RoleReference> executionRole)
    implements Resource {

  @Override
  public ResourceType type() {
    return ResourceType.TASK_DEFINITION;
  }
}
