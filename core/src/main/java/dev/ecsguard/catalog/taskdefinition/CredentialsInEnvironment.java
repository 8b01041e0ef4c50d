package dev.ecsguard.catalog.taskdefinition;

import dev.ecsguard.control.Control;
import dev.ecsguard.control.ControlSpec;
import dev.ecsguard.control.Decision;
import dev.ecsguard.control.ParameterValues;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.Severity;
import dev.ecsguard.control.Verdict;
import dev.ecsguard.model.ContainerDefinition;
import dev.ecsguard.model.EnvironmentVariable;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.TaskDefinition;
import dev.ecsguard.model.Value;
import dev.ecsguard.secrets.Credentials;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@ControlSpec(
    id = "ECS.8",
    title = "AWS credentials must not be passed in container environment variables",
    severity = Severity.HIGH,
    resourceType = ResourceType.TASK_DEFINITION,
    configRule = "ecs-no-environment-secrets",
    remediation =
        "Move the values to secrets (valueFrom a Secrets Manager secret or SSM parameter) and prefer the task role to access keys.")
public final class CredentialsInEnvironment extends Control<TaskDefinition> {
  /**
   * The variable names ECS.8 flags: exact and case-sensitive, as AWS's rule matches them. Their
   * values are never shown (fix hides them in its diff too).
   */
  public static final Set<String> CREDENTIAL_NAMES = Credentials.ECS8_NAMES;

  public CredentialsInEnvironment() {
    super(TaskDefinition.class);
  }

  @Override
  protected Verdict evaluate(TaskDefinition taskDefinition, ParameterValues parameters) {
    Decision decision = new Decision(taskDefinition.origin());
    for (ContainerDefinition container : TaskDefinitions.containers(taskDefinition, decision)) {
      if (decision.unknownIf(container.label(), container.environment())) {
        continue;
      }
      for (EnvironmentVariable variable : container.environment().orElse(List.of())) {
        Value<String> name = variable.name();
        if (name.isKnown() && CREDENTIAL_NAMES.contains(name.get())) {
          // The message names the variable only; its value is never read into the model.
          decision.fail(
              container.label(),
              name.origin(),
              "passes " + name.get() + " as a plain environment variable");
        } else {
          decision.unknownIf(container.label(), name);
        }
      }
    }
    return decision.verdict("No container passes AWS credentials as plain environment variables.");
  }

  @Override
  public Optional<Remedy> remedy() {
    return Optional.of(new CredentialsInEnvironmentRemedy());
  }
}
