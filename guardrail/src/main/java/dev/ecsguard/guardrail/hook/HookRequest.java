package dev.ecsguard.guardrail.hook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsguard.guardrail.GuardrailException;
import dev.ecsguard.model.ResourceType;
import java.util.Arrays;
import java.util.Optional;

/**
 * What the hook reads of an {@code AWS::CloudFormation::LambdaHook} request (AWS's "Lambda Hooks"
 * request input): the token to echo, the invocation point, and the target — one resource (its type
 * in {@code requestData.targetName}, its CloudFormation-shaped properties inline in {@code
 * targetModel.resourceProperties}) or a stack or change set (a presigned URL in {@code
 * requestData.payload}).
 *
 * @param stackId the stack's ARN; Cloud Control API requests have none (no stack)
 * @param target {@code requestData}: the target and what it carries
 */
record HookRequest(
    String clientRequestToken, String stackId, String invocationPoint, JsonNode target) {

  /** The request's parts, as far as it has them: what is missing is said when it is needed. */
  static HookRequest of(JsonNode event) {
    return new HookRequest(
        event.path("clientRequestToken").asText(""),
        event.path("stackId").asText(""),
        event.path("actionInvocationPoint").asText(""),
        event.path("requestData"));
  }

  /** The type a resource target names ({@code AWS::ECS::TaskDefinition}), or STACK, CHANGE_SET. */
  String targetName() throws GuardrailException {
    String name = target.path("targetName").asText("");
    if (name.isEmpty()) {
      throw new GuardrailException("the hook request names no requestData.targetName");
    }
    return name;
  }

  String logicalId() {
    return target.path("targetLogicalId").asText("");
  }

  boolean deletion() {
    return invocationPoint.startsWith("DELETE_");
  }

  /**
   * Whether Cloud Control API made the request, which truncates the message at 1,024 characters
   * rather than 4,096. Only CloudFormation has a stack: anything but a stack's ARN (none, for Cloud
   * Control) takes the shorter limit, never wrong, only briefer.
   */
  boolean cloudControl() {
    return !stackId.matches("arn:[^:]+:cloudformation:[^:]*:[^:]*:stack/.+");
  }

  /** The ECS resource type a resource target names; empty for any other type. */
  static Optional<ResourceType> ecsType(String typeName) {
    return Arrays.stream(ResourceType.values())
        .filter(type -> type.awsName().equals(typeName))
        .findFirst();
  }
}
