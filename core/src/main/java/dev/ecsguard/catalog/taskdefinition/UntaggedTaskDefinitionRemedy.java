package dev.ecsguard.catalog.taskdefinition;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.RemedyContext;

/** ECS.15: a step only, as the values of a team's tags are theirs to choose. */
public final class UntaggedTaskDefinitionRemedy extends Remedy {
  @Override
  public void resource(ObjectNode task, RemedyContext context) {
    if (!(task.get("tags") instanceof ArrayNode tags) || tags.isEmpty()) {
      context.instruct(
          task.path("family").asText("task")
              + ": add tags ("
              + controlIds().get(0)
              + "), such as a team or cost-centre key with its value; ecsguard does not invent their values");
    }
  }
}
