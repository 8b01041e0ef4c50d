package dev.ecsguard.catalog.service;

import dev.ecsguard.control.Decision;
import dev.ecsguard.control.JudgedTaskDefinition;
import dev.ecsguard.control.JudgedTaskDefinition.Judgement;
import dev.ecsguard.control.Scope;
import dev.ecsguard.model.Service;
import dev.ecsguard.model.TaskDefinitionLink;
import dev.ecsguard.model.Value;
import dev.ecsguard.model.Workload;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What ECSG.11 and ECSG.12 share: how they find the task definition a workload runs. */
final class Workloads {
  private Workloads() {}

  /** "service" or "task set", as messages name it. */
  static String what(Workload workload) {
    return workload instanceof Service ? "service" : "task set";
  }

  /**
   * The task definition {@code link} names, or empty after recording in {@code decision} why it
   * cannot be judged: the link cannot be read, or the scan does not hold what it names.
   */
  static Optional<JudgedTaskDefinition> find(
      Value<TaskDefinitionLink> link, Scope scope, Decision decision) {
    if (link.isUnknown()) {
      decision.unknown("its task definition", link);
      return Optional.empty();
    }
    Optional<JudgedTaskDefinition> found = scope.find(link.get());
    if (found.isEmpty()) {
      decision.unknown(
          "its task definition",
          Value.unknown(
              link.get().name()
                  + " is not in this scan (scan its describe-task-definition output, or the template"
                  + " or module that registers it, together with the service)",
              link.origin()));
    }
    return found;
  }

  /** {@code ECS.4 (title) and ECSG.2 (title)}. */
  static String named(List<Judgement> judgements) {
    return judgements.stream()
        .map(j -> j.control().id() + " (" + j.control().title() + ")")
        .collect(Collectors.joining(" and "));
  }
}
