package dev.ecsguard.engine;

import dev.ecsguard.control.ControlInfo;
import dev.ecsguard.control.Status;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.tree.Location;
import dev.ecsguard.tree.RepositoryPaths;
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
  public Finding(
      ControlInfo control,
      Status status,
      ResourceType resourceType,
      String resourceId,
      Map<String, String> labels,
      Location location,
      String message,
      List<Element> offenders) {
    this(control, status, resourceType, resourceId, labels, location, message, offenders, null);
  }

  /** Whether an accepted exception covers it: it stays in reports but does not fail a scan. */
  public boolean suppressed() {
    return suppression != null;
  }

  /**
   * {@link #fingerprint(String)} of the file as it was given, so relative to where ecsguard ran:
   * what baselines written before they named files from the repository's root hold.
   */
  public String fingerprint() {
    return fingerprint(location.file());
  }

  /**
   * What identifies this finding across runs, whatever the current directory: {@link
   * #fingerprint(String)} of its file from the repository's root, as {@code paths} gives it
   * (baselines, SARIF's partial fingerprint, ASFF's Id).
   */
  public String fingerprint(RepositoryPaths paths) {
    return fingerprint(paths.stable(location.file()));
  }

  /**
   * A hash of the control, {@code file}, the resource and its offending elements by name, never
   * lines, so that edits above it do not make it new.
   */
  public String fingerprint(String file) {
    StringBuilder identity =
        new StringBuilder()
            .append(control.id())
            .append('\n')
            .append(file.replace('\\', '/').replaceFirst("^(\\./)+", ""))
            .append('\n')
            .append(resourceId)
            .append('\n');
    offenders.forEach(offender -> identity.append(offender.name()).append('\n'));
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(identity.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest, 0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** This finding, marked as covered by {@code by}. */
  public Finding suppressedBy(Suppression by) {
    return new Finding(
        control, status, resourceType, resourceId, labels, location, message, offenders, by);
  }

  /**
   * An offending element: {@code container "web"}, or null when the resource itself is meant.
   *
   * @param sentence the element and its problem, as the finding's message words it
   */
  public record Element(String name, Location location, String problem, String sentence) {}
}
