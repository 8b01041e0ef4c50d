package dev.ecsguard.guardrail.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsguard.guardrail.EventHandler;
import dev.ecsguard.guardrail.GuardrailContext;
import dev.ecsguard.guardrail.GuardrailException;

/** An EventBridge CloudTrail event, judged. */
public final class CloudTrailHandler implements EventHandler {
  @Override
  public Response handle(JsonNode event, GuardrailContext context) throws GuardrailException {
    throw new GuardrailException("the cloudtrail handler is not built yet");
  }
}
