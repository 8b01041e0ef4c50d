package dev.ecsguard.guardrail.cloudtrail;

import dev.ecsguard.aws.session.AwsCallException;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.guardrail.AwsAccess;
import dev.ecsguard.guardrail.GuardrailException;
import dev.ecsguard.secrets.Credentials;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The SNS message the handler publishes when a call leaves findings that fail: one message per
 * event, to the topic {@value #TOPIC_VARIABLE} names (in the topic's own Region). Every text passes
 * through the masking the reports use, so no credential value is ever published.
 */
final class Notification {
  /** The function's environment variable that names the topic; unset: no message. */
  static final String TOPIC_VARIABLE = "ECSGUARD_SNS_TOPIC_ARN";

  /** The findings listed one by one; the rest are counted. */
  static final int LISTED = 50;

  private Notification() {}

  /** Publishes the summary of {@code failing}, if any and if a topic is set; returns the topic. */
  static Optional<String> publish(
      AwsAccess aws, Map<String, String> environment, List<Finding> failing, ApiCall call)
      throws GuardrailException {
    String topic = environment.get(TOPIC_VARIABLE);
    if (topic == null || topic.isBlank() || failing.isEmpty()) {
      return Optional.empty();
    }
    String[] arn = topic.split(":", 6);
    String region = arn.length > 3 && !arn[3].isEmpty() ? arn[3] : call.region();
    try (SnsClient sns =
        aws.session().client(SnsClient.builder(), aws.target().account(), region)) {
      sns.publish(
          request ->
              request
                  .topicArn(topic)
                  .subject(subject(failing, call))
                  .message(message(failing, call)));
    } catch (RuntimeException e) {
      throw new GuardrailException(
          AwsCallException.of("sns:Publish", e).getMessage() + ": the summary was not published",
          e);
    }
    return Optional.of(topic);
  }

  /** At most 100 ASCII characters, as SNS requires of an e-mail subject. */
  static String subject(List<Finding> failing, ApiCall call) {
    return "ecsguard: "
        + failing.size()
        + (failing.size() == 1 ? " failed finding after ECS " : " failed findings after ECS ")
        + call.eventName();
  }

  static String message(List<Finding> failing, ApiCall call) {
    StringBuilder text = new StringBuilder();
    text.append("ecsguard judged what ECS ")
        .append(call.eventName())
        .append(" made in account ")
        .append(call.account())
        .append(", Region ")
        .append(call.region());
    if (call.caller() != null) {
      text.append(", called by ").append(call.caller());
    }
    text.append(":\n\n");
    for (Finding finding : failing.subList(0, Math.min(LISTED, failing.size()))) {
      text.append(finding.control().id())
          .append(' ')
          .append(finding.status())
          .append(" (")
          .append(finding.control().severity())
          .append(") ")
          .append(finding.resourceId())
          .append("\n  ")
          .append(finding.message())
          .append('\n');
    }
    if (failing.size() > LISTED) {
      text.append("… and ").append(failing.size() - LISTED).append(" more\n");
    }
    text.append("\nThe findings are in Security Hub. ecsguard changed nothing.\n");
    return Credentials.maskFormats(text.toString());
  }
}
