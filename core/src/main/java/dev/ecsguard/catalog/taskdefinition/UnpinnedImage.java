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
    for (ContainerDefinition container : TaskDefinitions.containers(taskDefinition, decision)) {
      Value<String> image = container.image();
      decision.unknownIf(container.label(), image);
      String problem = image.isKnown() ? problem(image.get(), requireDigest) : null;
      if (problem != null) {
        decision.fail(
            container.label(),
            image.origin(),
            "runs the image \"" + image.get() + "\", " + problem);
      }
    }
    return decision.verdict("Every container's image is pinned to a version.");
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
