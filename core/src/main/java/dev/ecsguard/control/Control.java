package dev.ecsguard.control;

import dev.ecsguard.model.Resource;
import java.util.Optional;

/**
 * One check. A subclass is one small class annotated with {@link ControlSpec}; it knows the model
 * only, never an input format.
 *
 * @param <R> the resource type it evaluates
 */
public abstract class Control<R extends Resource> {
  private final Class<R> resourceClass;
  private final ControlInfo info;

  protected Control(Class<R> resourceClass) {
    this.resourceClass = resourceClass;
    this.info = ControlInfo.of(getClass());
  }

  public final ControlInfo info() {
    return info;
  }

  public final Class<R> resourceClass() {
    return resourceClass;
  }

  /** Decides on {@code resource}, or returns null when the control is not about its type. */
  public final Verdict evaluateAny(Resource resource, ParameterValues parameters) {
    return resourceClass.isInstance(resource)
        ? evaluate(resourceClass.cast(resource), parameters)
        : null;
  }

  protected abstract Verdict evaluate(R resource, ParameterValues parameters);

  /**
   * How ecsguard fixes its failures, when it can: a control that is fixable returns a new instance
   * of its remedy (two controls that one remedy fixes both return it). Made only when asked for, so
   * a scan never loads a remedy.
   */
  public Optional<Remedy> remedy() {
    return Optional.empty();
  }
}
