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
import java.util.Optional;

@ControlSpec(
    id = "ECSG.9",
    title = "Containers must not be given the host's devices",
    severity = Severity.HIGH,
    resourceType = ResourceType.TASK_DEFINITION,
    remediation =
        "Remove linuxParameters.devices; run the workload that needs a device as a dedicated, reviewed task definition.")
public final class HostDevicePassthrough extends Control<TaskDefinition> {

  public HostDevicePassthrough() {
    super(TaskDefinition.class);
  }

  /** Any device fails, whatever its path or permissions: which device is harmless is not known. */
  @Override
  protected Verdict evaluate(TaskDefinition taskDefinition, ParameterValues parameters) {
    Decision decision = new Decision(taskDefinition.origin());
    for (ContainerDefinition container : TaskDefinitions.containers(taskDefinition, decision)) {
      Value<List<Value<String>>> devices = container.deviceHostPaths();
      decision.unknownIf(container.label(), devices);
      for (Value<String> hostPath : devices.orElse(List.of())) {
        decision.fail(
            container.label(),
            hostPath.origin(),
            hostPath.isKnown()
                ? "is given the host's device " + hostPath.get() + " (linuxParameters.devices)"
                : "is given a host device whose hostPath is not known (linuxParameters.devices)");
      }
    }
    return decision.verdict("No container is given a host device.");
  }

  @Override
  public Optional<Remedy> remedy() {
    return Optional.of(new HostDevicePassthroughRemedy());
  }
}
