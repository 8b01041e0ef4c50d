package dev.ecsguard.catalog.taskdefinition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.RemedyContext;

/**
 * ECSG.7: an image is pinned only to the digest the user gives for it (--pin-image IMAGE=DIGEST):
 * which build a tag or latest means today is known to the registry, not to the file. The tag stays
 * ({@code repo:1.2@sha256:...} is valid and says what the digest is). Without a digest, a step.
 */
public final class UnpinnedImageRemedy extends Remedy {
  @Override
  public void container(ObjectNode task, ObjectNode container, RemedyContext context) {
    if (!container.path("image").isTextual()) {
      return;
    }
    String image = container.path("image").asText();
    if (image.isEmpty() || image.contains("@")) {
      return;
    }
    String named =
        task.path("family").asText("task")
            + ": container \""
            + container.path("name").asText()
            + "\"";
    if (image.contains(" ")) {
      // No image reference has a space: a value a function computes, as a template's fix shows it
      // ("(computed by Ref ImageUrl)"); --pin-image cannot name it.
      context.instruct(
          named
              + " runs an image "
              + image
              + "; give what it yields a version tag or its digest (ECSG.7)");
      return;
    }
    String digest = context.options().pinnedImages().get(image);
    if (digest != null) {
      container.put("image", image + "@" + digest);
    } else if (UnpinnedImage.problem(image, false) != null) {
      context.instruct(
          named
              + " runs the image \""
              + image
              + "\", which is not pinned to a version; give it a version tag or its digest by hand, or"
              + " with --pin-image "
              + image
              + "=sha256:DIGEST");
    }
  }
}
