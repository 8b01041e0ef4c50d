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
    id = "ECS.20",
    title = "Linux containers must name a non-root user",
    severity = Severity.MEDIUM,
    resourceType = ResourceType.TASK_DEFINITION,
    configRule = "ecs-task-definition-linux-user-non-root",
    standards = {SecurityHubStandard.FOUNDATIONAL_SECURITY_BEST_PRACTICES},
    remediation = "Set user on every container to a non-root user or UID, for example 1000:1000.",
    outOfScope = "Windows task definitions (operatingSystemFamily WINDOWS_SERVER_*)")
public final class LinuxRootUser extends PlatformScopedControl {

  public LinuxRootUser() {
    super(Platforms.LINUX);
  }

  @Override
  protected Verdict evaluateInScope(TaskDefinition taskDefinition, ParameterValues parameters) {
    Decision decision = new Decision(taskDefinition.origin());
    for (ContainerDefinition container : TaskDefinitions.containers(taskDefinition, decision)) {
      Value<String> user = container.user();
      if (user.isAbsent()) {
        decision.fail(
            container.label(),
            user.origin(),
            "does not set user, so it runs as the image's user (root unless the image says otherwise)");
      } else if (user.is("root") || user.is("0")) {
        decision.fail(
            container.label(), user.origin(), "runs as root (user is \"" + user.get() + "\")");
      } else {
        decision.unknownIf(container.label(), user);
      }
    }
    return decision.verdict("Every container names a non-root user.");
  }

  @Override
  public Optional<Remedy> remedy() {
    return Optional.of(new LinuxRootUserRemedy());
  }
}
