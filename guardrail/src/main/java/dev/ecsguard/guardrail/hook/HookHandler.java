package dev.ecsguard.guardrail.hook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsguard.engine.Engine;
import dev.ecsguard.engine.ScanRequest;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.guardrail.EventHandler;
import dev.ecsguard.guardrail.GuardrailContext;
import dev.ecsguard.guardrail.GuardrailException;
import dev.ecsguard.guardrail.NeedsAwsException;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * An {@code AWS::CloudFormation::LambdaHook} request, judged by the scan's own CloudFormation
 * reader and controls: a resource target (CloudFormation or Cloud Control API) of an ECS type, or a
 * stack or change set through its payload. DELETE and other types pass; anything the hook cannot
 * judge is FAILED with InternalFailure, never a silent SUCCESS.
 */
public final class HookHandler implements EventHandler {
  static final String STACK = "STACK";
  static final String CHANGE_SET = "CHANGE_SET";

  @Override
  public Response handle(JsonNode event, GuardrailContext context) throws GuardrailException {
    HookRequest request = HookRequest.of(event);
    int limit =
        request.cloudControl()
            ? HookResponse.CLOUD_CONTROL_MESSAGE
            : HookResponse.CLOUDFORMATION_MESSAGE;
    try {
      return judge(request, context, limit);
    } catch (NeedsAwsException e) {
      throw e; // guardrail invoke without --aws: said as such, exit 2
    } catch (GuardrailException e) {
      return HookResponse.internalFailure(request.clientRequestToken(), e.getMessage(), limit);
    } catch (RuntimeException e) {
      // Its message may quote a value of the request: only its kind is said.
      return HookResponse.internalFailure(
          request.clientRequestToken(),
          "internal error (" + e.getClass().getSimpleName() + ")",
          limit);
    }
  }

  private static Response judge(HookRequest request, GuardrailContext context, int limit)
      throws GuardrailException {
    String token = request.clientRequestToken();
    if (request.deletion()) {
      return HookResponse.success(token, "ecsguard: a deletion, nothing to judge.");
    }
    String target = request.targetName();
    List<HookTemplates.Template> templates;
    if (target.equals(STACK) || target.equals(CHANGE_SET)) {
      String url = request.target().path("payload").asText("");
      if (url.isEmpty()) {
        throw new GuardrailException("the " + target + " request has no requestData.payload");
      }
      context.aws("a " + target + " hook's template payload");
      templates = HookTemplates.ofPayload(target, HookPayload.fetch(url));
      if (templates.isEmpty()) {
        return HookResponse.success(token, "ecsguard: the change set changes no ECS resource.");
      }
    } else if (HookRequest.ecsType(target).isPresent()) {
      templates =
          List.of(
              HookTemplates.ofResource(
                  request.logicalId(),
                  target,
                  request.target().path("targetModel").path("resourceProperties")));
    } else {
      return HookResponse.success(token, "ecsguard: " + target + " is not an ECS resource type.");
    }
    ScanResult result = scan(templates, context, target.equals(STACK) || target.equals(CHANGE_SET));
    if (result.resources() == 0 && !target.equals(STACK) && !target.equals(CHANGE_SET)) {
      throw new GuardrailException("the properties of " + target + " were not read");
    }
    return HookResponse.judged(token, result, context.failing(result), limit);
  }

  /**
   * One scan of every template, with the configuration's controls, parameters, suppressions; a
   * template of one resource without the controls that need others ({@code whole}: a stack's or
   * change set's template, where a service and its task definition meet).
   */
  private static ScanResult scan(
      List<HookTemplates.Template> templates, GuardrailContext context, boolean whole)
      throws GuardrailException {
    ScanRequest.Builder builder =
        whole ? context.request(List.of()) : context.requestForOneResource(List.of());
    templates.forEach(
        template -> builder.stream(new ByteArrayInputStream(template.text()), template.name()));
    ScanRequest request;
    try {
      request = builder.build();
    } catch (IllegalArgumentException e) {
      throw new GuardrailException("the configuration: " + e.getMessage(), e);
    }
    ScanResult result = Engine.scan(request);
    if (!result.errors().isEmpty()) {
      // A reader's message names the place and the problem, never the text.
      throw new GuardrailException(result.errors().get(0).getMessage());
    }
    return result;
  }
}
