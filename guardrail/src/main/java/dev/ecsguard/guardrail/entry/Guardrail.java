package dev.ecsguard.guardrail.entry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsguard.guardrail.EventHandler;
import dev.ecsguard.guardrail.GuardrailContext;
import dev.ecsguard.guardrail.GuardrailException;
import dev.ecsguard.guardrail.Handler;
import dev.ecsguard.guardrail.cloudtrail.CloudTrailHandler;
import dev.ecsguard.guardrail.config.ConfigRuleHandler;
import dev.ecsguard.guardrail.hook.HookHandler;

/**
 * The one way into the handlers, for the Lambda function and {@code guardrail invoke} alike, so
 * that what users try locally is what runs in AWS.
 */
public final class Guardrail {
  private Guardrail() {}

  public static EventHandler handler(Handler handler) {
    return switch (handler) {
      case HOOK -> new HookHandler();
      case CONFIG -> new ConfigRuleHandler();
      case CLOUDTRAIL -> new CloudTrailHandler();
    };
  }

  public static EventHandler.Response handle(
      Handler handler, JsonNode event, GuardrailContext context) throws GuardrailException {
    return handler(handler).handle(event, context);
  }
}
