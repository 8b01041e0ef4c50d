package dev.ecsguard.catalog.service;

import dev.ecsguard.control.Control;
import dev.ecsguard.control.ControlSpec;
import dev.ecsguard.control.ForbiddenSetting;
import dev.ecsguard.control.ParameterValues;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.SecurityHubStandard;
import dev.ecsguard.control.Severity;
import dev.ecsguard.control.Verdict;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.Service;
import dev.ecsguard.model.Workload;
import java.util.Optional;
import java.util.Set;

@ControlSpec(
    id = "ECS.2",
    title = "Services must not assign public IP addresses automatically",
    severity = Severity.HIGH,
    resourceType = ResourceType.SERVICE,
    configRule = "ecs-service-assign-public-ip-disabled",
    standards = {
      SecurityHubStandard.FOUNDATIONAL_SECURITY_BEST_PRACTICES,
      SecurityHubStandard.NIST_800_53,
      SecurityHubStandard.PCI_DSS
    },
    relatedRequirements = {
      "NIST.800-53.r5 AC-21",
      "NIST.800-53.r5 AC-3",
      "NIST.800-53.r5 AC-3(7)",
      "NIST.800-53.r5 AC-4",
      "NIST.800-53.r5 AC-4(21)",
      "NIST.800-53.r5 AC-6",
      "NIST.800-53.r5 SC-7",
      "NIST.800-53.r5 SC-7(11)",
      "NIST.800-53.r5 SC-7(16)",
      "NIST.800-53.r5 SC-7(20)",
      "NIST.800-53.r5 SC-7(21)",
      "NIST.800-53.r5 SC-7(3)",
      "NIST.800-53.r5 SC-7(4)",
      "NIST.800-53.r5 SC-7(9)",
      "PCI DSS v4.0.1/1.4.4"
    },
    remediation =
        "Set assignPublicIp to DISABLED and run the tasks in private subnets with a NAT gateway or VPC endpoints.")
public final class ServiceAssignsPublicIp extends Control<Service> {

  public ServiceAssignsPublicIp() {
    super(Service.class);
  }

  @Override
  protected Verdict evaluate(Service service, ParameterValues parameters) {
    return verdict(service);
  }

  /** ECS.2's judgement, and ECS.16's on a task set: also ECSG.12's first half. */
  public static Verdict verdict(Workload workload) {
    String what = workload instanceof Service ? "service" : "task set";
    return ForbiddenSetting.verdict(
        workload.assignPublicIp(),
        "assignPublicIp",
        "ENABLED",
        Set.of("DISABLED"),
        workload.origin(),
        "The " + what + " gives its tasks public IP addresses (assignPublicIp is ENABLED)",
        "The " + what + " does not assign public IP addresses.");
  }

  @Override
  public Optional<Remedy> remedy() {
    return Optional.of(new ServiceAssignsPublicIpRemedy());
  }
}
