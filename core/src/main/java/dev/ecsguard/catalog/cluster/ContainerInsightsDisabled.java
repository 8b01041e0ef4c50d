package dev.ecsguard.catalog.cluster;

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
import dev.ecsguard.model.Cluster;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.Value;
import java.util.Optional;

@ControlSpec(
    id = "ECS.12",
    title = "Clusters must have Container Insights turned on",
    severity = Severity.MEDIUM,
    resourceType = ResourceType.CLUSTER,
    configRule = "ecs-container-insights-enabled",
    standards = {
      SecurityHubStandard.FOUNDATIONAL_SECURITY_BEST_PRACTICES,
      SecurityHubStandard.NIST_800_53
    },
    relatedRequirements = {
      "NIST.800-53.r5 AU-6(3)",
      "NIST.800-53.r5 AU-6(4)",
      "NIST.800-53.r5 CA-7",
      "NIST.800-53.r5 SI-2"
    },
    remediation = "Set the cluster setting containerInsights to enabled (or enhanced).",
    parameters =
        @Parameter(
            name = "acceptEnhanced",
            description =
                "Whether containerInsights enhanced (observability with more detail) passes, as enabled does.",
            type = ParameterType.BOOLEAN,
            defaultValue = "true"))
public final class ContainerInsightsDisabled extends Control<Cluster> {

  public ContainerInsightsDisabled() {
    super(Cluster.class);
  }

  @Override
  protected Verdict evaluate(Cluster cluster, ParameterValues parameters) {
    Decision decision = new Decision(cluster.origin());
    Value<String> insights = cluster.containerInsights();
    boolean on =
        insights.is("enabled") || (parameters.flag("acceptEnhanced") && insights.is("enhanced"));
    if (!on && !decision.unknownIf(null, insights)) {
      boolean off = insights.isAbsent() || insights.is("disabled");
      decision.fail(
          null,
          insights.origin(),
          off
              ? "Container Insights is off ("
                  + ForbiddenSetting.describe("the containerInsights setting", insights)
                  + ")"
              : "The containerInsights setting is \""
                  + insights.get()
                  + "\", which is not enabled"
                  + (parameters.flag("acceptEnhanced") ? " or enhanced" : "")
                  + " (AWS spells them in lower case)");
    }
    return decision.verdict(
        "Container Insights is on ("
            + ForbiddenSetting.describe("containerInsights", insights)
            + ").");
  }

  @Override
  public Optional<Remedy> remedy() {
    return Optional.of(new ContainerInsightsDisabledRemedy());
  }
}
