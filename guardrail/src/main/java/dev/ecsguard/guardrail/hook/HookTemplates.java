package dev.ecsguard.guardrail.hook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.guardrail.GuardrailException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a hook request gives to judge, as CloudFormation templates for the scan's own CloudFormation
 * reader, so that every control is written once: a resource target's properties become a template
 * of that one resource; a stack's payload is its template as submitted (JSON or YAML); a change
 * set's is each changed ECS resource's properties after the change.
 */
final class HookTemplates {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Change-set actions that remove a resource: nothing is left to judge. */
  private static final Set<String> REMOVALS = Set.of("DELETE", "Delete", "Remove", "REMOVE");

  private HookTemplates() {}

  /** One template to scan: {@code name} names it in findings and tells JSON from YAML. */
  record Template(String name, byte[] text) {}

  /**
   * {@code {"Resources": {logicalId: {"Type": type, "Properties": properties}}}}: a resource
   * target's CloudFormation-shaped properties (strings for booleans and numbers) as a template.
   */
  static Template ofResource(String logicalId, String type, JsonNode properties)
      throws GuardrailException {
    String id = logicalId.isEmpty() ? "Resource" : logicalId;
    if (!properties.isObject()) {
      throw new GuardrailException(
          "the properties of " + id + " (" + type + ") are missing or not an object");
    }
    ObjectNode template = JSON.createObjectNode();
    ObjectNode resource = template.putObject("Resources").putObject(id);
    resource.put("Type", type);
    resource.set("Properties", properties);
    try {
      return new Template(id + ".json", JSON.writeValueAsBytes(template));
    } catch (JsonProcessingException e) {
      throw new GuardrailException("cannot write the properties of " + id + " as a template", e);
    }
  }

  /**
   * A STACK payload's {@code template}; a CHANGE_SET payload's changed ECS resources (each change's
   * {@code afterContext}, a JSON string of the resource's properties after the change), or its
   * whole template when it lists no changes.
   */
  static List<Template> ofPayload(String target, JsonNode payload) throws GuardrailException {
    JsonNode changes = member(payload, "changedResources", "ChangedResources");
    if (target.equals(HookHandler.CHANGE_SET) && changes.isArray()) {
      List<Template> templates = new ArrayList<>();
      for (JsonNode change : changes) {
        String type = member(change, "resourceType", "ResourceType").asText("");
        String action = member(change, "action", "Action").asText("");
        if (HookRequest.ecsType(type).isPresent() && !REMOVALS.contains(action)) {
          String logicalId = member(change, "logicalResourceId", "LogicalResourceId").asText("");
          templates.add(ofResource(logicalId, type, propertiesAfter(logicalId, change)));
        }
      }
      return templates;
    }
    JsonNode template = member(payload, "template", "Template");
    if (template.isTextual()) {
      // As submitted: JSON or YAML, told apart by its first character.
      return List.of(new Template("template", template.asText().getBytes(StandardCharsets.UTF_8)));
    }
    if (template.isObject()) {
      try {
        return List.of(new Template("template.json", JSON.writeValueAsBytes(template)));
      } catch (JsonProcessingException e) {
        throw new GuardrailException("cannot write the payload's template", e);
      }
    }
    throw new GuardrailException("the " + target + " payload holds no template");
  }

  /**
   * A change's properties after it: {@code afterContext} is a JSON string of {@code {"Properties":
   * {...}}} (or of the properties themselves); the hook plugin model's {@code ResourceProperties}
   * likewise.
   */
  private static JsonNode propertiesAfter(String logicalId, JsonNode change)
      throws GuardrailException {
    JsonNode after = member(change, "afterContext", "ResourceProperties");
    if (after.isTextual()) {
      try {
        after = JSON.readTree(after.asText());
      } catch (JsonProcessingException e) {
        // Jackson's message quotes the text, which may hold a secret.
        throw new GuardrailException(
            "the change to " + logicalId + " carries an afterContext that is not JSON");
      }
    }
    JsonNode properties = after.path("Properties");
    return properties.isObject() ? properties : after;
  }

  /**
   * A member by the Lambda hook's camelCase name, or the PascalCase one the hook handler plugin
   * model uses for the same payload.
   */
  private static JsonNode member(JsonNode node, String camelCase, String pascalCase) {
    JsonNode value = node.path(camelCase);
    return value.isMissingNode() || value.isNull() ? node.path(pascalCase) : value;
  }
}
