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
import java.util.Optional;

@ControlSpec(
    id = "ECS.4",
    title = "Containers must not run privileged",
    severity = Severity.HIGH,
    resourceType = ResourceType.TASK_DEFINITION,
    configRule = "ecs-containers-nonprivileged",
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
        "Remove privileged (or set it to false) and grant only the Linux capabilities the container needs with linuxParameters.capabilities.add.")
public final class PrivilegedContainer extends Control<TaskDefinition> {

  public PrivilegedContainer() {
    super(TaskDefinition.class);
  }

  @Override
  protected Verdict evaluate(TaskDefinition taskDefinition, ParameterValues parameters) {
    Decision decision = new Decision(taskDefinition.origin());
    for (ContainerDefinition container : TaskDefinitions.containers(taskDefinition, decision)) {
      if (container.privileged().is(true)) {
        decision.fail(
            container.label(),
            container.privileged().origin(),
            "runs privileged (privileged is true)");
      } else {
        decision.unknownIf(container.label(), container.privileged());
      }
    }
    return decision.verdict("No container runs privileged.");
  }

  @Override
  public Optional<Remedy> remedy() {
    return Optional.of(new PrivilegedContainerRemedy());
  }
}
