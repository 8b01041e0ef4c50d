package dev.ecsguard.catalog.taskdefinition;

import dev.ecsguard.control.Control;
import dev.ecsguard.control.ControlSpec;
import dev.ecsguard.control.Decision;
import dev.ecsguard.control.ParameterValues;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.Severity;
import dev.ecsguard.control.Verdict;
import dev.ecsguard.model.ContainerDefinition;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.TaskDefinition;
import dev.ecsguard.model.Value;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

@ControlSpec(
    id = "ECSG.10",
    title = "Containers must not weaken their security options",
    severity = Severity.HIGH,
    resourceType = ResourceType.TASK_DEFINITION,
    remediation =
        "Remove apparmor:unconfined, seccomp:unconfined, label:disable and no-new-privileges:false from dockerSecurityOptions.")
public final class WeakenedSecurityOptions extends Control<TaskDefinition> {
  /** Each in the form {@link #weakens} compares: lower case, ':' between option and value. */
  private static final Set<String> WEAKENING =
      Set.of(
          "apparmor:unconfined", "seccomp:unconfined", "label:disable", "no-new-privileges:false");

  public WeakenedSecurityOptions() {
    super(TaskDefinition.class);
  }

  @Override
  protected Verdict evaluate(TaskDefinition taskDefinition, ParameterValues parameters) {
    Decision decision = new Decision(taskDefinition.origin());
    for (ContainerDefinition container : TaskDefinitions.containers(taskDefinition, decision)) {
      Value<List<Value<String>>> options = container.dockerSecurityOptions();
      decision.unknownIf(container.label(), options);
      for (Value<String> option : options.orElse(List.of())) {
        if (option.isKnown() && weakens(option.get())) {
          decision.fail(
              container.label(),
              option.origin(),
              "weakens its confinement (dockerSecurityOptions holds \"" + option.get() + "\")");
        } else {
          decision.unknownIf(container.label(), option);
        }
      }
    }
    return decision.verdict("No container weakens its security options.");
  }

  /**
   * Whether {@code option} turns confinement off; Docker takes both separators, {@code
   * label=disable} and {@code label:disable}.
   */
  static boolean weakens(String option) {
    return WEAKENING.contains(option.toLowerCase(Locale.ROOT).replaceFirst("=", ":"));
  }

  @Override
  public Optional<Remedy> remedy() {
    return Optional.of(new WeakenedSecurityOptionsRemedy());
  }
}
