package dev.ecsguard.engine;

import dev.ecsguard.control.ControlInfo;
import dev.ecsguard.control.Status;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.source.Location;
import java.util.List;
import java.util.Map;

/**
 * One control's verdict on one resource, detached from the parsed input so that keeping findings
 * does not keep documents alive.
 *
 * @param labels what else names the resource: {@code cdkPath}, the CDK construct it came from
 * @param location the first offending element for FAILED and UNKNOWN, else the resource
 * @param offenders each element that failed (or could not be read), with where it stands
 * @param suppression the accepted exception that covers it, or null
 */
public record Finding(
    ControlInfo control,
    Status status,
    ResourceType resourceType,
    String resourceId,
    Map<String, String> labels,
    Location location,
    String message,
    List<Element> offenders,
    Suppression suppression) {

  /** A finding no suppression covers. */
  public Finding(ControlInfo control, Status status, ResourceType resourceType, String resourceId, Map<String, String> labels,
      Location location, String message, List<Element> offenders) {
    this(control, status, resourceType, resourceId, labels, location, message, offenders, null);
  }

  /** Whether an accepted exception covers it: it stays in reports but does not fail a scan. */
  public boolean suppressed() {
    return suppression != null;
  }

  /** This finding, marked as covered by {@code by}. */
  public Finding suppressedBy(Suppression by) {
    return new Finding(control, status, resourceType, resourceId, labels, location, message, offenders, by);
  }

  /**
   * An offending element: {@code container "web"}, or null when the resource itself is meant.
   *
   * @param sentence the element and its problem, as the finding's message words it
   */
  public record Element(String name, Location location, String problem, String sentence) {}
}
