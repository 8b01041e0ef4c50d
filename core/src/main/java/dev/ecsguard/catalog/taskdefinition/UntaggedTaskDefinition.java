package dev.ecsguard.catalog.taskdefinition;

import dev.ecsguard.control.ControlSpec;
import dev.ecsguard.control.ControlSpec.Parameter;
import dev.ecsguard.control.ParameterType;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.RequiredTags;
import dev.ecsguard.control.SecurityHubStandard;
import dev.ecsguard.control.Severity;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.TaskDefinition;
import java.util.Optional;

@ControlSpec(
    id = "ECS.15",
    title = "Task definitions must be tagged",
    severity = Severity.LOW,
    resourceType = ResourceType.TASK_DEFINITION,
    configRule = "tagged-ecs-taskdefinition",
    standards = {SecurityHubStandard.RESOURCE_TAGGING},
    remediation = "Add tags (the required keys, when requiredTagKeys is set).",
    parameters =
        @Parameter(
            name = RequiredTags.PARAMETER,
            description = RequiredTags.DESCRIPTION,
            type = ParameterType.TAG_KEYS))
public final class UntaggedTaskDefinition extends RequiredTags<TaskDefinition> {

  public UntaggedTaskDefinition() {
    super(TaskDefinition.class, "task definition", TaskDefinition::tags);
  }

  @Override
  public Optional<Remedy> remedy() {
    return Optional.of(new UntaggedTaskDefinitionRemedy());
  }
}
