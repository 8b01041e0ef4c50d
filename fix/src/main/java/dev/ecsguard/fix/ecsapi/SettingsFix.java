package dev.ecsguard.fix.ecsapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * Fixes the settings of services, task sets, clusters and capacity providers written as ECS API
 * JSON (create or update input, or describe output), in place: ECS.2 and ECS.16 turn public IPs
 * off, ECS.10 moves Fargate to LATEST, ECS.12 turns Container Insights on, ECS.19 turns managed
 * termination protection on where managed scaling is on.
 */
public final class SettingsFix {
  private static final List<String> ENVELOPES = List.of("services", "taskSets", "clusters", "capacityProviders");
  private static final List<String> WRAPPERS = List.of("service", "taskSet", "cluster", "capacityProvider");

  private SettingsFix() {}

  /** Fixes every such resource in {@code document}; returns whether it held any. */
  public static boolean apply(JsonNode document) {
    return apply(document, Set.of());
  }

  /** As {@link #apply(JsonNode)}, but the steps of the controls in {@code leaveAlone} do not run. */
  public static boolean apply(JsonNode document, Set<String> leaveAlone) {
    boolean found = false;
    if (document instanceof ArrayNode array) {
      for (JsonNode element : array) {
        found |= apply(element, leaveAlone);
      }
      return found;
    }
    if (!(document instanceof ObjectNode object)) {
      return false;
    }
    for (String envelope : ENVELOPES) {
      if (object.get(envelope) instanceof ArrayNode list) {
        for (JsonNode element : list) {
          found |= resource(element, leaveAlone);
          if (element.get("taskSets") instanceof ArrayNode taskSets) {
            taskSets.forEach(taskSet -> resource(taskSet, leaveAlone));
          }
        }
      }
    }
    for (String wrapper : WRAPPERS) {
      if (object.get(wrapper) instanceof ObjectNode inner) {
        found |= resource(inner, leaveAlone);
      }
    }
    return found || resource(object, leaveAlone);
  }

  /** Sniffs what ECS API JSON holds, as describe and create outputs do not say their type. */
  private static boolean resource(JsonNode node, Set<String> leaveAlone) {
    if (!(node instanceof ObjectNode object)) {
      return false;
    }
    if (object.has("serviceName") || object.has("serviceArn") || object.has("taskSetArn") || object.has("externalId")) {
      service(object, leaveAlone);
      return true;
    }
    if (object.has("clusterName") || object.has("clusterArn")) {
      cluster(object, leaveAlone);
      return true;
    }
    if (object.get("autoScalingGroupProvider") instanceof ObjectNode) {
      capacityProvider(object, leaveAlone);
      return true;
    }
    return false;
  }

  /** A service or a task set: ECS.2, ECS.16, ECS.10. */
  public static void service(ObjectNode service, Set<String> leaveAlone) {
    if (!leaveAlone.contains("ECS.2") && !leaveAlone.contains("ECS.16")) {
      publicIp(service);
    }
    if (!leaveAlone.contains("ECS.10") && onFargate(service) && !current(service)) {
      service.put("platformVersion", "LATEST");
    }
  }

  /** ECS.10's scope: the Fargate launch type, or a capacity provider strategy that names Fargate. */
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

  /** Not set, LATEST, or the latest version itself (1.4.0 on Linux, 1.0.0 on Windows) passes ECS.10. */
  private static boolean current(ObjectNode service) {
    String version = service.path("platformVersion").asText("");
    String latest = service.path("platformFamily").asText("").startsWith("WINDOWS") ? "1.0.0" : "1.4.0";
    return version.isEmpty() || version.equals("LATEST") || version.equals(latest);
  }

  /** ECS.12. */
  public static void cluster(ObjectNode cluster, Set<String> leaveAlone) {
    if (leaveAlone.contains("ECS.12")) {
      return;
    }
    ArrayNode settings = cluster.withArray("settings");
    for (JsonNode setting : settings) {
      if ("containerInsights".equals(setting.path("name").asText())) {
        if (!"enhanced".equals(setting.path("value").asText())) {
          ((ObjectNode) setting).put("value", "enabled");
        }
        return;
      }
    }
    settings.add(JsonNodeFactory.instance.objectNode().put("name", "containerInsights").put("value", "enabled"));
  }

  /** ECS.19. */
  public static void capacityProvider(ObjectNode provider, Set<String> leaveAlone) {
    if (!leaveAlone.contains("ECS.19") && provider.get("autoScalingGroupProvider") instanceof ObjectNode group && "ENABLED".equals(group.path("managedScaling").path("status").asText())) {
      group.put("managedTerminationProtection", "ENABLED"); // it needs managed scaling; without it, the setting is refused
    }
  }

  private static void publicIp(ObjectNode resource) {
    if (resource.path("networkConfiguration").get("awsvpcConfiguration") instanceof ObjectNode vpc
        && "ENABLED".equals(vpc.path("assignPublicIp").asText())) {
      vpc.put("assignPublicIp", "DISABLED");
    }
  }
}
