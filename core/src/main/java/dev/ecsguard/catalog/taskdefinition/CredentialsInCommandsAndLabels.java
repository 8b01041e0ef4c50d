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
import dev.ecsguard.model.SettingCredential;
import dev.ecsguard.model.TaskDefinition;
import dev.ecsguard.model.Value;
import java.util.Optional;

@ControlSpec(
    id = "ECSG.6",
    title =
        "Containers must not hold credentials in commands, entry points, health checks or Docker labels",
    severity = Severity.HIGH,
    resourceType = ResourceType.TASK_DEFINITION,
    remediation =
        "Rotate the credential and pass it through secrets (valueFrom), read by the process from its environment or a file, instead of writing it into the command or a label.")
public final class CredentialsInCommandsAndLabels extends Control<TaskDefinition> {

  public CredentialsInCommandsAndLabels() {
    super(TaskDefinition.class);
  }

  @Override
  protected Verdict evaluate(TaskDefinition taskDefinition, ParameterValues parameters) {
    Decision decision = new Decision(taskDefinition.origin());
    for (ContainerDefinition container : TaskDefinitions.containers(taskDefinition, decision)) {
      for (SettingCredential found : container.settingCredentials()) {
        Value<?> kind = found.kind();
        if (found.setting() == null) { // the container itself is unreadable
          decision.unknown(container.label(), kind);
          continue;
        }
        String where = where(found.setting());
        if (kind.isKnown()) {
          // The model holds the kind of credential only: its value never reaches a message.
          decision.fail(container.label(), kind.origin(), "passes " + kind.get() + " in " + where);
        } else {
          decision.unknown(
              container.label(),
              Value.unknown(
                  "a value that stands where a credential is read in "
                      + where
                      + " is unresolved: "
                      + kind.reason(),
                  kind.origin()));
        }
      }
    }
    return decision.verdict(
        "No container holds a credential in its command, entry point, health check or Docker labels.");
  }

  /**
   * How a message or step names the setting: {@code its command}, {@code its Docker label "KEY"}.
   */
  static String where(String setting) {
    return switch (setting) {
      case "command" -> "its command";
      case "entryPoint" -> "its entry point";
      case "healthCheck.command" -> "its health check command";
      default -> "its " + setting.replace("dockerLabels", "Docker label");
    };
  }

  @Override
  public Optional<Remedy> remedy() {
    return Optional.of(new CredentialsInCommandsAndLabelsRemedy());
  }
}
