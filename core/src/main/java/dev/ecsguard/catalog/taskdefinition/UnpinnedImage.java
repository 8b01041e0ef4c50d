package dev.ecsguard.catalog.taskdefinition;

import dev.ecsguard.control.Control;
import dev.ecsguard.control.ControlSpec;
import dev.ecsguard.control.ControlSpec.Parameter;
import dev.ecsguard.control.Decision;
import dev.ecsguard.control.ParameterType;
import dev.ecsguard.control.ParameterValues;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.Severity;
import dev.ecsguard.control.Verdict;
import dev.ecsguard.model.ContainerDefinition;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.TaskDefinition;
import dev.ecsguard.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ControlSpec(
    id = "ECSG.7",
    title = "Container images must be pinned to a version",
    severity = Severity.LOW,
    resourceType = ResourceType.TASK_DEFINITION,
    remediation =
        "Give every image a version tag other than latest, or better its digest (repo/app:1.2@sha256:...).",
    parameters =
        @Parameter(
            name = "requireDigest",
            description =
                "Whether every image must name its digest (@sha256:...); a tag is not enough.",
            type = ParameterType.BOOLEAN,
            defaultValue = "false"))
public final class UnpinnedImage extends Control<TaskDefinition> {

  public UnpinnedImage() {
    super(TaskDefinition.class);
  }

  @Override
  protected Verdict evaluate(TaskDefinition taskDefinition, ParameterValues parameters) {
    boolean requireDigest = parameters.flag("requireDigest");
    Decision decision = new Decision(taskDefinition.origin());
    boolean partlyKnown = false;
    List<String> imageless = new ArrayList<>();
    for (ContainerDefinition container : TaskDefinitions.containers(taskDefinition, decision)) {
      Value<String> image = container.image();
      if (image.isAbsent()) {
        imageless.add(container.label()); // ECS refuses it: nothing runs that could be unpinned
        continue;
      }
      String ending = image.knownEnding(); // set only on an unknown image
      if (!image.isKnown() && !decidedByEnding(ending)) {
        decision.unknownIf(container.label(), image);
        continue;
      }
      partlyKnown |= !image.isKnown();
      String problem =
          image.isKnown()
              ? problem(image.get(), requireDigest)
              : problemOfEnding(ending, requireDigest);
      if (problem != null) {
        String shown =
            image.isKnown()
                ? "the image \"" + image.get() + "\""
                : "an image ending \"" + ending + "\" (the rest known at deployment)";
        decision.fail(container.label(), image.origin(), "runs " + shown + ", " + problem);
      }
    }
    String pinned =
        partlyKnown
            ? "Every container's image is pinned to a version (by the tag or digest its known end"
                + " shows, where the rest is known at deployment)"
            : "Every container's image is pinned to a version";
    return decision.verdict(
        imageless.isEmpty()
            ? pinned + "."
            : pinned.replace("Every container's image", "Every image named")
                + "; "
                + String.join(", ", imageless)
                + " names no image, which ECS requires.");
  }

  /**
   * What is wrong with {@code image}, or null when it is pinned. A digest pins it whatever its tag;
   * the tag is what follows the last colon of the last path segment, so {@code host:5000/app} has
   * none.
   */
  static String problem(String image, boolean requireDigest) {
    if (image.contains("@")) {
      return null;
    }
    if (requireDigest) {
      return "which names no digest (ECSG.7.requireDigest)";
    }
    String tag = tag(image);
    if (tag == null) {
      return "which has no tag, so it means latest";
    }
    return tag.equalsIgnoreCase("latest") ? "whose tag latest moves with every push" : null;
  }

  /**
   * Whether an image of which only the end {@code ending} is known is decided by it: it shows a
   * digest, a tag (the text after a colon with no slash after it), or the whole last path segment
   * (after a slash), which then has no tag and so no digest either.
   */
  static boolean decidedByEnding(String ending) {
    return ending != null
        && (ending.contains("@") || tagOfEnding(ending) != null || ending.contains("/"));
  }

  /** As {@link #problem}, for an image of which only the end {@code ending} is known. */
  static String problemOfEnding(String ending, boolean requireDigest) {
    if (ending.contains("@")) {
      return null;
    }
    String tag = tagOfEnding(ending);
    return problem(tag != null ? "image:" + tag : "image", requireDigest);
  }

  /** The tag an image ending in {@code ending} has when the ending shows it, or null. */
  private static String tagOfEnding(String ending) {
    int colon = ending.lastIndexOf(':');
    return colon >= 0 && ending.indexOf('/', colon) < 0 ? ending.substring(colon + 1) : null;
  }

  /** The tag of an image without a digest, or null when it has none. */
  static String tag(String image) {
    String lastSegment = image.substring(image.lastIndexOf('/') + 1);
    int colon = lastSegment.lastIndexOf(':');
    return colon < 0 ? null : lastSegment.substring(colon + 1);
  }

  @Override
  public Optional<Remedy> remedy() {
    return Optional.of(new UnpinnedImageRemedy());
  }
}
