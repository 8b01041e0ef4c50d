package dev.ecsguard.catalog.taskset;

import dev.ecsguard.catalog.service.ServiceAssignsPublicIp;
import dev.ecsguard.catalog.service.ServiceAssignsPublicIpRemedy;
import dev.ecsguard.control.Control;
import dev.ecsguard.control.ControlSpec;
import dev.ecsguard.control.ParameterValues;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.SecurityHubStandard;
import dev.ecsguard.control.Severity;
import dev.ecsguard.control.Verdict;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.TaskSet;
import java.util.Optional;

@ControlSpec(
    id = "ECS.16",
    title = "Task sets must not assign public IP addresses automatically",
    severity = Severity.HIGH,
    resourceType = ResourceType.TASK_SET,
    configRule = "ecs-taskset-assign-public-ip-disabled",
    standards = {
      SecurityHubStandard.FOUNDATIONAL_SECURITY_BEST_PRACTICES,
      SecurityHubStandard.PCI_DSS
    },
    relatedRequirements = {"PCI DSS v4.0.1/1.4.4"},
    remediation =
        "Set assignPublicIp to DISABLED and run the tasks in private subnets with a NAT gateway or VPC endpoints.")
public final class TaskSetAssignsPublicIp extends Control<TaskSet> {

  public TaskSetAssignsPublicIp() {
    super(TaskSet.class);
  }

  @Override
  protected Verdict evaluate(TaskSet taskSet, ParameterValues parameters) {
    return ServiceAssignsPublicIp.verdict(taskSet);
  }

  @Override
  public Optional<Remedy> remedy() {
    return Optional.of(new ServiceAssignsPublicIpRemedy());
  }
}
