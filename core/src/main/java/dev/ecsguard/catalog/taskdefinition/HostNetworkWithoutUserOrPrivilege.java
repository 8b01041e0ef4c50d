package dev.ecsguard.catalog.taskdefinition;

import dev.ecsguard.control.Control;
import dev.ecsguard.control.ControlSpec;
import dev.ecsguard.control.Decision;
import dev.ecsguard.control.ForbiddenSetting;
import dev.ecsguard.control.ParameterValues;
import dev.ecsguard.control.SecurityHubStandard;
import dev.ecsguard.control.Severity;
import dev.ecsguard.control.Verdict;
import dev.ecsguard.model.ContainerDefinition;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.TaskDefinition;
import dev.ecsguard.model.Value;

@ControlSpec(
    id = "ECS.1",
    title = "Host-network task definitions must name a non-root user or run privileged on purpose",
    severity = Severity.HIGH,
    resourceType = ResourceType.TASK_DEFINITION,
    configRule = "ecs-task-definition-user-for-host-mode-check",
    standards = {
      SecurityHubStandard.FOUNDATIONAL_SECURITY_BEST_PRACTICES,
      SecurityHubStandard.NIST_800_53
    },
    relatedRequirements = {
      "NIST.800-53.r5 AC-2(1)",
      "NIST.800-53.r5 AC-3",
      "NIST.800-53.r5 AC-3(15)",
      "NIST.800-53.r5 AC-3(7)",
      "NIST.800-53.r5 AC-5",
      "NIST.800-53.r5 AC-6"
    },
    remediation =
        "Set a non-root user on every container, or leave host networking (networkMode awsvpc or bridge).",
    retired = true)
public final class HostNetworkWithoutUserOrPrivilege extends Control<TaskDefinition> {

  public HostNetworkWithoutUserOrPrivilege() {
    super(TaskDefinition.class);
  }

  @Override
  protected Verdict evaluate(TaskDefinition taskDefinition, ParameterValues parameters) {
    Decision decision = new Decision(taskDefinition.origin());
    Value<String> networkMode = taskDefinition.networkMode();
    if (decision.unknownIf(null, networkMode) || !networkMode.is("host")) {
      return decision.verdict("The task definition does not use host networking.");
    }
    for (ContainerDefinition container : TaskDefinitions.containers(taskDefinition, decision)) {
      Value<String> user = container.user();
      boolean rootOrUnset = user.isAbsent() || user.is("root") || user.is("0");
      if (container.privileged().is(true) || (user.isKnown() && !rootOrUnset)) {
        continue;
      }
      if (decision.unknownIf(container.label(), user)
          || decision.unknownIf(container.label(), container.privileged())) {
        continue;
      }
      decision.fail(
          container.label(),
          user.origin(),
          "shares the host's network without privileged mode and "
              + ForbiddenSetting.describe("user", user));
    }
    return decision.verdict(
        "Every container on the host network names a non-root user or runs privileged on purpose.");
  }
}
