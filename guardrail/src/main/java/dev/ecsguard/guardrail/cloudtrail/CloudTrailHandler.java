package dev.ecsguard.guardrail.cloudtrail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsguard.aws.scan.AwsScan;
import dev.ecsguard.aws.scan.EcsInventory;
import dev.ecsguard.aws.securityhub.SecurityHubImport;
import dev.ecsguard.aws.session.AwsSession;
import dev.ecsguard.engine.Engine;
import dev.ecsguard.engine.Note;
import dev.ecsguard.engine.ScanInput;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.guardrail.AwsAccess;
import dev.ecsguard.guardrail.EventHandler;
import dev.ecsguard.guardrail.GuardrailContext;
import dev.ecsguard.guardrail.GuardrailException;
import dev.ecsguard.guardrail.NeedsAwsException;
import dev.ecsguard.report.JsonReport;
import dev.ecsguard.tree.Location;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;

/**
 * An EventBridge "AWS API Call via CloudTrail" event of an ECS call that creates or changes a
 * resource the controls judge: the event is a pointer, the resource is described through ECS (and,
 * for a service or task set, the revisions it runs, so that the controls across resources judge
 * them), judged as {@code scan} judges, and its findings sent to Security Hub in the resource's own
 * account and Region and, when {@value Notification#TOPIC_VARIABLE} names a topic, summarised on
 * SNS. The response is the JSON report. It never changes, deregisters or deletes anything.
 *
 * <p>Without AWS access ({@code guardrail invoke} without {@code --aws}) a RegisterTaskDefinition
 * event is judged from its {@code requestParameters} (the register input), with a note; any other
 * event needs a describe.
 */
public final class CloudTrailHandler implements EventHandler {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EVENT = "EventBridge event";
  private static final String REQUEST = "/detail/requestParameters";

  @Override
  public Response handle(JsonNode event, GuardrailContext context) throws GuardrailException {
    ApiCall call = ApiCall.of(event);
    if (!call.judged()) {
      return respond(
          noted(
              "/detail/eventName",
              "not an ECS call that creates or changes a task definition, service, task set, cluster or capacity provider: nothing to judge"),
          context);
    }
    if (call.failed()) {
      return respond(
          noted(
              "/detail/errorCode",
              "the call failed (the event has an errorCode): it created or changed nothing"),
          context);
    }
    if (context.aws() == null) {
      return respond(fromRequest(call, context, "no AWS call was made (run with --aws)"), context);
    }
    AwsAccess aws = context.aws();
    if (!aws.accountId().equals(call.account())) {
      return respond(
          fromRequest(
              call,
              context,
              "the call was made in another account than the function's; it was not described, and nothing was sent to Security Hub or SNS"),
          context);
    }
    AwsSession.Target target = new AwsSession.Target(aws.target().account(), call.region());
    Optional<Pointer> pointer = Pointer.of(call);
    ScanResult result;
    if (pointer.isEmpty()) {
      result =
          noted(
              "/detail",
              "the event names no resource (CloudTrail leaves out requestParameters and responseElements above 100 KB): nothing was described");
    } else {
      result = described(pointer.get(), aws, target, context);
      if (!call.region().equals(aws.region())) {
        note(
            result,
            "/region",
            "the call was made in another Region than the function's: described and sent there");
      }
      deliver(result, call, aws, target, context);
    }
    return respond(result, context);
  }

  /** Describes what {@code pointer} names in {@code target} and scans it, all in one scan. */
  private static ScanResult described(
      Pointer pointer, AwsAccess aws, AwsSession.Target target, GuardrailContext context) {
    AwsScan.Progress progress = new AwsScan.Progress(null, aws.session().calls());
    ScanInput resource =
        (scanner, listener, result) -> {
          try (EcsClient ecs = aws.session().ecs(target)) {
            pointer.read(new EcsInventory(scanner, ecs, target, progress), listener);
          }
        };
    ScanResult result = Engine.scan(context.request(List.of()).input(resource).build());
    if (result.resources() == 0) {
      note(
          result,
          "/detail",
          "ECS described no such resource (deleted since the call?): nothing was judged");
    }
    return result;
  }

  /**
   * A RegisterTaskDefinition judged from its request, where it cannot be described ({@code why}):
   * the register input as CloudTrail recorded it, which it may have left out or cut. Any other call
   * needs a describe.
   */
  private static ScanResult fromRequest(ApiCall call, GuardrailContext context, String why)
      throws GuardrailException {
    if (!call.eventName().equals("RegisterTaskDefinition")
        || !call.request().path("containerDefinitions").isArray()) {
      if (context.aws() == null) {
        throw new NeedsAwsException("describing the resource a CloudTrail event names");
      }
      return noted("/account", why);
    }
    byte[] request;
    try {
      request = JSON.writeValueAsBytes(call.request());
    } catch (JsonProcessingException e) {
      throw new GuardrailException("cannot read the event's requestParameters", e);
    }
    ScanResult result =
        Engine.scan(
            context.request(List.of()).stream(
                    new ByteArrayInputStream(request), EVENT + " " + REQUEST)
                .build());
    note(
        result,
        REQUEST,
        "judged from the request CloudTrail recorded, not from ECS: "
            + why
            + "; CloudTrail may have cut it, and ECS may have stored it with defaults");
    return result;
  }

  private static ScanResult noted(String pointer, String message) {
    ScanResult result = new ScanResult();
    note(result, pointer, message);
    return result;
  }

  private static void note(ScanResult result, String pointer, String message) {
    result.note(new Note(new Location(EVENT, pointer, 0, 0), message));
  }

  /** The JSON report as the body; failed when a finding fails as it would fail {@code scan}. */
  private static Response respond(ScanResult result, GuardrailContext context) {
    StringWriter report = new StringWriter();
    try {
      new JsonReport().render(result, report);
      return new Response(JSON.readTree(report.toString()), !context.failing(result).isEmpty());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sends the findings to Security Hub in {@code target} (the resource's account and Region) and
   * the failing ones' summary to SNS. A refusal fails the invocation, so that Lambda retries it:
   * the findings' ids make a second import an update.
   */
  private static void deliver(
      ScanResult result,
      ApiCall call,
      AwsAccess aws,
      AwsSession.Target target,
      GuardrailContext context)
      throws GuardrailException {
    if (!result.findings().isEmpty()) {
      SecurityHubImport.Outcome outcome;
      try (SecurityHubClient securityHub =
          aws.session().securityHub(target.account(), target.region())) {
        outcome =
            SecurityHubImport.send(result, securityHub, target.account().id(), target.region());
      }
      if (outcome.error() != null) {
        throw new GuardrailException(outcome.error());
      }
      note(
          result,
          "",
          outcome.imported()
              + " findings sent to Security Hub in account "
              + target.account().id()
              + ", Region "
              + target.region()
              + (outcome.failed() > 0 ? "; it refused " + outcome.failed() : ""));
    }
    Notification.publish(aws, context.environment(), context.failing(result), call)
        .ifPresent(
            topic -> note(result, "", "the failed findings summarised on SNS topic " + topic));
  }
}
