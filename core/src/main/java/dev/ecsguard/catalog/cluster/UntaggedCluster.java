package dev.ecsguard.catalog.cluster;

import dev.ecsguard.control.ControlSpec;
import dev.ecsguard.control.ControlSpec.Parameter;
import dev.ecsguard.control.ParameterType;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.RequiredTags;
import dev.ecsguard.control.SecurityHubStandard;
import dev.ecsguard.control.Severity;
import dev.ecsguard.model.Cluster;
import dev.ecsguard.model.ResourceType;
import java.util.Optional;

@ControlSpec(
    id = "ECS.14",
    title = "Clusters must be tagged",
    severity = Severity.LOW,
    resourceType = ResourceType.CLUSTER,
    configRule = "tagged-ecs-cluster",
    standards = {SecurityHubStandard.RESOURCE_TAGGING},
    remediation = "Add tags (the required keys, when requiredTagKeys is set).",
    parameters =
        @Parameter(
            name = RequiredTags.PARAMETER,
            description = RequiredTags.DESCRIPTION,
            type = ParameterType.TAG_KEYS))
public final class UntaggedCluster extends RequiredTags<Cluster> {

  public UntaggedCluster() {
    super(Cluster.class, "cluster", Cluster::tags);
  }

  @Override
  public Optional<Remedy> remedy() {
    return Optional.of(new UntaggedClusterRemedy());
  }
}
