package dev.ecsguard.catalog.service;

import dev.ecsguard.control.Control;
import dev.ecsguard.control.ControlSpec;
import dev.ecsguard.control.ControlSpec.Parameter;
import dev.ecsguard.control.Decision;
import dev.ecsguard.control.ForbiddenSetting;
import dev.ecsguard.control.ParameterType;
import dev.ecsguard.control.ParameterValues;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.SecurityHubStandard;
import dev.ecsguard.control.Severity;
import dev.ecsguard.control.Verdict;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.Service;
import dev.ecsguard.model.Value;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@ControlSpec(
    id = "ECS.10",
    title = "Fargate services must run the latest platform version",
    severity = Severity.MEDIUM,
    resourceType = ResourceType.SERVICE,
    configRule = "ecs-fargate-latest-platform-version",
    standards = {
      SecurityHubStandard.FOUNDATIONAL_SECURITY_BEST_PRACTICES,
      SecurityHubStandard.NIST_800_53,
      SecurityHubStandard.PCI_DSS
    },
    relatedRequirements = {
      "NIST.800-53.r5 SI-2",
      "NIST.800-53.r5 SI-2(2)",
      "NIST.800-53.r5 SI-2(4)",
      "NIST.800-53.r5 SI-2(5)",
      "PCI DSS v4.0.1/6.3.3"
    },
    remediation = "Set platformVersion to LATEST (or remove it) and redeploy the service.",
    outOfScope = "services that do not run on Fargate",
    parameters = {
      @Parameter(
          name = "latestLinuxVersion",
          description = "The latest Fargate platform version for Linux.",
          type = ParameterType.TEXT,
          defaultValue = "1.4.0"),
      @Parameter(
          name = "latestWindowsVersion",
          description = "The latest Fargate platform version for Windows.",
          type = ParameterType.TEXT,
          defaultValue = "1.0.0"),
      @Parameter(
          name = "fargateCapacityProviders",
          description =
              "Whether a service whose capacity provider strategy names FARGATE or FARGATE_SPOT counts as a Fargate service.",
          type = ParameterType.BOOLEAN,
          defaultValue = "true")
    })
public final class OutdatedFargatePlatform extends Control<Service> {
  private static final Set<String> LAUNCH_TYPES =
      Set.of("EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES");

  public OutdatedFargatePlatform() {
    super(Service.class);
  }

  @Override
  protected Verdict evaluate(Service service, ParameterValues parameters) {
    Decision decision = new Decision(service.origin());
    Value<String> launchType = service.launchType();
    boolean onFargate = launchType.is("FARGATE");
    boolean scopeUnknown = decision.unknownIf(null, launchType);
    if (launchType.isKnown() && !LAUNCH_TYPES.contains(launchType.get())) {
      decision.unknown(
          null,
          Value.unknown(
              "launchType is \""
                  + launchType.get()
                  + "\", which AWS does not accept (it takes "
                  + String.join(", ", LAUNCH_TYPES.stream().sorted().toList())
                  + ", spelled exactly so)",
              launchType.origin()));
      scopeUnknown = true;
    }
    if (!onFargate && parameters.flag("fargateCapacityProviders")) {
      Value<List<Value<String>>> providers = service.capacityProviders();
      scopeUnknown |= decision.unknownIf(null, providers);
      for (Value<String> provider : providers.orElse(List.of())) {
        onFargate |= provider.is("FARGATE") || provider.is("FARGATE_SPOT");
        scopeUnknown |= decision.unknownIf(null, provider);
      }
    }
    if (!onFargate) {
      return scopeUnknown
          ? decision.verdict("")
          : Verdict.notApplicable(
              "The service does not run on Fargate ("
                  + ForbiddenSetting.describe("launchType", launchType)
                  + ").",
              launchType.origin());
    }
    decision = new Decision(service.origin()); // in scope: what decided the scope no longer matters
    Value<String> version = service.platformVersion();
    if (version.isAbsent() || version.is("LATEST") || decision.unknownIf(null, version)) {
      return decision.verdict(
          "The service runs the latest platform version ("
              + ForbiddenSetting.describe("platformVersion", version)
              + ").");
    }
    Value<String> family = service.platformFamily();
    if (decision.unknownIf(null, family)) {
      return decision.verdict("");
    }
    boolean windows = family.isKnown() && family.get().startsWith("WINDOWS");
    String latest = parameters.text(windows ? "latestWindowsVersion" : "latestLinuxVersion");
    if (!version.is(latest)) {
      decision.fail(
          null,
          version.origin(),
          "The service pins Fargate platform version "
              + version.get()
              + "; the latest for "
              + (windows ? "Windows" : "Linux")
              + " is "
              + latest
              + (family.isAbsent() ? " (platformFamily is not set, so Linux is assumed)" : ""));
    }
    return decision.verdict(
        "The service runs the latest "
            + (windows ? "Windows" : "Linux")
            + " platform version ("
            + latest
            + ").");
  }

  @Override
  public Optional<Remedy> remedy() {
    return Optional.of(new OutdatedFargatePlatformRemedy());
  }
}
