package dev.ecsguard.control;

import dev.ecsguard.tree.Origin;
import java.util.List;

/**
 * A control's decision on one resource.
 *
 * @param origin where the verdict points: the first offending element, or the resource
 * @param offenders every element that failed (or, for UNKNOWN, could not be read)
 */
public record Verdict(Status status, String message, Origin origin, List<Offender> offenders) {

  public static Verdict passed(String message, Origin resource) {
    return new Verdict(Status.PASSED, message, resource, List.of());
  }

  public static Verdict notApplicable(String message, Origin resource) {
    return new Verdict(Status.NOT_APPLICABLE, message, resource, List.of());
  }
}
