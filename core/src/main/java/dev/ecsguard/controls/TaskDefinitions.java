package dev.ecsguard.controls;

import dev.ecsguard.control.Decision;
import dev.ecsguard.control.Verdict;
import dev.ecsguard.model.ContainerDefinition;
import dev.ecsguard.model.TaskDefinition;
import dev.ecsguard.model.Value;
import java.util.List;
import java.util.function.Predicate;

/** What several task-definition controls read the same way. */
final class TaskDefinitions {
  private TaskDefinitions() {}

  /**
   * The containers to judge. Missing or unreadable container definitions are recorded as unknown:
   * a task definition without readable containers is never PASSED.
   */
  static List<ContainerDefinition> containers(TaskDefinition taskDefinition, Decision decision) {
    Value<List<ContainerDefinition>> containers = taskDefinition.containers();
    if (containers.isUnknown()) {
      decision.unknown(null, containers);
    } else if (containers.orElse(List.of()).isEmpty()) {
      decision.unknown(null, Value.unknown("containerDefinitions is not set, so there is no container to check", taskDefinition.origin()));
    }
    return containers.orElse(List.of());
  }

  /**
   * The verdict for a task definition outside the operating systems a control judges: UNKNOWN when
   * the family cannot be read, NOT_APPLICABLE when it is set and {@code inScope} rejects it, and
   * null when the control should go on (the family fits, or is not set).
   */
  static Verdict platformScope(TaskDefinition taskDefinition, Predicate<String> inScope, String outOfScope) {
    Value<String> family = taskDefinition.operatingSystemFamily();
    if (family.isUnknown()) {
      Decision decision = new Decision(taskDefinition.origin());
      decision.unknown(null, family);
      return decision.verdict("");
    }
    if (family.isKnown() && !inScope.test(family.get())) {
      return Verdict.notApplicable(outOfScope + " (operatingSystemFamily is " + family.get() + ").", family.origin());
    }
    return null;
  }

  /** {@link #platformScope} for the controls that judge every task definition but Windows ones. */
  static Verdict windowsOutOfScope(TaskDefinition taskDefinition) {
    return platformScope(taskDefinition, family -> !isWindows(family), "Windows task definitions are out of scope");
  }

  /** Windows families are spelled WINDOWS_SERVER_2019_FULL and the like. */
  static boolean isWindows(String operatingSystemFamily) {
    return operatingSystemFamily.startsWith("WINDOWS_SERVER");
  }

  /** "is not set" or {@code is "VALUE"}, for messages about plain settings (never secrets). */
  static String describe(String field, Value<String> value) {
    return value.isKnown() ? field + " is \"" + value.get() + "\"" : field + " is not set";
  }
}
