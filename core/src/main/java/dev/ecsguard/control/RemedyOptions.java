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
 * @param consents the changes the user agrees to that may change how the workload behaves
 * @param pinnedImages {@code IMAGE → sha256:DIGEST}: the digest each image reference is pinned to
 *     (ECSG.7)
 * @param leaveAlone controls whose remedies do not run: accepted (suppressed) or skipped findings
 *     stay as they are
 */
public record RemedyOptions(
    String user,
    List<String> keepCapabilities,
    String logRegion,
    Map<String, String> secrets,
    Set<Consent> consents,
    Map<String, String> pinnedImages,
    Set<String> leaveAlone) {
  public RemedyOptions {
    consents = Set.copyOf(consents);
    pinnedImages = Map.copyOf(pinnedImages);
    leaveAlone = Set.copyOf(leaveAlone);
  }

  /** Every remedy runs; of the consents, at most the network change is given. */
  public RemedyOptions(
      String user,
      List<String> keepCapabilities,
      String logRegion,
      Map<String, String> secrets,
      boolean allowNetworkChange) {
    this(
        user,
        keepCapabilities,
        logRegion,
        secrets,
        allowNetworkChange ? Set.of(Consent.NETWORK_CHANGE) : Set.of(),
        Map.of(),
        Set.of());
  }

  /** Whether the user agrees to {@code change}. */
  public boolean allows(Consent change) {
    return consents.contains(change);
  }

  /** These options, with images pinned to digests ({@code IMAGE → sha256:DIGEST}). */
  public RemedyOptions withPinnedImages(Map<String, String> images) {
    return new RemedyOptions(
        user, keepCapabilities, logRegion, secrets, consents, images, leaveAlone);
  }

  /** These options, with {@code more} consents given too. */
  public RemedyOptions allowing(Collection<Consent> more) {
    Set<Consent> all = new HashSet<>(consents);
    all.addAll(more);
    return new RemedyOptions(
        user, keepCapabilities, logRegion, secrets, all, pinnedImages, leaveAlone);
  }

  /** These options, with awslogs added in {@code region} (null: ECS.9 left to the user). */
  public RemedyOptions withLogRegion(String region) {
    return new RemedyOptions(
        user, keepCapabilities, region, secrets, consents, pinnedImages, leaveAlone);
  }

  /** These options, with {@code controls} left alone too. */
  public RemedyOptions leavingAlone(Collection<String> controls) {
    Set<String> all = new HashSet<>(leaveAlone);
    all.addAll(controls);
    return new RemedyOptions(
        user, keepCapabilities, logRegion, secrets, consents, pinnedImages, all);
  }

  /** Whether {@code remedy} runs: none of its controls is left alone. */
  public boolean runs(Remedy remedy) {
    return remedy.controlIds().stream().noneMatch(leaveAlone::contains);
  }
}
