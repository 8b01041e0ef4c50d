package dev.ecsguard.guardrail.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsguard.guardrail.EventHandler;
import dev.ecsguard.guardrail.GuardrailContext;
import dev.ecsguard.guardrail.GuardrailException;

/** An AWS Config custom-rule event, judged. */
public final class ConfigRuleHandler implements EventHandler {
  @Override
  public Response handle(JsonNode event, GuardrailContext context) throws GuardrailException {
    throw new GuardrailException("the config handler is not built yet");
  }
}
