package dev.ecsguard.catalog.service;

import dev.ecsguard.control.TaggingRemedy;

/** ECS.13: a step only, as the values of a team's tags are theirs to choose. */
public final class UntaggedServiceRemedy extends TaggingRemedy {
  public UntaggedServiceRemedy() {
    super("service", "serviceName", "service");
  }
}
