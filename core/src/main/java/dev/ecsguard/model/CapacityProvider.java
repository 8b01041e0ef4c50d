package dev.ecsguard.model;

import dev.ecsguard.tree.Origin;
import java.util.List;

/**
 * An ECS capacity provider.
 *
 * @param onAutoScalingGroup whether it is backed by an Auto Scaling group (not Fargate, not managed
 *     instances)
 */
public record CapacityProvider(
    String id,
    Origin origin,
    Value<Boolean> onAutoScalingGroup,
    Value<String> managedTerminationProtection,
    Value<List<Tag>> tags)
    implements Resource {

  @Override
  public ResourceType type() {
    return ResourceType.CAPACITY_PROVIDER;
  }
}
