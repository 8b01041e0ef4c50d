package dev.ecsguard.control;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the user chose for the remedies.
 *
 * @param user the user set where ECS.20 fails (Linux)
 * @param keepCapabilities Linux capabilities added where privileged is removed
 * @param logRegion the region of the awslogs log group ECS.9 adds; null to leave ECS.9 to the user
 * @param secrets {@code NAME → ARN}: where the value of a credential variable lives, for ECS.8
 * @param allowNetworkChange whether ECS.3 and ECS.17 may change how the task is reached
 * @param pinnedImages {@code IMAGE → sha256:DIGEST}: the digest each image reference is pinned to
 *     (ECSG.7)
 * @param allowCapabilityDrop whether ECSG.2 may remove forbidden capabilities from capabilities.add
 * @param leaveAlone controls whose remedies do not run: accepted (suppressed) or skipped findings
 *     stay as they are
 */
public record RemedyOptions(
    String user,
    List<String> keepCapabilities,
    String logRegion,
    Map<String, String> secrets,
    boolean allowNetworkChange,
    Map<String, String> pinnedImages,
    boolean allowCapabilityDrop,
    Set<String> leaveAlone) {
  public RemedyOptions {
    pinnedImages = Map.copyOf(pinnedImages);
    leaveAlone = Set.copyOf(leaveAlone);
  }

  /** Every remedy runs. */
  public RemedyOptions(
      String user,
      List<String> keepCapabilities,
      String logRegion,
      Map<String, String> secrets,
      boolean allowNetworkChange) {
    this(user, keepCapabilities, logRegion, secrets, allowNetworkChange, Map.of(), false, Set.of());
  }

  /** These options, with images pinned to digests ({@code IMAGE → sha256:DIGEST}). */
  public RemedyOptions withPinnedImages(Map<String, String> images) {
    return new RemedyOptions(
        user,
        keepCapabilities,
        logRegion,
        secrets,
        allowNetworkChange,
        images,
        allowCapabilityDrop,
        leaveAlone);
  }

  /** These options, with ECSG.2's consent to drop forbidden capabilities given or not. */
  public RemedyOptions withCapabilityDrop(boolean allowed) {
    return new RemedyOptions(
        user,
        keepCapabilities,
        logRegion,
        secrets,
        allowNetworkChange,
        pinnedImages,
        allowed,
        leaveAlone);
  }

  /** These options, with awslogs added in {@code region} (null: ECS.9 left to the user). */
  public RemedyOptions withLogRegion(String region) {
    return new RemedyOptions(
        user,
        keepCapabilities,
        region,
        secrets,
        allowNetworkChange,
        pinnedImages,
        allowCapabilityDrop,
        leaveAlone);
  }

  /** These options, with {@code controls} left alone too. */
  public RemedyOptions leavingAlone(Collection<String> controls) {
    Set<String> all = new HashSet<>(leaveAlone);
    all.addAll(controls);
    return new RemedyOptions(
        user,
        keepCapabilities,
        logRegion,
        secrets,
        allowNetworkChange,
        pinnedImages,
        allowCapabilityDrop,
        all);
  }

  /** Whether {@code remedy} runs: none of its controls is left alone. */
  public boolean runs(Remedy remedy) {
    return remedy.controlIds().stream().noneMatch(leaveAlone::contains);
  }
}
