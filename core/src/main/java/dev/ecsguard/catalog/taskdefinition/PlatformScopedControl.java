package dev.ecsguard.catalog.taskdefinition;

import dev.ecsguard.control.Control;
import dev.ecsguard.control.Decision;
import dev.ecsguard.control.ParameterValues;
import dev.ecsguard.control.Verdict;
import dev.ecsguard.model.TaskDefinition;
import dev.ecsguard.model.Value;
import java.util.function.Predicate;

/**
 * A task-definition control that judges the task definitions of some operating systems only. A
 * family outside its {@link Platforms} is NOT_APPLICABLE; one that is neither in nor out (not a
 * family AWS knows, such as {@code linux}), or one that cannot be read, is UNKNOWN rather than a
 * guess; an unset family is judged, as AWS judges it.
 */
abstract class PlatformScopedControl extends Control<TaskDefinition> {

  /** The operating systems a control judges. */
  enum Platforms {
    ALL_BUT_WINDOWS(
        family -> !TaskDefinitions.isWindows(family),
        TaskDefinitions::isWindows,
        "Windows task definitions are out of scope"),
    LINUX("LINUX"::equals, TaskDefinitions::isWindows, "Only Linux task definitions are in scope"),
    WINDOWS(
        TaskDefinitions::isWindows, "LINUX"::equals, "Only Windows task definitions are in scope");

    private final Predicate<String> inScope;
    private final Predicate<String> outOfScope;
    private final String outOfScopeMessage;

    Platforms(Predicate<String> inScope, Predicate<String> outOfScope, String outOfScopeMessage) {
      this.inScope = inScope;
      this.outOfScope = outOfScope;
      this.outOfScopeMessage = outOfScopeMessage;
    }
  }

  private final Platforms platforms;

  PlatformScopedControl(Platforms platforms) {
    super(TaskDefinition.class);
    this.platforms = platforms;
  }

  @Override
  protected final Verdict evaluate(TaskDefinition taskDefinition, ParameterValues parameters) {
    Value<String> family = taskDefinition.operatingSystemFamily();
    if (family.isAbsent() || (family.isKnown() && platforms.inScope.test(family.get()))) {
      return evaluateInScope(taskDefinition, parameters);
    }
    if (family.isKnown() && platforms.outOfScope.test(family.get())) {
      return Verdict.notApplicable(
          platforms.outOfScopeMessage + " (operatingSystemFamily is " + family.get() + ").",
          family.origin());
    }
    Decision decision = new Decision(taskDefinition.origin());
    decision.unknown(
        null,
        family.isUnknown()
            ? family
            : Value.unknown(
                "operatingSystemFamily \""
                    + family.get()
                    + "\" is neither LINUX nor a WINDOWS_SERVER family, so the scope is unclear",
                family.origin()));
    return decision.verdict("");
  }

  /** Decides on a task definition of the operating systems it judges (or of none named). */
  protected abstract Verdict evaluateInScope(
      TaskDefinition taskDefinition, ParameterValues parameters);
}
