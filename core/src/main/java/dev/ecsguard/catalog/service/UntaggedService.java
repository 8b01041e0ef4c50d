package dev.ecsguard.catalog.service;

import dev.ecsguard.control.ControlSpec;
import dev.ecsguard.control.ControlSpec.Parameter;
import dev.ecsguard.control.ParameterType;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.RequiredTags;
import dev.ecsguard.control.SecurityHubStandard;
import dev.ecsguard.control.Severity;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.Service;
import java.util.Optional;

@ControlSpec(
    id = "ECS.13",
    title = "Services must be tagged",
    severity = Severity.LOW,
    resourceType = ResourceType.SERVICE,
    configRule = "tagged-ecs-service",
    standards = {SecurityHubStandard.RESOURCE_TAGGING},
    remediation = "Add tags (the required keys, when requiredTagKeys is set).",
    parameters =
        @Parameter(
            name = RequiredTags.PARAMETER,
            description = RequiredTags.DESCRIPTION,
            type = ParameterType.TAG_KEYS))
public final class UntaggedService extends RequiredTags<Service> {

  public UntaggedService() {
    super(Service.class, "service", Service::tags);
  }

  @Override
  public Optional<Remedy> remedy() {
    return Optional.of(new UntaggedServiceRemedy());
  }
}
