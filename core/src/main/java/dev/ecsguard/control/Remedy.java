package dev.ecsguard.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.model.ResourceType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the failures of one or more controls are fixed, on a resource in the ECS API's shape
 * (register or create input, describe output, as Jackson's tree). Every fix asks it: ECS API JSON
 * files, CloudFormation and Terraform (read into that shape, the changes written back in their own
 * syntax) and live apply. A remedy changes only what its controls need, never removes anything
 * else, and running it twice changes nothing more; what it cannot do is a step for the user in the
 * {@link RemedyContext}. Its class lies beside its control's, named for it, and each of its
 * controls gives it as its {@link Control#remedy()}.
 */
public abstract class Remedy {
  /** The controls that give it, in the catalogue's order: filled once, by {@link #givenBy}. */
  private final List<ControlInfo> controls = new ArrayList<>();

  /**
   * The remedies {@code controls} give ({@link Control#remedy()}), each once, in the order of the
   * first control that gives it; a remedy fixes every control that gives it.
   */
  public static List<Remedy> givenBy(List<? extends Control<?>> controls) {
    Map<Class<?>, Remedy> remedies = new LinkedHashMap<>();
    for (Control<?> control : controls) {
      control
          .remedy()
          .ifPresent(
              given ->
                  remedies
                      .computeIfAbsent(given.getClass(), type -> given)
                      .controls
                      .add(control.info()));
    }
    return List.copyOf(remedies.values());
  }

  /**
   * The ids of the controls it fixes; it runs on their resources, and not at all where any of them
   * is left alone.
   */
  public final List<String> controlIds() {
    return controls.stream().map(ControlInfo::id).toList();
  }

  /** The resource types it runs on: its controls', and {@link #alsoOn()}. */
  public final Set<ResourceType> resourceTypes() {
    Set<ResourceType> types = EnumSet.noneOf(ResourceType.class);
    controls.forEach(control -> types.add(control.resourceType()));
    types.addAll(alsoOn());
    return types;
  }

  /** Types beside its controls' own whose resources have the same setting and get the same fix. */
  protected Set<ResourceType> alsoOn() {
    return Set.of();
  }

  /**
   * A task definition's step for one of its containers. For each container in turn, every remedy's
   * container step runs, in the catalogue's order; then every remedy's {@link #resource} step.
   */
  public void container(ObjectNode task, ObjectNode container, RemedyContext context) {}

  /** The step for the resource as a whole. */
  public void resource(ObjectNode resource, RemedyContext context) {}
}
