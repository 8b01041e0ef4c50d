package dev.ecsguard.catalog.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.RemedyContext;

/** ECS.12: Container Insights enabled (enhanced stays). */
public final class ContainerInsightsDisabledRemedy extends Remedy {
  @Override
  public void resource(ObjectNode cluster, RemedyContext context) {
    ArrayNode settings = cluster.withArray("settings");
    for (JsonNode setting : settings) {
      if ("containerInsights".equals(setting.path("name").asText())) {
        if (!"enhanced".equals(setting.path("value").asText())) {
          ((ObjectNode) setting).put("value", "enabled");
        }
        return;
      }
    }
    settings.addObject().put("name", "containerInsights").put("value", "enabled");
  }
}
