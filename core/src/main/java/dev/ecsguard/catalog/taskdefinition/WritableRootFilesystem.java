package dev.ecsguard.catalog.taskdefinition;

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
    id = "ECS.5",
    title = "Containers must have read-only root filesystems",
    severity = Severity.HIGH,
    resourceType = ResourceType.TASK_DEFINITION,
    configRule = "ecs-containers-readonly-access",
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
        "Set readonlyRootFilesystem to true on every container and mount a writable volume where the application must write (such as /tmp).",
    outOfScope =
        "Windows task definitions (runtimePlatform.operatingSystemFamily WINDOWS_SERVER_*)")
public final class WritableRootFilesystem extends PlatformScopedControl {

  public WritableRootFilesystem() {
    super(Platforms.ALL_BUT_WINDOWS);
  }

  @Override
  protected Verdict evaluateInScope(TaskDefinition taskDefinition, ParameterValues parameters) {
    Decision decision = new Decision(taskDefinition.origin());
    for (ContainerDefinition container : TaskDefinitions.containers(taskDefinition, decision)) {
      Value<Boolean> readOnly = container.readonlyRootFilesystem();
      if (readOnly.isAbsent()) {
        decision.fail(
            container.label(),
            readOnly.origin(),
            "can write to its root filesystem (readonlyRootFilesystem is not set)");
      } else if (readOnly.is(false)) {
        decision.fail(
            container.label(),
            readOnly.origin(),
            "can write to its root filesystem (readonlyRootFilesystem is false)");
      } else {
        decision.unknownIf(container.label(), readOnly);
      }
    }
    return decision.verdict("Every container has a read-only root filesystem.");
  }

  @Override
  public Optional<Remedy> remedy() {
    return Optional.of(new WritableRootFilesystemRemedy());
  }
}
