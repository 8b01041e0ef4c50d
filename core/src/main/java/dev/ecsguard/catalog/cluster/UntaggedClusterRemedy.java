package dev.ecsguard.catalog.cluster;

import dev.ecsguard.control.TaggingRemedy;

/** ECS.14: a step only, as the values of a team's tags are theirs to choose. */
public final class UntaggedClusterRemedy extends TaggingRemedy {
  public UntaggedClusterRemedy() {
    super("cluster", "clusterName");
  }
}
