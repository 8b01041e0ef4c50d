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
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.TaskDefinition;
import dev.ecsguard.model.Value;
import dev.ecsguard.secrets.Credentials;
import dev.ecsguard.secrets.Credentials.Kind;
import java.util.Optional;

@ControlSpec(
    id = "ECSG.5",
    title = "Containers must not hold credentials by value in environment variables",
    severity = Severity.CRITICAL,
    resourceType = ResourceType.TASK_DEFINITION,
    remediation =
        "Rotate the credential, store it in Secrets Manager or SSM Parameter Store and pass it through secrets (valueFrom) instead of environment.",
    parameters =
        @Parameter(
            name = "ignoredNames",
            description =
                "Variable names exempted (comma-separated globs, case-sensitive: * any run of characters, ? one).",
            type = ParameterType.GLOBS))
public final class CredentialValuesInEnvironment extends Control<TaskDefinition> {

  public CredentialValuesInEnvironment() {
    super(TaskDefinition.class);
  }

  @Override
  protected Verdict evaluate(TaskDefinition taskDefinition, ParameterValues parameters) {
    Decision decision = new Decision(taskDefinition.origin());
    TaskDefinitions.environment(
        taskDefinition,
        decision,
        (container, variable) -> {
          Value<String> name = variable.name();
          if (name.isKnown()
              && (Credentials.ECS8_NAMES.contains(name.get()) // ECS.8 reports these
                  || parameters.matchesGlob("ignoredNames", name.get()))) {
            return;
          }
          Value<Kind> credential = variable.credential();
          if (credential.isKnown()) {
            // The model holds the kind of credential only: its value never reaches a message.
            decision.fail(
                container.label(),
                credential.origin(),
                "passes a credential in its environment: \""
                    + name.orElse("(unnamed)")
                    + "\" holds "
                    + credential.get());
          } else if (credential.isUnknown()) {
            decision.unknown(
                container.label(),
                name.isKnown()
                    ? Value.unknown(
                        "the value of \"" + name.get() + "\" is unresolved: " + credential.reason(),
                        credential.origin())
                    : credential);
          }
        });
    return decision.verdict("No container holds a credential by value in its environment.");
  }

  @Override
  public Optional<Remedy> remedy() {
    return Optional.of(new CredentialValuesInEnvironmentRemedy());
  }
}
