package dev.ecsguard.catalog.taskdefinition;

import com.fasterxml.jackson.databind.node.ObjectNode;
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

  /** For the remedies: whether a task definition in the API's shape runs on Windows, where the Linux-only steps do not apply. */
  static boolean windows(ObjectNode task) {
    return task.path("runtimePlatform").path("operatingSystemFamily").asText("").startsWith("WINDOWS_SERVER");
  }

  /**
   * The containers to judge. Missing or unreadable container definitions are recorded as unknown:
   * a task definition without readable containers is never PASSED.
   */
  static List<ContainerDefinition> containers(TaskDefinition taskDefinition, Decision decision) {
    Value<List<ContainerDefinition>> containers = taskDefinition.containers();
    if (containers.isUnknown()) {
      decision.unknown(null, containers);
    } else if (containers.isAbsent()) {
      decision.unknown(null, Value.unknown("containerDefinitions is not set, so there is no container to check", taskDefinition.origin()));
    } else if (containers.get().isEmpty()) {
      decision.unknown(null, Value.unknown("containerDefinitions is empty, so there is no container to check", containers.origin()));
    }
    return containers.orElse(List.of());
  }

  /**
   * The verdict for a task definition outside the operating systems a control judges, or null when
   * the control should go on: the family is not set or {@code inScope} accepts it. A family that
   * {@code outOfScope} accepts is NOT_APPLICABLE; one that neither accepts (not a family AWS knows,
   * such as {@code linux}), or one that cannot be read, is UNKNOWN rather than a guess.
   */
  static Verdict platformScope(
      TaskDefinition taskDefinition, Predicate<String> inScope, Predicate<String> outOfScope, String outOfScopeMessage) {
    Value<String> family = taskDefinition.operatingSystemFamily();
    if (family.isAbsent() || family.isKnown() && inScope.test(family.get())) {
      return null;
    }
    if (family.isKnown() && outOfScope.test(family.get())) {
      return Verdict.notApplicable(outOfScopeMessage + " (operatingSystemFamily is " + family.get() + ").", family.origin());
    }
    Decision decision = new Decision(taskDefinition.origin());
    decision.unknown(
        null,
        family.isUnknown()
            ? family
            : Value.unknown(
                "operatingSystemFamily \"" + family.get() + "\" is neither LINUX nor a WINDOWS_SERVER family, so the scope is unclear",
                family.origin()));
    return decision.verdict("");
  }

  /** {@link #platformScope} for the controls that judge every task definition but Windows ones. */
  static Verdict windowsOutOfScope(TaskDefinition taskDefinition) {
    return platformScope(
        taskDefinition, family -> !isWindows(family), TaskDefinitions::isWindows, "Windows task definitions are out of scope");
  }

  /** Windows families are spelled WINDOWS_SERVER_2019_FULL and the like. */
  static boolean isWindows(String operatingSystemFamily) {
    return operatingSystemFamily.startsWith("WINDOWS_SERVER");
  }
}
