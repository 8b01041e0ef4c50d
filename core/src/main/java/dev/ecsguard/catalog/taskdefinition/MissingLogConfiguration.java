package dev.ecsguard.catalog.taskdefinition;

import dev.ecsguard.control.Control;
import dev.ecsguard.control.ControlSpec;
import dev.ecsguard.control.Decision;
import dev.ecsguard.control.ParameterValues;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.SecurityHubStandard;
import dev.ecsguard.control.Severity;
import dev.ecsguard.control.Verdict;
import dev.ecsguard.model.ContainerDefinition;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.TaskDefinition;
import dev.ecsguard.model.Value;
import java.util.Optional;

@ControlSpec(
    id = "ECS.9",
    title = "Every container must have a logging configuration",
    severity = Severity.HIGH,
    resourceType = ResourceType.TASK_DEFINITION,
    configRule = "ecs-task-definition-log-configuration",
    standards = {
      SecurityHubStandard.FOUNDATIONAL_SECURITY_BEST_PRACTICES,
      SecurityHubStandard.NIST_800_53
    },
    relatedRequirements = {
      "NIST.800-53.r5 AC-4(26)",
      "NIST.800-53.r5 AU-10",
      "NIST.800-53.r5 AU-12",
      "NIST.800-53.r5 AU-2",
      "NIST.800-53.r5 AU-3",
      "NIST.800-53.r5 AU-6(3)",
      "NIST.800-53.r5 AU-6(4)",
      "NIST.800-53.r5 CA-7",
      "NIST.800-53.r5 SC-7(9)",
      "NIST.800-53.r5 SI-7(8)"
    },
    remediation =
        "Give every container, FireLens log routers included, a logConfiguration with a logDriver (for example awslogs).")
public final class MissingLogConfiguration extends Control<TaskDefinition> {

  public MissingLogConfiguration() {
    super(TaskDefinition.class);
  }

  @Override
  protected Verdict evaluate(TaskDefinition taskDefinition, ParameterValues parameters) {
    Decision decision = new Decision(taskDefinition.origin());
    for (ContainerDefinition container : TaskDefinitions.containers(taskDefinition, decision)) {
      Value<String> logDriver = container.logDriver();
      if (logDriver.isAbsent()) {
        // An absent driver points at the element that would hold it: the container itself when
        // logConfiguration is missing, else the logConfiguration object.
        boolean noConfiguration = logDriver.origin() == container.origin();
        decision.fail(
            container.label(),
            logDriver.origin(),
            noConfiguration
                ? "has no logConfiguration"
                : "has a logConfiguration without a logDriver");
      } else {
        decision.unknownIf(container.label(), logDriver);
      }
    }
    return decision.verdict("Every container has a logging configuration.");
  }

  @Override
  public Optional<Remedy> remedy() {
    return Optional.of(new MissingLogConfigurationRemedy());
  }
}
