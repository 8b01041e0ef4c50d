package dev.ecsguard.catalog.taskdefinition;

import dev.ecsguard.control.Control;
import dev.ecsguard.control.ControlSpec;
import dev.ecsguard.control.ControlSpec.Parameter;
import dev.ecsguard.control.Decision;
import dev.ecsguard.control.ParameterType;
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
import java.util.stream.Collectors;

@ControlSpec(
    id = "ECSG.2",
    title = "Containers must not add dangerous Linux capabilities",
    severity = Severity.HIGH,
    resourceType = ResourceType.TASK_DEFINITION,
    remediation =
        "Remove the capability from linuxParameters.capabilities.add; drop ALL and add back only the narrow capabilities the container needs.",
    parameters =
        @Parameter(
            name = "forbiddenCapabilities",
            description =
                "The capabilities a container must not add (comma-separated; any case, CAP_ prefix optional); replaces the list.",
            type = ParameterType.NAMES,
            defaultValue = DangerousCapabilities.FORBIDDEN))
public final class DangerousCapabilities extends Control<TaskDefinition> {
  /** The default list; the remedy drops these, as it cannot see the parameter. */
  static final String FORBIDDEN =
      "ALL,SYS_ADMIN,SYS_MODULE,SYS_RAWIO,SYS_PTRACE,DAC_READ_SEARCH,NET_ADMIN,SYS_BOOT,MAC_ADMIN,MAC_OVERRIDE";

  public DangerousCapabilities() {
    super(TaskDefinition.class);
  }

  @Override
  protected Verdict evaluate(TaskDefinition taskDefinition, ParameterValues parameters) {
    Set<String> forbidden =
        parameters.names("forbiddenCapabilities").stream()
            .map(DangerousCapabilities::canonical)
            .collect(Collectors.toSet());
    Decision decision = new Decision(taskDefinition.origin());
    for (ContainerDefinition container : TaskDefinitions.containers(taskDefinition, decision)) {
      Value<List<Value<String>>> added = container.addedCapabilities();
      decision.unknownIf(container.label(), added);
      for (Value<String> capability : added.orElse(List.of())) {
        if (capability.isKnown() && forbidden.contains(canonical(capability.get()))) {
          decision.fail(
              container.label(),
              capability.origin(),
              "adds the capability " + capability.get() + " (linuxParameters.capabilities.add)");
        } else {
          decision.unknownIf(container.label(), capability);
        }
      }
    }
    return decision.verdict("No container adds a dangerous Linux capability.");
  }

  @Override
  public Optional<Remedy> remedy() {
    return Optional.of(new DangerousCapabilitiesRemedy());
  }

  /** {@code cap_sys_admin} is SYS_ADMIN: Docker reads capability names so. */
  static String canonical(String capability) {
    String name = capability.strip().toUpperCase(Locale.ROOT);
    return name.startsWith("CAP_") ? name.substring(4) : name;
  }
}
