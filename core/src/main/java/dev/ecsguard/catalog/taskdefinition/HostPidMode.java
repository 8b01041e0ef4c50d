package dev.ecsguard.catalog.taskdefinition;

import dev.ecsguard.control.Control;
import dev.ecsguard.control.ControlSpec;
import dev.ecsguard.control.ForbiddenSetting;
import dev.ecsguard.control.ParameterValues;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.SecurityHubStandard;
import dev.ecsguard.control.Severity;
import dev.ecsguard.control.Verdict;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.TaskDefinition;
import java.util.Optional;
import java.util.Set;

@ControlSpec(
    id = "ECS.3",
    title = "Task definitions must not share the host's process namespace",
    severity = Severity.HIGH,
    resourceType = ResourceType.TASK_DEFINITION,
    configRule = "ecs-task-definition-pid-mode-check",
    standards = {
      SecurityHubStandard.FOUNDATIONAL_SECURITY_BEST_PRACTICES,
      SecurityHubStandard.NIST_800_53
    },
    relatedRequirements = {"NIST.800-53.r5 CA-9(1)", "NIST.800-53.r5 CM-2"},
    remediation = "Remove pidMode or set it to task.")
public final class HostPidMode extends Control<TaskDefinition> {

  public HostPidMode() {
    super(TaskDefinition.class);
  }

  @Override
  protected Verdict evaluate(TaskDefinition taskDefinition, ParameterValues parameters) {
    return ForbiddenSetting.verdict(
        taskDefinition.pidMode(),
        "pidMode",
        "host",
        Set.of("task"),
        taskDefinition.origin(),
        "The task definition shares the host's process namespace (pidMode is host)",
        "The task definition does not share the host's process namespace.");
  }

  @Override
  public Optional<Remedy> remedy() {
    return Optional.of(new HostPidModeRemedy());
  }
}
