package dev.ecsguard.catalog.taskdefinition;

import dev.ecsguard.control.ControlSpec;
import dev.ecsguard.control.ControlSpec.Parameter;
import dev.ecsguard.control.Decision;
import dev.ecsguard.control.ParameterType;
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
    id = "ECS.21",
    title = "Windows containers must name a non-administrator user",
    severity = Severity.MEDIUM,
    resourceType = ResourceType.TASK_DEFINITION,
    configRule = "ecs-task-definition-windows-user-non-admin",
    standards = {SecurityHubStandard.FOUNDATIONAL_SECURITY_BEST_PRACTICES},
    remediation =
        "Set user on every container to a non-administrator account, for example ContainerUser.",
    outOfScope = "Linux task definitions (operatingSystemFamily LINUX)",
    parameters =
        @Parameter(
            name = "caseInsensitiveUser",
            description =
                "Whether ContainerAdministrator is matched in any letter case, as Windows account names are.",
            type = ParameterType.BOOLEAN,
            defaultValue = "true"))
public final class WindowsAdministratorUser extends PlatformScopedControl {
  private static final String ADMINISTRATOR = "containeradministrator";

  public WindowsAdministratorUser() {
    super(Platforms.WINDOWS);
  }

  @Override
  protected Verdict evaluateInScope(TaskDefinition taskDefinition, ParameterValues parameters) {
    Decision decision = new Decision(taskDefinition.origin());
    boolean anyCase = parameters.flag("caseInsensitiveUser");
    // Without a platform, AWS judges the task definition as possibly Windows: say so, or a Linux
    // user wonders why a Windows control fails.
    String unsetPlatform =
        taskDefinition.operatingSystemFamily().isAbsent()
            ? " (runtimePlatform.operatingSystemFamily is not set, so it may run on Windows; set it to LINUX if it cannot)"
            : "";
    for (ContainerDefinition container : TaskDefinitions.containers(taskDefinition, decision)) {
      Value<String> user = container.user();
      if (user.isAbsent()) {
        decision.fail(
            container.label(),
            user.origin(),
            "does not set user, so it runs as the image's default account" + unsetPlatform);
      } else if (user.isKnown()
          && (anyCase
              ? user.get().equalsIgnoreCase(ADMINISTRATOR)
              : user.get().equals(ADMINISTRATOR))) {
        decision.fail(
            container.label(),
            user.origin(),
            "runs as the administrator (user is \"" + user.get() + "\")" + unsetPlatform);
      } else {
        decision.unknownIf(container.label(), user);
      }
    }
    return decision.verdict("Every container names a non-administrator user.");
  }

  @Override
  public Optional<Remedy> remedy() {
    return Optional.of(new WindowsAdministratorUserRemedy());
  }
}
