package dev.ecsguard.guardrail.hook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsguard.guardrail.EventHandler;
import dev.ecsguard.guardrail.GuardrailContext;
import dev.ecsguard.guardrail.GuardrailException;

/** An AWS::CloudFormation::LambdaHook request, judged. */
public final class HookHandler implements EventHandler {
  @Override
  public Response handle(JsonNode event, GuardrailContext context) throws GuardrailException {
    throw new GuardrailException("the hook handler is not built yet");
  }
}
