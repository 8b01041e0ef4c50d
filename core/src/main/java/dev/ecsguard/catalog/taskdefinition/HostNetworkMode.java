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

@ControlSpec(
    id = "ECS.17",
    title = "Task definitions must not use host network mode",
    severity = Severity.MEDIUM,
    resourceType = ResourceType.TASK_DEFINITION,
    configRule = "ecs-task-definition-network-mode-not-host",
    standards = {
      SecurityHubStandard.FOUNDATIONAL_SECURITY_BEST_PRACTICES,
      SecurityHubStandard.NIST_800_53
    },
    relatedRequirements = {
      "NIST.800-53.r5 AC-2(1)",
      "NIST.800-53.r5 AC-3",
      "NIST.800-53.r5 AC-3(7)",
      "NIST.800-53.r5 AC-3(15)",
      "NIST.800-53.r5 AC-5",
      "NIST.800-53.r5 AC-6"
    },
    remediation = "Set networkMode to awsvpc (or bridge) and map only the ports the task needs.")
public final class HostNetworkMode extends Control<TaskDefinition> {

  public HostNetworkMode() {
    super(TaskDefinition.class);
  }

  @Override
  protected Verdict evaluate(TaskDefinition taskDefinition, ParameterValues parameters) {
    return ForbiddenSetting.verdict(
        taskDefinition.networkMode(),
        "networkMode",
        "host",
        null, // the spec passes anything but host
        taskDefinition.origin(),
        "The task definition uses the host's network (networkMode is host)",
        "The task definition does not use host network mode.");
  }

  @Override
  public Optional<Remedy> remedy() {
    return Optional.of(new HostNetworkModeRemedy());
  }
}
