package dev.ecsguard.model;

import dev.ecsguard.tree.Origin;

/** One ECS resource, whatever input it came from. */
public sealed interface Resource permits TaskDefinition, Workload, Cluster, CapacityProvider {
  ResourceType type();

  /**
   * The ARN where the input has one, otherwise the family (task definitions) or the name; a
   * Terraform resource's full address; where it stands in its file when it has no name at all.
   */
  String id();

  Origin origin();
}
