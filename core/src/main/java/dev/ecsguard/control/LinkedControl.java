package dev.ecsguard.control;

import dev.ecsguard.model.Resource;
import dev.ecsguard.model.TaskDefinition;
import java.util.List;

/**
 * A control that judges a resource together with others of the same scan: a service with the task
 * definition it runs. It gives no verdict on a resource alone ({@link #evaluateAny} is null, so a
 * guardrail that sees one resource at a time leaves it out); the engine runs it at the end of a
 * scan, on the services and task sets it kept, with a {@link Scope} of every task definition read.
 * Each task definition is judged once, as it is read, by the task-definition controls a linked
 * control {@linkplain #reads reads} and by its own {@linkplain #probes probes}; only their FAILED
 * and UNKNOWN verdicts are kept, detached from the input.
 *
 * @param <R> the resource type it evaluates
 */
public abstract class LinkedControl<R extends Resource> extends Control<R> {

  protected LinkedControl(Class<R> resourceClass) {
    super(resourceClass);
  }

  /** A task-definition check of a linked control's own: a control with other parameters. */
  public record Probe(String name, Control<TaskDefinition> control, ParameterValues parameters) {}

  /** No verdict on a resource alone. */
  @Override
  protected final Verdict evaluate(R resource, ParameterValues parameters) {
    return null;
  }

  /**
   * Whether it reads the verdicts of the catalogue's task-definition control {@code control} (run
   * with the scan's parameters) on the task definitions it links to.
   */
  public abstract boolean reads(ControlInfo control);

  /**
   * Whether it reads more than the status of {@code control}'s verdicts (their messages and
   * offenders); by default not, so that a scan keeps only a status for most task definitions.
   */
  public boolean readsDetail(ControlInfo control) {
    return false;
  }

  /** Checks it runs on every task definition besides the catalogue's; none by default. */
  public List<Probe> probes() {
    return List.of();
  }

  /** Decides on {@code resource} within {@code scope}, or null when it is not about its type. */
  public final Verdict evaluateLinked(Resource resource, ParameterValues parameters, Scope scope) {
    return resourceClass().isInstance(resource)
        ? evaluate(resourceClass().cast(resource), parameters, scope)
        : null;
  }

  protected abstract Verdict evaluate(R resource, ParameterValues parameters, Scope scope);
}
