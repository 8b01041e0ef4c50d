package dev.ecsguard.catalog.taskdefinition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.control.Decision;
import dev.ecsguard.model.ContainerDefinition;
import dev.ecsguard.model.EnvironmentVariable;
import dev.ecsguard.model.TaskDefinition;
import dev.ecsguard.model.Value;
import java.util.List;
import java.util.function.BiConsumer;

/** What several task-definition controls read the same way. */
final class TaskDefinitions {
  private TaskDefinitions() {}

  /**
   * For the remedies: whether a task definition in the API's shape runs on Windows, where the
   * Linux-only steps do not apply.
   */
  static boolean windows(ObjectNode task) {
    return task.path("runtimePlatform")
        .path("operatingSystemFamily")
        .asText("")
        .startsWith("WINDOWS_SERVER");
  }

  /**
   * The containers to judge. Missing or unreadable container definitions are recorded as unknown: a
   * task definition without readable containers is never PASSED.
   */
  static List<ContainerDefinition> containers(TaskDefinition taskDefinition, Decision decision) {
    Value<List<ContainerDefinition>> containers = taskDefinition.containers();
    if (containers.isUnknown()) {
      decision.unknown(null, containers);
    } else if (containers.isAbsent()) {
      decision.unknown(
          null,
          Value.unknown(
              "containerDefinitions is not set, so there is no container to check",
              taskDefinition.origin()));
    } else if (containers.get().isEmpty()) {
      decision.unknown(
          null,
          Value.unknown(
              "containerDefinitions is empty, so there is no container to check",
              containers.origin()));
    }
    return containers.orElse(List.of());
  }

  /**
   * Each environment variable of each container to judge, with its container; an environment that
   * cannot be read is recorded as unknown for its container.
   */
  static void environment(
      TaskDefinition taskDefinition,
      Decision decision,
      BiConsumer<ContainerDefinition, EnvironmentVariable> variable) {
    for (ContainerDefinition container : containers(taskDefinition, decision)) {
      if (!decision.unknownIf(container.label(), container.environment())) {
        container.environment().orElse(List.of()).forEach(each -> variable.accept(container, each));
      }
    }
  }

  /** Windows families are spelled WINDOWS_SERVER_2019_FULL and the like. */
  static boolean isWindows(String operatingSystemFamily) {
    return operatingSystemFamily.startsWith("WINDOWS_SERVER");
  }
}
