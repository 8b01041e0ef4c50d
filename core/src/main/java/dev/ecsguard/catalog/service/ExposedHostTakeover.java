package dev.ecsguard.catalog.service;

import dev.ecsguard.catalog.taskdefinition.DangerousCapabilities;
import dev.ecsguard.control.ControlInfo;
import dev.ecsguard.control.ControlSpec;
import dev.ecsguard.control.Decision;
import dev.ecsguard.control.JudgedTaskDefinition;
import dev.ecsguard.control.JudgedTaskDefinition.Judgement;
import dev.ecsguard.control.LinkedControl;
import dev.ecsguard.control.Offender;
import dev.ecsguard.control.ParameterValues;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.Scope;
import dev.ecsguard.control.Severity;
import dev.ecsguard.control.Status;
import dev.ecsguard.control.Verdict;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.TaskDefinitionLink;
import dev.ecsguard.model.Value;
import dev.ecsguard.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Judges services and task sets alike (their resource type in the catalogue is SERVICE). */
@ControlSpec(
    id = "ECSG.12",
    title =
        "Services with public IP addresses must not run containers that can take over their host",
    severity = Severity.CRITICAL,
    resourceType = ResourceType.SERVICE,
    remediation =
        "Stop assigning public IP addresses (tasks in private subnets behind a load balancer), or remove the host access from the task definition, then redeploy the service on the fixed revision.",
    outOfScope = "Services and task sets that do not assign public IP addresses")
public final class ExposedHostTakeover extends LinkedControl<Workload> {
  /**
   * The task-definition controls whose failure hands a container its host: the host's process
   * namespace (ECS.3), privileged mode (ECS.4), the host's network (ECS.17) and host devices
   * (ECSG.9). ECSG.3 (a sensitive host path, a container-runtime socket above all) belongs here
   * too: it is read by id, so it joins as soon as the catalogue has it.
   */
  private static final Set<String> TAKEOVER =
      Set.of("ECS.3", "ECS.4", "ECS.17", "ECSG.3", "ECSG.9");

  /** ECSG.2 limited to the capabilities that are privileged mode by another name. */
  private static final String PRIVILEGED_CAPABILITIES = "ECSG.2 (ALL, SYS_ADMIN, SYS_MODULE)";

  public ExposedHostTakeover() {
    super(Workload.class);
  }

  @Override
  public boolean reads(ControlInfo control) {
    return TAKEOVER.contains(control.id());
  }

  /** The chain names the container and the setting. */
  @Override
  public boolean readsDetail(ControlInfo control) {
    return reads(control);
  }

  @Override
  public List<Probe> probes() {
    DangerousCapabilities capabilities = new DangerousCapabilities();
    return List.of(
        new Probe(
            PRIVILEGED_CAPABILITIES,
            capabilities,
            ParameterValues.of(
                capabilities.info(), Map.of("forbiddenCapabilities", "ALL,SYS_ADMIN,SYS_MODULE"))));
  }

  @Override
  protected Verdict evaluate(Workload workload, ParameterValues parameters, Scope scope) {
    String what = Workloads.what(workload);
    Verdict exposed = ServiceAssignsPublicIp.verdict(workload); // ECS.2's and ECS.16's own

    if (exposed.status() == Status.PASSED) {
      return Verdict.notApplicable(
          "The " + what + " does not assign public IP addresses.", workload.origin());
    }
    Decision decision = new Decision(workload.origin());
    if (exposed.status() == Status.UNKNOWN) {
      exposed
          .offenders()
          .forEach(o -> decision.unknown("assignPublicIp", Value.unknown(o.problem(), o.origin())));
      return decision.verdict("");
    }
    if (workload.taskDefinitions().isEmpty()) {
      decision.unknown(
          "its task definition",
          Value.unknown(
              "the " + what + " assigns public IP addresses and names no task definition",
              workload.origin()));
    }
    List<String> runs = new ArrayList<>();
    for (Value<TaskDefinitionLink> link : workload.taskDefinitions()) {
      Optional<JudgedTaskDefinition> found = Workloads.find(link, scope, decision);
      if (found.isEmpty()) {
        continue;
      }
      JudgedTaskDefinition running = found.get();
      runs.add(running.name());
      boolean unknown = false;
      for (Map.Entry<String, Judgement> entry : running.ordered()) {
        if (!TAKEOVER.contains(entry.getKey()) && !entry.getKey().equals(PRIVILEGED_CAPABILITIES)) {
          continue;
        }
        Verdict verdict = entry.getValue().verdict();
        if (verdict.status() == Status.FAILED) {
          for (Offender offender : verdict.offenders()) {
            decision.fail(
                null,
                link.origin(),
                "The "
                    + what
                    + " gives its tasks public IP addresses and runs "
                    + running.name()
                    + ", in which "
                    + lowerFirst(offender.sentence(Status.FAILED))
                    + " ("
                    + entry.getValue().control().id()
                    + ")");
          }
        }
        unknown |= verdict.status() == Status.UNKNOWN;
      }
      if (unknown) {
        decision.unknown(
            "task definition " + running.name(),
            Value.unknown(
                "whether a container of it can take over its host cannot be told", link.origin()));
      }
    }
    return decision.verdict(
        "The "
            + what
            + " assigns public IP addresses, but "
            + String.join(" and ", runs)
            + (runs.size() == 1 ? " gives" : " give")
            + " no container its host (privileged mode, host PID or network namespace, host"
            + " devices, or capabilities that amount to privilege).");
  }

  /** An offender's sentence inside this one: "container "app" runs privileged". */
  private static String lowerFirst(String sentence) {
    String trimmed =
        sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    boolean capitalisedWord =
        trimmed.length() > 1
            && Character.isUpperCase(trimmed.charAt(0))
            && Character.isLowerCase(trimmed.charAt(1));
    return capitalisedWord
        ? Character.toLowerCase(trimmed.charAt(0)) + trimmed.substring(1)
        : trimmed;
  }

  /**
   * ECS.2's: without public IPs the chain is broken, whatever the task definition holds (whose own
   * failures their controls fix). It runs only when neither control is left alone.
   */
  @Override
  public Optional<Remedy> remedy() {
    return Optional.of(new ServiceAssignsPublicIpRemedy());
  }
}
