package dev.ecsguard.model;

import dev.ecsguard.tree.Origin;
import java.util.List;

/** An ECS cluster; {@code containerInsights} is the value of that cluster setting. */
public record Cluster(
    String id, Origin origin, Value<String> containerInsights, Value<List<Tag>> tags)
    implements Resource {

  @Override
  public ResourceType type() {
    return ResourceType.CLUSTER;
  }
}
