package dev.ecsguard.guardrail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** The guardrail's three entry points, one Lambda function: which one an event is for. */
public enum Handler {
  /** An {@code AWS::CloudFormation::LambdaHook} request: the hook's response. */
  HOOK,
  /** An AWS Config custom-rule event: the evaluations ({@code PutEvaluations}' shape). */
  CONFIG,
  /** An EventBridge "AWS API Call via CloudTrail" event: the JSON report's findings. */
  CLOUDTRAIL;

  /** The name {@code guardrail invoke --handler} takes. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The handler for {@code event}, told by the members AWS always sends: a hook request's {@code
   * clientRequestToken} and {@code actionInvocationPoint}, a Config event's {@code invokingEvent}
   * and {@code resultToken}, an EventBridge event's {@code detail-type}.
   */
  public static Handler of(JsonNode event) throws GuardrailException {
    if (event.isObject()) {
      if (event.has("clientRequestToken") && event.has("actionInvocationPoint")) {
        return HOOK;
      }
      if (event.has("invokingEvent") && event.has("resultToken")) {
        return CONFIG;
      }
      if ("AWS API Call via CloudTrail".equals(event.path("detail-type").asText(null))) {
        return CLOUDTRAIL;
      }
    }
    throw new GuardrailException(
        "the event is neither a CloudFormation hook request, an AWS Config rule event nor an EventBridge CloudTrail event");
  }
}
