package dev.ecsguard.catalog.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.RemedyContext;
import dev.ecsguard.model.ResourceType;
import java.util.Set;

/** ECS.10: Fargate moves to LATEST. */
public final class OutdatedFargatePlatformRemedy extends Remedy {
  /** A task set has a platform version of its own, which gets the same fix. */
  @Override
  protected Set<ResourceType> alsoOn() {
    return Set.of(ResourceType.TASK_SET);
  }

  @Override
  public void resource(ObjectNode service, RemedyContext context) {
    if (onFargate(service) && !current(service)) {
      service.put("platformVersion", "LATEST");
    }
  }

  /**
   * ECS.10's scope: the Fargate launch type, or a capacity provider strategy that names Fargate.
   */
  private static boolean onFargate(ObjectNode service) {
    if ("FARGATE".equals(service.path("launchType").asText())) {
      return true;
    }
    for (JsonNode item : service.path("capacityProviderStrategy")) {
      if (item.path("capacityProvider").asText().startsWith("FARGATE")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Not set, LATEST, or the latest version itself (1.4.0 on Linux, 1.0.0 on Windows) passes ECS.10.
   */
  private static boolean current(ObjectNode service) {
    String version = service.path("platformVersion").asText("");
    String latest =
        service.path("platformFamily").asText("").startsWith("WINDOWS") ? "1.0.0" : "1.4.0";
    return version.isEmpty() || version.equals("LATEST") || version.equals(latest);
  }
}
