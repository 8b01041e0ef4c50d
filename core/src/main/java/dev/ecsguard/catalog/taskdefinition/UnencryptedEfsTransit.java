package dev.ecsguard.catalog.taskdefinition;

import dev.ecsguard.control.Control;
import dev.ecsguard.control.ControlSpec;
import dev.ecsguard.control.ControlSpec.Parameter;
import dev.ecsguard.control.Decision;
import dev.ecsguard.control.ParameterType;
import dev.ecsguard.control.ParameterValues;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.SecurityHubStandard;
import dev.ecsguard.control.Severity;
import dev.ecsguard.control.Status;
import dev.ecsguard.control.Verdict;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.TaskDefinition;
import dev.ecsguard.model.Value;
import dev.ecsguard.model.Volume;
import java.util.List;
import java.util.Optional;

@ControlSpec(
    id = "ECS.18",
    title = "EFS volumes must encrypt data in transit",
    severity = Severity.MEDIUM,
    resourceType = ResourceType.TASK_DEFINITION,
    configRule = "ecs-task-definition-efs-encryption-enabled",
    standards = {SecurityHubStandard.FOUNDATIONAL_SECURITY_BEST_PRACTICES},
    remediation = "Set efsVolumeConfiguration.transitEncryption to ENABLED on every EFS volume.",
    outOfScope = "task definitions without an EFS volume",
    parameters =
        @Parameter(
            name = "withoutEfsVolumes",
            description =
                "The verdict for a task definition with no EFS volume: NOT_APPLICABLE or PASSED.",
            type = ParameterType.NOTHING_TO_JUDGE,
            defaultValue = "NOT_APPLICABLE"))
public final class UnencryptedEfsTransit extends Control<TaskDefinition> {

  public UnencryptedEfsTransit() {
    super(TaskDefinition.class);
  }

  @Override
  protected Verdict evaluate(TaskDefinition taskDefinition, ParameterValues parameters) {
    Decision decision = new Decision(taskDefinition.origin());
    boolean anyEfs = false;
    decision.unknownIf(null, taskDefinition.volumes());
    for (Volume volume : taskDefinition.volumes().orElse(List.of())) {
      if (decision.unknownIf(volume.label(), volume.onEfs()) || !volume.onEfs().get()) {
        continue;
      }
      anyEfs = true;
      Value<String> encryption = volume.efsTransitEncryption();
      if (!encryption.is("ENABLED") && !decision.unknownIf(volume.label(), encryption)) {
        decision.fail(
            volume.label(),
            encryption.origin(),
            "mounts EFS without encryption in transit ("
                + (encryption.isAbsent()
                    ? "transitEncryption is not set, and defaults to DISABLED"
                    : encryption.is("DISABLED")
                        ? "transitEncryption is DISABLED"
                        // "enabled" reads as on, but AWS spells it ENABLED and compares it as
                        // written
                        : "transitEncryption is \"" + encryption.get() + "\", not ENABLED")
                + ")");
      }
    }
    if (!anyEfs && !decision.failed()) {
      Verdict unknown = decision.verdict("");
      if (unknown.status() == Status.UNKNOWN) {
        return unknown;
      }
      String message = "The task definition has no EFS volume.";
      return parameters.status("withoutEfsVolumes") == Status.PASSED
          ? Verdict.passed(message, taskDefinition.origin())
          : Verdict.notApplicable(message, taskDefinition.origin());
    }
    return decision.verdict("Every EFS volume encrypts data in transit.");
  }

  @Override
  public Optional<Remedy> remedy() {
    return Optional.of(new UnencryptedEfsTransitRemedy());
  }
}
