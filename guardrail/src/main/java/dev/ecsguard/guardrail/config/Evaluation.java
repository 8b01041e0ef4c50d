package dev.ecsguard.guardrail.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.secrets.Credentials;
import java.time.Instant;
import software.amazon.awssdk.services.config.model.ComplianceType;

/**
 * One resource's answer to the rule, in {@code PutEvaluations}' shape. The annotation is masked
 * (any credential format in it hidden, as in every report) and cut to Config's 256 characters.
 *
 * @param orderingTimestamp the configuration item's capture time (a scheduled run's notification
 *     time), by which Config orders evaluations
 */
record Evaluation(
    String resourceType,
    String resourceId,
    ComplianceType compliance,
    String annotation,
    Instant orderingTimestamp) {
  static final int MAX_ANNOTATION = 256;

  Evaluation {
    annotation = cut(Credentials.maskFormats(annotation));
  }

  private static String cut(String text) {
    if (text.codePointCount(0, text.length()) <= MAX_ANNOTATION) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, MAX_ANNOTATION - 1)) + "…";
  }

  /** As the AWS CLI prints it: the timestamp in ISO-8601. */
  ObjectNode json() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("ComplianceResourceType", resourceType);
    node.put("ComplianceResourceId", resourceId);
    node.put("ComplianceType", compliance.toString());
    node.put("Annotation", annotation);
    node.put("OrderingTimestamp", orderingTimestamp.toString());
    return node;
  }

  software.amazon.awssdk.services.config.model.Evaluation sdk() {
    return software.amazon.awssdk.services.config.model.Evaluation.builder()
        .complianceResourceType(resourceType)
        .complianceResourceId(resourceId)
        .complianceType(compliance)
        .annotation(annotation)
        .orderingTimestamp(orderingTimestamp)
        .build();
  }
}
