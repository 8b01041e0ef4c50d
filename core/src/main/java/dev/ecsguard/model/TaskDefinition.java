package dev.ecsguard.model;

import dev.ecsguard.tree.Origin;
import java.util.List;

/**
 * A task definition as it is (or will be) registered: the latest revision of its family, unless the
 * input names its revision (describe output), when it may be an older one.
 *
 * @param taskRole taskRoleArn, the role the application's code runs as
 * @param executionRole executionRoleArn, the role the ECS agent pulls images and reads secrets with
 * @param family its family; absent where a template leaves the name to CloudFormation
 * @param revision its revision number, known only where the input has it (describe output, a plan
 *     of a revision that stays); absent for what is yet to be registered
 * @param arn its ARN with the revision, where the input has it
 * @param key what links of the same input that reference this resource carry ({@link
 *     TaskDefinitionLink#key()}): made by the reader, unique in a scan; null when the input has no
 *     such references (ECS API JSON)
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
    Value<RoleReference> executionRole,
    Value<String> family,
    Value<Integer> revision,
    Value<String> arn,
    String key)
    implements Resource {

  @Override
  public ResourceType type() {
    return ResourceType.TASK_DEFINITION;
  }
}
