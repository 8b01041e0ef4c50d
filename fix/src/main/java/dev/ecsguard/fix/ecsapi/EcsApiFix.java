package dev.ecsguard.fix.ecsapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ecsguard.control.RemedyOptions;
import dev.ecsguard.fix.cloudformation.TemplateFix;
import dev.ecsguard.fix.shared.AwsCliJson;
import dev.ecsguard.fix.shared.FixedText;
import dev.ecsguard.fix.shared.Hardening;
import dev.ecsguard.fix.shared.JacksonTree;
import dev.ecsguard.format.ecsapi.BareObjects;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.tree.Document;
import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Fixes ECS API JSON (register, create or update input, or describe output) on the scanner's own
 * tree, numbers as written: a task definition, or the services, task sets, clusters and capacity
 * providers it holds, in place.
 */
public final class EcsApiFix {
  private static final List<String> ENVELOPES =
      List.of("services", "taskSets", "clusters", "capacityProviders");
  private static final List<String> WRAPPERS =
      List.of("service", "taskSet", "cluster", "capacityProvider");

  private EcsApiFix() {}

  /**
   * ECS API JSON as the scanner read it, rewritten by Jackson with its numbers as written; null
   * when it holds nothing to fix.
   */
  public static FixedText fix(Document read, String original, RemedyOptions options) {
    JsonNode document = apiJson(read);
    Hardening hardening = new Hardening(options);
    JsonNode hardened = hardening.taskDefinition(document);
    if (hardened == null) {
      JsonNode settings = document.deepCopy();
      if (!settings(settings, hardening)) {
        return null;
      }
      hardened = settings;
    }
    // Nothing to change: the file stays as written, not reformatted.
    String fixed = hardened.equals(document) ? original : written(original, document, hardened);
    return new FixedText(fixed, hardening.instructions());
  }

  /**
   * {@code original} with only what the fix changed edited, as templates are; the whole document as
   * the AWS CLI writes it where the editor cannot keep the layout, or its result would not read
   * back as {@code hardened}.
   */
  private static String written(String original, JsonNode document, JsonNode hardened) {
    return TemplateFix.editApiJson(original, document, hardened)
        .filter(edited -> readsAs(edited, hardened))
        .orElseGet(() -> AwsCliJson.print(hardened));
  }

  private static boolean readsAs(String text, JsonNode expected) {
    try {
      return apiJson(
              new DocumentReader(InputLimits.DEFAULT)
                  .read(text.getBytes(StandardCharsets.UTF_8), "fixed"))
          .equals(expected);
    } catch (InputException | RuntimeException e) {
      return false;
    }
  }

  /** A JSON document as Jackson's tree, numbers as written. */
  private static JsonNode apiJson(Document read) {
    return JacksonTree.of(
        read.root(),
        unresolved -> {
          throw new IllegalStateException("JSON has no unresolved values");
        });
  }

  /**
   * Fixes every service, task set, cluster and capacity provider in {@code document}; returns
   * whether it held any.
   */
  private static boolean settings(JsonNode document, Hardening hardening) {
    boolean found = false;
    if (document instanceof ArrayNode array) {
      for (JsonNode element : array) {
        found |= settings(element, hardening);
      }
      return found;
    }
    if (!(document instanceof ObjectNode object)) {
      return false;
    }
    for (String envelope : ENVELOPES) {
      if (object.get(envelope) instanceof ArrayNode list) {
        for (JsonNode element : list) {
          found |= resource(element, hardening);
          if (element.get("taskSets") instanceof ArrayNode taskSets) {
            taskSets.forEach(taskSet -> resource(taskSet, hardening));
          }
        }
      }
    }
    for (String wrapper : WRAPPERS) {
      if (object.get(wrapper) instanceof ObjectNode inner) {
        found |= resource(inner, hardening);
      }
    }
    return found || resource(object, hardening);
  }

  /** Hardens {@code node} by its type; false when it is none of these. */
  private static boolean resource(JsonNode node, Hardening hardening) {
    ResourceType type = node instanceof ObjectNode object ? typeOf(object) : null;
    if (type != null) {
      hardening.resource(type, (ObjectNode) node);
    }
    return type != null;
  }

  /** As the scanner decides it: other tools' JSON may name a service or cluster alike. */
  private static boolean isEcs(ResourceType type, ObjectNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return BareObjects.isEcs(
        type, names, name -> object.get(name) instanceof TextNode text ? text.textValue() : null);
  }

  /**
   * Sniffs what ECS API JSON holds, as describe and create outputs do not say their type (a task
   * set names its service too).
   */
  private static ResourceType typeOf(ObjectNode object) {
    if ((object.has("taskSetArn") || object.has("externalId"))
        && isEcs(ResourceType.TASK_SET, object)) {
      return ResourceType.TASK_SET;
    }
    if ((object.has("serviceName") || object.has("serviceArn"))
        && isEcs(ResourceType.SERVICE, object)) {
      return ResourceType.SERVICE;
    }
    if ((object.has("clusterName") || object.has("clusterArn"))
        && isEcs(ResourceType.CLUSTER, object)) {
      return ResourceType.CLUSTER;
    }
    return object.get("autoScalingGroupProvider") instanceof ObjectNode
        ? ResourceType.CAPACITY_PROVIDER
        : null;
  }
}
