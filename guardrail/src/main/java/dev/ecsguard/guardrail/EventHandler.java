package dev.ecsguard.guardrail;

import com.fasterxml.jackson.databind.JsonNode;

/** One entry point of the guardrail: an event in AWS's shape, judged, and its response. */
public interface EventHandler {
  Response handle(JsonNode event, GuardrailContext context) throws GuardrailException;

  /**
   * What a handler answers: {@code body}, the JSON the Lambda function returns (and {@code
   * guardrail invoke} prints); {@code failed}, whether it blocks or reports a failure (the CLI's
   * exit code 1).
   */
  record Response(JsonNode body, boolean failed) {}
}
