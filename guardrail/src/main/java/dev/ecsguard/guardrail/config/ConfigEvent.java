package dev.ecsguard.guardrail.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsguard.engine.Selection;
import dev.ecsguard.guardrail.GuardrailException;
import java.util.ArrayList;
import java.util.List;

/**
 * An AWS Config custom-rule event, as Lambda receives it: {@code invokingEvent} and {@code
 * ruleParameters} are JSON held in strings, parsed here once.
 *
 * @param invoking the parsed invokingEvent: its {@code messageType} and the item, its summary or
 *     the schedule's time
 * @param controls the {@code controls} rule parameter's ids ("ECS.4" or "ECS.4,ECS.5"); empty: the
 *     default selection
 * @param resultToken what {@code PutEvaluations} must carry back
 * @param leftScope {@code eventLeftScope}: the resource is no longer in the rule's scope
 * @param accountId the account whose resources the event is about (a member account's, for an
 *     organization rule), or null
 */
record ConfigEvent(
    JsonNode invoking,
    String messageType,
    List<String> controls,
    String resultToken,
    boolean leftScope,
    String accountId) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static ConfigEvent of(JsonNode event) throws GuardrailException {
    JsonNode invoking = embedded(event, "invokingEvent");
    if (invoking == null || !invoking.isObject()) {
      throw new GuardrailException("the Config rule event's invokingEvent is not a JSON object");
    }
    String messageType = invoking.path("messageType").asText("");
    JsonNode parameters = embedded(event, "ruleParameters");
    String resultToken = event.path("resultToken").asText("");
    String accountId = event.path("accountId").asText(null);
    return new ConfigEvent(
        invoking,
        messageType,
        controls(parameters),
        resultToken,
        event.path("eventLeftScope").asBoolean(false),
        accountId);
  }

  /**
   * A member that holds JSON in a string (as Config sends it), or the JSON itself; null if none.
   */
  private static JsonNode embedded(JsonNode event, String member) throws GuardrailException {
    JsonNode value = event.get(member);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      return value;
    }
    if (value.asText().isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(value.asText());
    } catch (JsonProcessingException e) {
      throw new GuardrailException("the Config rule event's " + member + " is not JSON");
    }
  }

  /** The {@code controls} rule parameter, each id checked against the catalogue. */
  private static List<String> controls(JsonNode parameters) throws GuardrailException {
    if (parameters == null || !parameters.isObject() || !parameters.has("controls")) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    for (String id : parameters.get("controls").asText("").split(",")) {
      if (id.isBlank()) {
        continue;
      }
      try {
        ids.add(Selection.find(id).info().id());
      } catch (IllegalArgumentException e) {
        throw new GuardrailException(
            "the rule parameter controls names an unknown control (`ecsguard controls` lists them)");
      }
    }
    return ids;
  }

  /** The item of a change notification; null when the event carries none. */
  JsonNode item() {
    JsonNode item = invoking.get("configurationItem");
    return item != null && item.isObject() ? item : null;
  }
}
