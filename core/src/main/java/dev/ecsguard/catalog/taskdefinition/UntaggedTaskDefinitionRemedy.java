package dev.ecsguard.catalog.taskdefinition;

import dev.ecsguard.control.TaggingRemedy;

/** ECS.15: a step only, as the values of a team's tags are theirs to choose. */
public final class UntaggedTaskDefinitionRemedy extends TaggingRemedy {
  public UntaggedTaskDefinitionRemedy() {
    super("task", "family");
  }
}
