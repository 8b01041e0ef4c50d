package dev.ecsguard.catalog.taskdefinition;

import dev.ecsguard.control.Control;
import dev.ecsguard.control.ControlSpec;
import dev.ecsguard.control.Decision;
import dev.ecsguard.control.ParameterValues;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.Severity;
import dev.ecsguard.control.Verdict;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.TaskDefinition;
import dev.ecsguard.model.Value;
import java.util.Locale;
import java.util.Optional;

@ControlSpec(
    id = "ECSG.4",
    title = "Task definitions must not share the host's IPC namespace",
    severity = Severity.HIGH,
    resourceType = ResourceType.TASK_DEFINITION,
    remediation = "Remove ipcMode or set it to task (or none).")
public final class HostIpcMode extends Control<TaskDefinition> {

  public HostIpcMode() {
    super(TaskDefinition.class);
  }

  /** Unlike the ECS.* settings, compared in any letter case (beyond.md, ECSG.4). */
  @Override
  protected Verdict evaluate(TaskDefinition taskDefinition, ParameterValues parameters) {
    Decision decision = new Decision(taskDefinition.origin());
    Value<String> ipcMode = taskDefinition.ipcMode();
    String mode = ipcMode.isKnown() ? ipcMode.get().toLowerCase(Locale.ROOT) : "";
    if (mode.equals("host")) {
      decision.fail(
          null,
          ipcMode.origin(),
          "The task definition shares the host's IPC namespace (ipcMode is \""
              + ipcMode.get()
              + "\")");
    } else if (ipcMode.isKnown() && !mode.equals("task") && !mode.equals("none")) {
      decision.unknown(
          null,
          Value.unknown(
              "ipcMode is \""
                  + ipcMode.get()
                  + "\", which AWS does not accept (it takes host, none or task)",
              ipcMode.origin()));
    } else {
      decision.unknownIf(null, ipcMode);
    }
    return decision.verdict("The task definition does not share the host's IPC namespace.");
  }

  @Override
  public Optional<Remedy> remedy() {
    return Optional.of(new HostIpcModeRemedy());
  }
}
