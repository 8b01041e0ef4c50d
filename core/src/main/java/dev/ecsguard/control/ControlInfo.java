package dev.ecsguard.control;

import dev.ecsguard.model.ResourceType;
import java.util.Arrays;
import java.util.List;

/** A control's metadata, read once from its {@link ControlSpec}. */
public record ControlInfo(
    String id,
    String title,
    Severity severity,
    ResourceType resourceType,
    String configRule,
    String remediation,
    String outOfScope,
    boolean retired,
    List<ParameterInfo> parameters,
    List<SecurityHubStandard> securityHubStandards,
    List<String> relatedRequirements) {

  static ControlInfo of(Class<?> control) {
    ControlSpec spec = control.getAnnotation(ControlSpec.class);
    if (spec == null) {
      throw new IllegalStateException(control.getName() + " has no @ControlSpec");
    }
    return new ControlInfo(
        spec.id(),
        spec.title(),
        spec.severity(),
        spec.resourceType(),
        spec.configRule(),
        spec.remediation(),
        spec.outOfScope(),
        spec.retired(),
        Arrays.stream(spec.parameters())
            .map(p -> new ParameterInfo(p.name(), p.description(), p.type(), p.defaultValue()))
            .toList(),
        List.of(spec.standards()),
        List.of(spec.relatedRequirements()));
  }

  /** The standard it belongs to, told by its id. */
  public Standard standard() {
    return Standard.of(id);
  }

  /** True for AWS Security Hub's controls, false for ecsguard's own. */
  public boolean fromSecurityHub() {
    return standard() == Standard.SECURITY_HUB;
  }

  /** Where AWS documents the control; null for ecsguard's own, whose lesson is all there is. */
  public String documentationUrl() {
    return fromSecurityHub()
        ? "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#"
            + id.toLowerCase(java.util.Locale.ROOT).replace('.', '-')
        : null;
  }
}
