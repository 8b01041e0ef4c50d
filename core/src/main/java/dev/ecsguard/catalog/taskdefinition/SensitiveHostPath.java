package dev.ecsguard.catalog.taskdefinition;

import dev.ecsguard.control.Control;
import dev.ecsguard.control.ControlSpec;
import dev.ecsguard.control.ControlSpec.Parameter;
import dev.ecsguard.control.Decision;
import dev.ecsguard.control.ParameterType;
import dev.ecsguard.control.ParameterValues;
import dev.ecsguard.control.Severity;
import dev.ecsguard.control.Verdict;
import dev.ecsguard.model.ContainerDefinition;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.TaskDefinition;
import dev.ecsguard.model.Value;
import dev.ecsguard.model.Volume;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@ControlSpec(
    id = "ECSG.3",
    title = "Containers must not mount sensitive host paths",
    severity = Severity.CRITICAL,
    resourceType = ResourceType.TASK_DEFINITION,
    remediation =
        "Remove the bind mount (volumes[].host.sourcePath and the mountPoints that use it); give the container a task-scoped volume or an API instead.",
    parameters =
        @Parameter(
            name = "allowedHostPaths",
            description =
                "Host paths that may be mounted although they are sensitive (comma-separated, exact paths).",
            type = ParameterType.PATHS))
public final class SensitiveHostPath extends Control<TaskDefinition> {
  /** Container runtimes' API sockets: whoever reaches one runs containers on the host as root. */
  private static final Set<String> SOCKETS =
      Set.of(
          "/var/run/docker.sock",
          "/run/docker.sock",
          "/run/containerd/containerd.sock",
          "/var/run/containerd/containerd.sock",
          "/var/run/crio/crio.sock");

  /** The host's own state; each matches itself and every path beneath it. */
  private static final List<String> SENSITIVE =
      List.of(
          "/var/run",
          "/run",
          "/var/lib/docker",
          "/etc",
          "/root",
          "/home",
          "/boot",
          "/dev",
          "/proc",
          "/sys");

  public SensitiveHostPath() {
    super(TaskDefinition.class);
  }

  @Override
  protected Verdict evaluate(TaskDefinition taskDefinition, ParameterValues parameters) {
    Set<String> allowed = new HashSet<>();
    parameters.names("allowedHostPaths").forEach(path -> allowed.add(normalise(path)));
    Decision decision = new Decision(taskDefinition.origin());
    Value<List<Volume>> volumes = taskDefinition.volumes();
    decision.unknownIf(null, volumes);
    boolean containersJudged = false; // they matter once a volume does; said once
    for (Volume volume : volumes.orElse(List.of())) {
      Value<String> path = volume.hostSourcePath();
      String normalised = path.isKnown() ? normalise(path.get()) : null;
      if (path.isAbsent()
          || (normalised != null && (allowed.contains(normalised) || !sensitive(normalised)))) {
        continue; // no bind mount, or a harmless one: who mounts it does not matter
      }
      if (!containersJudged) {
        decision.unknownIf(null, taskDefinition.containers());
        containersJudged = true;
      }
      for (ContainerDefinition container : taskDefinition.containers().orElse(List.of())) {
        judgeMounts(container, volume, path, normalised, decision);
      }
    }
    return decision.verdict("No container mounts a sensitive host path.");
  }

  /** Whether {@code container} mounts {@code volume}, whose path is sensitive or unknown. */
  private static void judgeMounts(
      ContainerDefinition container,
      Volume volume,
      Value<String> path,
      String normalised,
      Decision decision) {
    Value<List<Value<String>>> mounts = container.mountedVolumes();
    decision.unknownIf(container.label(), mounts);
    for (Value<String> mount : mounts.orElse(List.of())) {
      if (mount.isUnknown() || volume.name().isUnknown()) {
        decision.unknown(container.label(), mount.isUnknown() ? mount : volume.name());
      } else if (mount.isKnown() && volume.name().is(mount.get())) {
        if (normalised == null) {
          decision.unknown(container.label(), path);
        } else {
          decision.fail(
              container.label(),
              mount.origin(),
              "mounts "
                  + volume.label()
                  + ", the host path "
                  + path.get()
                  + (SOCKETS.contains(normalised)
                      ? " (a container-runtime socket: control of every container on the host)"
                      : ""));
        }
        return;
      }
    }
  }

  /** Whether a normalised path is one of the list or beneath one; / only itself. */
  public static boolean sensitive(String path) {
    if (path.equals("/") || SOCKETS.contains(path)) {
      return true;
    }
    for (String listed : SENSITIVE) {
      if (path.equals(listed) || path.startsWith(listed + "/")) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code path} with {@code //} collapsed, {@code .} and {@code ..} resolved and no trailing
   * {@code /}; {@code /} for the root. A relative path is taken from the root, as the agent has no
   * other directory to take it from.
   */
  public static String normalise(String path) {
    Deque<String> segments = new ArrayDeque<>();
    for (String segment : path.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        segments.pollLast();
      } else {
        segments.addLast(segment);
      }
    }
    return "/" + String.join("/", segments);
  }
}
