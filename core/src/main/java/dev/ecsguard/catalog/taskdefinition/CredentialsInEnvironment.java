package dev.ecsguard.catalog.taskdefinition;

import dev.ecsguard.control.Control;
import dev.ecsguard.control.ControlSpec;
import dev.ecsguard.control.Decision;
import dev.ecsguard.control.ParameterValues;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.SecurityHubStandard;
import dev.ecsguard.control.Severity;
import dev.ecsguard.control.Verdict;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.TaskDefinition;
import dev.ecsguard.model.Value;
import dev.ecsguard.secrets.Credentials;
import java.util.Optional;

@ControlSpec(
    id = "ECS.8",
    title = "AWS credentials must not be passed in container environment variables",
    severity = Severity.HIGH,
    resourceType = ResourceType.TASK_DEFINITION,
    configRule = "ecs-no-environment-secrets",
    standards = {
      SecurityHubStandard.FOUNDATIONAL_SECURITY_BEST_PRACTICES,
      SecurityHubStandard.NIST_800_53,
      SecurityHubStandard.PCI_DSS
    },
    relatedRequirements = {"NIST.800-53.r5 CA-9(1)", "NIST.800-53.r5 CM-2", "PCI DSS v4.0.1/8.6.2"},
    remediation =
        "Move the values to secrets (valueFrom a Secrets Manager secret or SSM parameter) and prefer the task role to access keys.")
public final class CredentialsInEnvironment extends Control<TaskDefinition> {
  public CredentialsInEnvironment() {
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
          // ECS.8's names: exact and case-sensitive, as AWS's rule matches them. The message names
          // the variable only; its value is never read into the model.
          if (name.isKnown() && Credentials.ECS8_NAMES.contains(name.get())) {
            decision.fail(
                container.label(),
                name.origin(),
                "passes " + name.get() + " as a plain environment variable");
          } else {
            decision.unknownIf(container.label(), name);
          }
        });
    return decision.verdict("No container passes AWS credentials as plain environment variables.");
  }

  @Override
  public Optional<Remedy> remedy() {
    return Optional.of(new CredentialsInEnvironmentRemedy());
  }
}
