package dev.ecsguard.catalog.capacityprovider;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.RemedyContext;

/**
 * ECS.19: managed termination protection on, where managed scaling is on; without it, the setting
 * is refused.
 */
public final class UnprotectedCapacityProviderRemedy extends Remedy {
  @Override
  public void resource(ObjectNode provider, RemedyContext context) {
    if (provider.get("autoScalingGroupProvider") instanceof ObjectNode group
        && "ENABLED".equals(group.path("managedScaling").path("status").asText())) {
      group.put("managedTerminationProtection", "ENABLED");
    }
  }
}
