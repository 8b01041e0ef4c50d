package dev.ecsguard.cli;

import dev.ecsguard.control.Consent;
import dev.ecsguard.control.RemedyOptions;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * How a task definition is hardened, the same for files ({@code fix}) and accounts ({@code apply}):
 * a picocli mixin.
 */
final class HardeningChoices {
  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

  @Option(
      names = "--user",
      paramLabel = "USER",
      description =
          "The user set where a container runs as root or sets none (ECS.20; default: ${DEFAULT-VALUE}).")
  String user = "1000:1000";

  @Option(
      names = "--keep-capabilities",
      split = ",",
      paramLabel = "CAP",
      description = "Linux capabilities added where privileged is removed (ECS.4), e.g. NET_ADMIN.")
  List<String> keepCapabilities = List.of();

  @Option(
      names = "--secret",
      paramLabel = "NAME=ARN",
      description =
          "Move the credential variable NAME into secrets, read from ARN (ECS.8, ECSG.5).")
  Map<String, String> secrets = new LinkedHashMap<>();

  @Option(
      names = "--allow-network-change",
      description =
          "Also remove host pid mode (ECS.3) and host IPC mode (ECSG.4), and change host network mode to awsvpc (ECS.17).")
  boolean allowNetworkChange;

  @Option(
      names = "--pin-image",
      paramLabel = "IMAGE=DIGEST",
      description =
          "Pin the image reference IMAGE, exactly as written, to its digest (sha256:...): IMAGE@DIGEST (ECSG.7).")
  Map<String, String> pinnedImages = new LinkedHashMap<>();

  @Option(
      names = "--allow-capability-drop",
      description =
          "Also remove the forbidden capabilities from linuxParameters.capabilities.add (ECSG.2).")
  boolean allowCapabilityDrop;

  @Option(
      names = "--allow-device-removal",
      description =
          "Also remove the host devices given to containers, linuxParameters.devices (ECSG.9).")
  boolean allowDeviceRemoval;

  @Option(
      names = "--allow-security-option-removal",
      description =
          "Also remove the dockerSecurityOptions that turn confinement off, e.g. seccomp:unconfined (ECSG.10).")
  boolean allowSecurityOptionRemoval;

  RemedyOptions options(String logRegion) {
    String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
    if (name.isBlank() || name.equals("root") || name.equals("0")) {
      throw new IllegalArgumentException(
          "--user must name a user other than root (" + user + " would keep ECS.20 failing)");
    }
    pinnedImages.forEach(HardeningChoices::checkPin);
    Set<Consent> consents = EnumSet.noneOf(Consent.class);
    if (allowCapabilityDrop) {
      consents.add(Consent.CAPABILITY_DROP);
    }
    if (allowDeviceRemoval) {
      consents.add(Consent.DEVICE_REMOVAL);
    }
    if (allowSecurityOptionRemoval) {
      consents.add(Consent.SECURITY_OPTION_REMOVAL);
    }
    return new RemedyOptions(user, keepCapabilities, logRegion, secrets, allowNetworkChange)
        .withPinnedImages(pinnedImages)
        .allowing(consents);
  }

  /** A pin is an image without a digest and a digest as registries print it. */
  private static void checkPin(String image, String digest) {
    if (image.isBlank() || image.contains("@")) {
      throw new IllegalArgumentException(
          "--pin-image needs an image reference without a digest before =, got \"" + image + "\"");
    }
    if (!DIGEST.matcher(digest).matches()) {
      throw new IllegalArgumentException(
          "--pin-image "
              + image
              + "=DIGEST: the digest must be sha256: and 64 lower-case hex digits");
    }
  }
}
