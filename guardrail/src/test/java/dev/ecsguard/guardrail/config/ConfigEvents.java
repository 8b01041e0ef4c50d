package dev.ecsguard.guardrail.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * AWS Config custom-rule events in the shapes AWS documents ("Example Events for AWS Config
 * Rules"): {@code invokingEvent} and {@code ruleParameters} are JSON strings.
 */
final class ConfigEvents {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ACCOUNT = "123456789012";
  static final String REGION = "us-east-1";
  static final String CAPTURED = "2026-12-01T10:00:00.123Z";

  private ConfigEvents() {}

  /** The Lambda event around {@code invoking}; {@code controls}: the rule parameter, or null. */
  static ObjectNode event(JsonNode invoking, String controls, String accountId) {
    ObjectNode event = JSON.createObjectNode();
    event.put("version", "1.0");
    event.put("invokingEvent", write(invoking));
    event.put(
        "ruleParameters",
        controls == null ? "{}" : write(JSON.createObjectNode().put("controls", controls)));
    event.put("resultToken", "myResultToken");
    event.put("eventLeftScope", false);
    event.put("executionRoleArn", "arn:aws:iam::" + accountId + ":role/config-role");
    event.put(
        "configRuleArn",
        "arn:aws:config:" + REGION + ":" + accountId + ":config-rule/config-rule-0123456");
    event.put("configRuleName", "ecsguard");
    event.put("configRuleId", "config-rule-0123456");
    event.put("accountId", accountId);
    return event;
  }

  /**
   * A ConfigurationItemChangeNotification of {@code configuration} (an object, as events have it).
   */
  static ObjectNode change(
      String type, String resourceId, String arn, String configuration, String controls) {
    ObjectNode invoking = JSON.createObjectNode();
    invoking.set("configurationItem", item(type, resourceId, arn, configuration, "OK"));
    invoking.put("notificationCreationTime", "2026-12-01T10:00:01.000Z");
    invoking.put("messageType", "ConfigurationItemChangeNotification");
    invoking.put("recordVersion", "1.3");
    return event(invoking, controls, ACCOUNT);
  }

  static ObjectNode item(
      String type, String resourceId, String arn, String configuration, String status) {
    ObjectNode item = JSON.createObjectNode();
    item.putArray("relatedEvents");
    item.putArray("relationships");
    item.set("configuration", read(configuration));
    item.putObject("supplementaryConfiguration");
    item.putObject("tags").put("team", "web");
    item.put("configurationItemVersion", "1.3");
    item.put("configurationItemCaptureTime", CAPTURED);
    item.put("configurationStateId", 1764583200123L);
    item.put("awsAccountId", ACCOUNT);
    item.put("configurationItemStatus", status);
    item.put("resourceType", type);
    item.put("resourceId", resourceId);
    item.put("ARN", arn);
    item.put("awsRegion", REGION);
    item.put("availabilityZone", "Not Applicable");
    item.put("configurationStateMd5Hash", "");
    return item;
  }

  /** An OversizedConfigurationItemChangeNotification: only the item's summary. */
  static ObjectNode oversized(
      String type, String resourceId, String arn, String status, String accountId) {
    ObjectNode summary = JSON.createObjectNode();
    summary.put("changeType", "UPDATE");
    summary.put("configurationItemVersion", "1.3");
    summary.put("configurationItemCaptureTime", CAPTURED);
    summary.put("configurationStateId", 1764583200123L);
    summary.put("awsAccountId", accountId);
    summary.put("configurationItemStatus", status);
    summary.put("resourceType", type);
    summary.put("resourceId", resourceId);
    summary.putNull("resourceName");
    summary.put("ARN", arn);
    summary.put("awsRegion", REGION);
    summary.put("availabilityZone", "Not Applicable");
    summary.put("configurationStateMd5Hash", "");
    ObjectNode invoking = JSON.createObjectNode();
    invoking.set("configurationItemSummary", summary);
    invoking
        .putObject("s3DeliverySummary")
        .put(
            "s3BucketLocation",
            "config-bucket/AWSLogs/"
                + accountId
                + "/Config/us-east-1/2026/12/1/OversizedChangeNotification/item.json.gz");
    invoking.put("notificationCreationTime", "2026-12-01T10:00:01.000Z");
    invoking.put("messageType", "OversizedConfigurationItemChangeNotification");
    invoking.put("recordVersion", "1.0");
    return event(invoking, null, accountId);
  }

  /** A ScheduledNotification (a periodic rule). */
  static ObjectNode scheduled(String controls, String accountId) {
    ObjectNode invoking = JSON.createObjectNode();
    invoking.put("awsAccountId", accountId);
    invoking.put("notificationCreationTime", "2026-12-01T12:00:00.000Z");
    invoking.put("messageType", "ScheduledNotification");
    invoking.put("recordVersion", "1.0");
    return event(invoking, controls, accountId);
  }

  static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
