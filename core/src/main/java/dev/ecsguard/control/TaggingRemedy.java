package dev.ecsguard.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The remedy of a {@link RequiredTags} control: a step only, as the keys and values of a team's
 * tags are theirs to choose.
 */
public abstract class TaggingRemedy extends Remedy {
  private final String what;
  private final String[] nameFields;

  /**
   * {@code what} names the resource when it has no name ("service"); {@code nameFields} are where
   * its API shape names it (serviceName, or update-service's service).
   */
  protected TaggingRemedy(String what, String... nameFields) {
    this.what = what;
    this.nameFields = nameFields.clone();
  }

  @Override
  public void resource(ObjectNode resource, RemedyContext context) {
    if (!(resource.get("tags") instanceof ArrayNode tags) || tags.isEmpty()) {
      context.instruct(
          name(resource)
              + ": add tags ("
              + controlIds().get(0)
              + "), such as a team or cost-centre key with its value; ecsguard does not invent their values");
    }
  }

  private String name(ObjectNode resource) {
    for (String field : nameFields) {
      JsonNode name = resource.get(field);
      if (name != null && name.isTextual()) {
        return name.asText();
      }
    }
    return what;
  }
}
