package dev.ecsguard.controls;

import dev.ecsguard.control.Decision;
import dev.ecsguard.model.ContainerDefinition;
import dev.ecsguard.model.TaskDefinition;
import dev.ecsguard.model.Value;
import java.util.List;

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

  /** Windows families are spelled WINDOWS_SERVER_2019_FULL and the like. */
  static boolean isWindows(String operatingSystemFamily) {
    return operatingSystemFamily.startsWith("WINDOWS_SERVER");
  }

  /** "is not set" or {@code is "VALUE"}, for messages about plain settings (never secrets). */
  static String describe(String field, Value<String> value) {
    return value.isKnown() ? field + " is \"" + value.get() + "\"" : field + " is not set";
  }
}
