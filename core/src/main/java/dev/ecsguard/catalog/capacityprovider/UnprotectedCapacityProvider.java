package dev.ecsguard.catalog.capacityprovider;

import dev.ecsguard.control.Control;
import dev.ecsguard.control.ControlSpec;
import dev.ecsguard.control.Decision;
import dev.ecsguard.control.ForbiddenSetting;
import dev.ecsguard.control.ParameterValues;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.SecurityHubStandard;
import dev.ecsguard.control.Severity;
import dev.ecsguard.control.Verdict;
import dev.ecsguard.model.CapacityProvider;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.Value;
import java.util.Optional;

@ControlSpec(
    id = "ECS.19",
    title = "Auto Scaling group capacity providers must have managed termination protection",
    severity = Severity.MEDIUM,
    resourceType = ResourceType.CAPACITY_PROVIDER,
    configRule = "ecs-capacity-provider-termination-check",
    standards = {SecurityHubStandard.FOUNDATIONAL_SECURITY_BEST_PRACTICES},
    remediation =
        "Set autoScalingGroupProvider.managedTerminationProtection to ENABLED (it needs managed scaling and instance scale-in protection on the group).",
    outOfScope = "capacity providers without an Auto Scaling group (Fargate, managed instances)")
public final class UnprotectedCapacityProvider extends Control<CapacityProvider> {

  public UnprotectedCapacityProvider() {
    super(CapacityProvider.class);
  }

  @Override
  protected Verdict evaluate(CapacityProvider provider, ParameterValues parameters) {
    Decision decision = new Decision(provider.origin());
    if (decision.unknownIf(null, provider.onAutoScalingGroup())) {
      return decision.verdict("");
    }
    if (!provider.onAutoScalingGroup().get()) {
      return Verdict.notApplicable(
          "The capacity provider has no Auto Scaling group.", provider.origin());
    }
    Value<String> protection = provider.managedTerminationProtection();
    if (!protection.is("ENABLED") && !decision.unknownIf(null, protection)) {
      decision.fail(
          null,
          protection.origin(),
          "Instances with running tasks can be terminated on scale-in ("
              + ForbiddenSetting.describe("managedTerminationProtection", protection)
              + ")");
    }
    return decision.verdict("Managed termination protection is ENABLED.");
  }

  @Override
  public Optional<Remedy> remedy() {
    return Optional.of(new UnprotectedCapacityProviderRemedy());
  }
}
