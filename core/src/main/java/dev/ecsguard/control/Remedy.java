package dev.ecsguard.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.model.ResourceType;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How the failures of one or more controls are fixed, on a resource in the ECS API's shape
 * (register or create input, describe output, as Jackson's tree). Every fix asks it: ECS API JSON
 * files, CloudFormation and Terraform (read into that shape, the changes written back in their
 * own syntax) and live apply. A remedy changes only what its controls need, never removes
 * anything else, and running it twice changes nothing more; what it cannot do is a step for the
 * user in the {@link RemedyContext}. Its class lies beside its control's, and {@code
 * Catalogue.remedies()} lists it.
 */
public abstract class Remedy {
  private final List<ControlInfo> controls;

  /** {@code controls}: the controls it fixes; it runs on their resources, and not at all where any of them is left alone. */
  @SafeVarargs
  protected Remedy(Class<? extends Control<?>>... controls) {
    this.controls = Arrays.stream(controls).map(ControlInfo::of).toList();
  }

  /** The ids of the controls it fixes. */
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
   * A task definition's step for one of its containers. For each container in turn, every
   * remedy's container step runs, in the catalogue's order; then every remedy's {@link #resource} step.
   */
  public void container(ObjectNode task, ObjectNode container, RemedyContext context) {}

  /** The step for the resource as a whole. */
  public void resource(ObjectNode resource, RemedyContext context) {}
}
