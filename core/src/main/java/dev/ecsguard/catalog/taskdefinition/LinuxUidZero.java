package dev.ecsguard.catalog.taskdefinition;

import dev.ecsguard.control.ControlSpec;
import dev.ecsguard.control.Decision;
import dev.ecsguard.control.ParameterValues;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.Severity;
import dev.ecsguard.control.Status;
import dev.ecsguard.control.Verdict;
import dev.ecsguard.model.ContainerDefinition;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.TaskDefinition;
import dev.ecsguard.model.Value;
import java.util.Optional;

@ControlSpec(
    id = "ECSG.1",
    title = "Linux containers must not run as UID 0 under any spelling",
    severity = Severity.MEDIUM,
    resourceType = ResourceType.TASK_DEFINITION,
    remediation =
        "Set user to a non-zero UID or a non-root name, for example 1000:1000; the group part may stay.",
    outOfScope = "Windows task definitions, and task definitions in which no container sets user")
public final class LinuxUidZero extends PlatformScopedControl {

  public LinuxUidZero() {
    super(Platforms.ALL_BUT_WINDOWS);
  }

  @Override
  protected Verdict evaluateInScope(TaskDefinition taskDefinition, ParameterValues parameters) {
    Decision decision = new Decision(taskDefinition.origin());
    boolean anyUser = false;
    for (ContainerDefinition container : TaskDefinitions.containers(taskDefinition, decision)) {
      Value<String> user = container.user();
      anyUser |= user.isKnown();
      if (user.isKnown() && isUidZero(user.get())) {
        decision.fail(
            container.label(), user.origin(), "runs as UID 0 (user is \"" + user.get() + "\")");
      } else {
        decision.unknownIf(container.label(), user);
      }
    }
    Verdict verdict = decision.verdict("No container that names a user runs as UID 0.");
    if (!anyUser && verdict.status() == Status.PASSED) {
      return Verdict.notApplicable(
          "No container sets user; ECS.20 judges containers without one.", taskDefinition.origin());
    }
    return verdict;
  }

  /** The user part (before any ':group') is root, or a number equal to 0 such as 0 or 000. */
  public static boolean isUidZero(String user) {
    int colon = user.indexOf(':');
    String name = colon < 0 ? user : user.substring(0, colon);
    return name.equals("root") || (!name.isEmpty() && name.chars().allMatch(c -> c == '0'));
  }

  @Override
  public Optional<Remedy> remedy() {
    return Optional.of(new LinuxRootUserRemedy());
  }
}
