package dev.ecsguard.catalog.service;

import dev.ecsguard.control.ControlInfo;
import dev.ecsguard.control.ControlSpec;
import dev.ecsguard.control.Decision;
import dev.ecsguard.control.JudgedTaskDefinition;
import dev.ecsguard.control.JudgedTaskDefinition.Judgement;
import dev.ecsguard.control.LinkedControl;
import dev.ecsguard.control.ParameterValues;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.Scope;
import dev.ecsguard.control.Severity;
import dev.ecsguard.control.Status;
import dev.ecsguard.control.Verdict;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.Service;
import dev.ecsguard.model.TaskDefinitionLink;
import dev.ecsguard.model.Value;
import dev.ecsguard.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Judges services and task sets alike (their resource type in the catalogue is SERVICE). */
@ControlSpec(
    id = "ECSG.11",
    title =
        "Services must not run an older task definition revision that fails High or Critical controls",
    severity = Severity.HIGH,
    resourceType = ResourceType.SERVICE,
    remediation =
        "Fix the family's latest revision, then redeploy the service on it: aws ecs update-service --service SERVICE --task-definition FAMILY --force-new-deployment.",
    outOfScope =
        "Services that name no task definition (their deployments are task sets, each judged on its own)")
public final class OutdatedRunningRevision extends LinkedControl<Workload> {
  private static final List<Severity> SERIOUS = List.of(Severity.CRITICAL, Severity.HIGH);

  public OutdatedRunningRevision() {
    super(Workload.class);
  }

  /** Every task-definition control of High or Critical severity: ECS.* and ECSG.* alike. */
  @Override
  public boolean reads(ControlInfo control) {
    return SERIOUS.contains(control.severity());
  }

  @Override
  protected Verdict evaluate(Workload workload, ParameterValues parameters, Scope scope) {
    String what = Workloads.what(workload);
    if (workload.taskDefinitions().isEmpty()) {
      return Verdict.notApplicable(
          workload instanceof Service
              ? "The service names no task definition; its task sets are judged each on its own."
              : "The task set names no task definition, so there is no revision to judge.",
          workload.origin());
    }
    Decision decision = new Decision(workload.origin());
    List<String> passed = new ArrayList<>();
    for (Value<TaskDefinitionLink> link : workload.taskDefinitions()) {
      Optional<JudgedTaskDefinition> found = Workloads.find(link, scope, decision);
      if (found.isEmpty()) {
        continue;
      }
      JudgedTaskDefinition running = found.get();
      JudgedTaskDefinition latest = scope.latest(running);
      if (latest == running) {
        passed.add(running.name() + ", the latest revision of its family in this scan");
        continue;
      }
      List<Judgement> failed = running.of(Status.FAILED, SERIOUS);
      List<Judgement> unknown = running.of(Status.UNKNOWN, SERIOUS);
      if (!failed.isEmpty()) {
        decision.fail(
            "revision " + running.name(),
            link.origin(),
            "is not the latest revision of its family in this scan ("
                + latest.name()
                + ") and fails "
                + Workloads.named(failed)
                + "; "
                + comparison(failed, latest)
                + "; Security Hub judges only the latest revision, so it does not report this");
      } else if (!unknown.isEmpty()) {
        decision.unknown(
            "revision " + running.name(),
            Value.unknown(
                "is not the latest revision ("
                    + latest.name()
                    + "), and whether it fails "
                    + Workloads.named(unknown)
                    + " cannot be told",
                link.origin()));
      } else {
        passed.add(
            running.name()
                + ", not the latest revision ("
                + latest.name()
                + ") but one that fails no High or Critical control");
      }
    }
    return decision.verdict("The " + what + " runs " + String.join(" and ", passed) + ".");
  }

  /** Whether the latest revision fails the same controls: then Security Hub reports those. */
  private static String comparison(List<Judgement> failed, JudgedTaskDefinition latest) {
    List<String> passes = new ArrayList<>();
    List<String> failsToo = new ArrayList<>();
    for (Judgement judgement : failed) {
      Judgement onLatest = latest.verdicts().get(judgement.control().id());
      boolean fails = onLatest != null && onLatest.verdict().status() == Status.FAILED;
      (fails ? failsToo : passes).add(judgement.control().id());
    }
    if (failsToo.isEmpty()) {
      return "the latest revision passes " + (failed.size() == 1 ? "it" : "them");
    }
    if (passes.isEmpty()) {
      return "the latest revision fails " + (failed.size() == 1 ? "it" : "them") + " too";
    }
    return "the latest revision passes "
        + String.join(" and ", passes)
        + " but fails "
        + String.join(" and ", failsToo)
        + " too";
  }

  @Override
  public Optional<Remedy> remedy() {
    return Optional.of(new OutdatedRunningRevisionRemedy());
  }
}
