package dev.ecsguard.guardrail.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsguard.guardrail.GuardrailException;
import java.util.Set;

/**
 * An EventBridge "AWS API Call via CloudTrail" event, as far as the handler reads it: the ECS call
 * it records, whether it failed, the account and Region it was made in, and its CloudTrail record's
 * {@code requestParameters} and {@code responseElements} (each missing or null when the call failed
 * or CloudTrail dropped it for its size).
 */
record ApiCall(
    String source,
    String eventSource,
    String eventName,
    String errorCode,
    String account,
    String region,
    String caller,
    JsonNode request,
    JsonNode response) {

  /** The ECS calls that create or change what the controls judge. */
  static final Set<String> JUDGED =
      Set.of(
          "RegisterTaskDefinition",
          "CreateService",
          "UpdateService",
          "CreateTaskSet",
          "CreateCluster",
          "UpdateCluster",
          "UpdateClusterSettings",
          "PutClusterCapacityProviders",
          "CreateCapacityProvider",
          "UpdateCapacityProvider");

  static ApiCall of(JsonNode event) throws GuardrailException {
    JsonNode detail = event.path("detail");
    if (!detail.isObject()) {
      throw new GuardrailException("the EventBridge event has no detail object");
    }
    String account = text(event, "account", text(detail, "recipientAccountId", null));
    String region = text(event, "region", text(detail, "awsRegion", null));
    if (account == null || region == null) {
      throw new GuardrailException("the EventBridge event names no account or no Region");
    }
    return new ApiCall(
        text(event, "source", null),
        text(detail, "eventSource", null),
        text(detail, "eventName", null),
        text(detail, "errorCode", null),
        account,
        region,
        text(detail.path("userIdentity"), "arn", null),
        detail.path("requestParameters"),
        detail.path("responseElements"));
  }

  /** An ECS call this handler judges, made without error. */
  boolean judged() {
    return "aws.ecs".equals(source)
        && "ecs.amazonaws.com".equals(eventSource)
        && JUDGED.contains(eventName);
  }

  boolean failed() {
    return errorCode != null;
  }

  /** The text at {@code path} (member names) of the response, else null. */
  String responseText(String... path) {
    return at(response, path);
  }

  /** The text at {@code path} (member names) of the request, else null. */
  String requestText(String... path) {
    return at(request, path);
  }

  private static String at(JsonNode node, String... path) {
    for (String name : path) {
      node = node.path(name);
    }
    return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
  }

  private static String text(JsonNode object, String name, String otherwise) {
    JsonNode value = object.path(name);
    return value.isTextual() && !value.asText().isBlank() ? value.asText() : otherwise;
  }
}
