package dev.ecsguard.guardrail.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.catalog.Catalogue;
import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Engine;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanRequest;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.guardrail.EventHandler;
import dev.ecsguard.guardrail.GuardrailContext;
import dev.ecsguard.guardrail.GuardrailException;
import dev.ecsguard.guardrail.NeedsAwsException;
import dev.ecsguard.model.ResourceType;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ComplianceType;
import software.amazon.awssdk.services.config.model.ConfigurationItem;
import software.amazon.awssdk.services.config.model.PutEvaluationsResponse;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/**
 * An AWS Config custom-rule event, judged by the same engine as {@code scan}: a change
 * notification's item (read by the Config item format), an oversized one's item fetched with
 * GetResourceConfigHistory, or, on schedule, every ECS resource of the account and Region read as
 * the live scan reads them. Its evaluations are the response, and, with AWS access, are sent with
 * PutEvaluations.
 */
public final class ConfigRuleHandler implements EventHandler {
  /** The function's environment variable: "true" sends PutEvaluations with TestMode. */
  static final String TEST_MODE_VARIABLE = "ECSGUARD_CONFIG_TEST_MODE";

  /** PutEvaluations takes at most this many evaluations a call. */
  static final int BATCH = 100;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Item statuses that record no live resource. */
  private static final Set<String> GONE =
      Set.of("ResourceDeleted", "ResourceDeletedNotRecorded", "ResourceNotRecorded");

  private static final Pattern REVISION = Pattern.compile(":(\\d{1,9})$");

  @Override
  public Response handle(JsonNode event, GuardrailContext context) throws GuardrailException {
    ConfigEvent parsed = ConfigEvent.of(event);
    // Where every call goes: no call is made to learn it (an assumed role is assumed when used).
    RuleAccount account = context.aws() == null ? null : RuleAccount.of(context, parsed);
    List<Evaluation> evaluations =
        switch (parsed.messageType()) {
          case "ConfigurationItemChangeNotification" -> {
            if (parsed.item() == null) {
              throw new GuardrailException("the change notification has no configurationItem");
            }
            yield List.of(judge(parsed.item(), parsed, context, account));
          }
          case "OversizedConfigurationItemChangeNotification" ->
              List.of(oversized(parsed, context, account));
          case "ScheduledNotification" ->
              new ScheduledEvaluation(required(account, "a scheduled evaluation"), parsed, context)
                  .evaluate(time(parsed.invoking().path("notificationCreationTime")));
          default ->
              throw new GuardrailException(
                  "the Config rule event's messageType is none of ConfigurationItemChangeNotification, OversizedConfigurationItemChangeNotification and ScheduledNotification");
        };
    if (account != null && !evaluations.isEmpty()) {
      send(evaluations, parsed, context, account);
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode list = body.putArray("evaluations");
    evaluations.forEach(evaluation -> list.add(evaluation.json()));
    return new Response(
        body,
        evaluations.stream()
            .anyMatch(evaluation -> evaluation.compliance() == ComplianceType.NON_COMPLIANT));
  }

  /**
   * An oversized item's notification carries only its summary: a deleted or out-of-scope resource
   * is answered from it, anything else fetched (its newest item).
   */
  private Evaluation oversized(ConfigEvent event, GuardrailContext context, RuleAccount account)
      throws GuardrailException {
    JsonNode summary = event.invoking().path("configurationItemSummary");
    String type = text(summary, "resourceType");
    String id = text(summary, "resourceId");
    if (type == null || id == null) {
      throw new GuardrailException(
          "the oversized notification's configurationItemSummary has no resourceType or resourceId");
    }
    Optional<Evaluation> settled =
        outOfScope(summary, type, id, event, time(summary.path("configurationItemCaptureTime")));
    if (settled.isPresent()) {
      return settled.get();
    }
    List<ConfigurationItem> items;
    try (ConfigClient config =
        required(account, "an oversized configuration item").client(ConfigClient.builder())) {
      items =
          config
              .getResourceConfigHistory(
                  request -> request.resourceType(type).resourceId(id).limit(1))
              .configurationItems();
    } catch (SdkException e) {
      throw new GuardrailException("config:GetResourceConfigHistory failed (" + code(e) + ")", e);
    }
    if (items.isEmpty()) {
      throw new GuardrailException(
          "config:GetResourceConfigHistory returned no item for the oversized notification's resource");
    }
    return judge(item(items.get(0)), event, context, account);
  }

  /** The API's item in the shape the Config item format reads: configuration a JSON string. */
  private static JsonNode item(ConfigurationItem item) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("accountId", item.accountId());
    node.put("arn", item.arn());
    node.put("resourceType", item.resourceTypeAsString());
    node.put("resourceId", item.resourceId());
    node.put("awsRegion", item.awsRegion());
    node.put("configurationItemStatus", item.configurationItemStatusAsString());
    if (item.configurationItemCaptureTime() != null) {
      node.put("configurationItemCaptureTime", item.configurationItemCaptureTime().toString());
    }
    ObjectNode tags = node.putObject("tags");
    item.tags().forEach(tags::put);
    node.put("configuration", item.configuration());
    return node;
  }

  /** One item judged: NOT_APPLICABLE where Security Hub judges nothing, else by the scan. */
  private Evaluation judge(
      JsonNode item, ConfigEvent event, GuardrailContext context, RuleAccount account)
      throws GuardrailException {
    String type = text(item, "resourceType");
    String id = text(item, "resourceId");
    if (type == null || id == null) {
      throw new GuardrailException("the configuration item has no resourceType or resourceId");
    }
    Instant time = time(item.path("configurationItemCaptureTime"));
    Optional<Evaluation> settled = outOfScope(item, type, id, event, time);
    if (settled.isPresent()) {
      return settled.get();
    }
    String caveat = "";
    if (type.equals(ResourceType.TASK_DEFINITION.awsName())) {
      JsonNode configuration = configuration(item);
      String status = configuration.path("Status").asText("");
      if (status.equals("INACTIVE") || status.equals("DELETE_IN_PROGRESS")) {
        return new Evaluation(
            type,
            id,
            ComplianceType.NOT_APPLICABLE,
            "a deregistered ("
                + status
                + ") revision: only a family's latest ACTIVE revision is judged, as Security Hub does",
            time);
      }
      if (account == null) {
        caveat = "; judged as its family's latest ACTIVE revision (not checked: no AWS calls)";
      } else {
        Latest latest = latest(account, configuration, id);
        if (latest.newer() != null) {
          return new Evaluation(
              type,
              id,
              ComplianceType.NOT_APPLICABLE,
              "revision "
                  + latest.revision()
                  + " is not the latest ACTIVE revision "
                  + latest.newer()
                  + " of its family: only that one is judged, as Security Hub does",
              time);
        }
        caveat = latest.caveat();
      }
    }
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(item);
    } catch (JsonProcessingException e) {
      throw new GuardrailException("cannot write the configuration item", e);
    }
    ScanResult result =
        scan(
            context.requestForOneResource(event.controls()).stream(
                new ByteArrayInputStream(bytes), "configurationItem.json"));
    return verdict(type, id, time, result.findings(), context.failing(result), result, caveat);
  }

  /**
   * NOT_APPLICABLE for a resource ecsguard does not judge, one that left the rule's scope, or one
   * Config records as deleted or no longer recorded; empty for the rest.
   */
  private static Optional<Evaluation> outOfScope(
      JsonNode item, String type, String id, ConfigEvent event, Instant time) {
    String status = item.path("configurationItemStatus").asText("");
    String reason =
        Arrays.stream(ResourceType.values()).noneMatch(t -> t.awsName().equals(type))
            ? "ecsguard judges only ECS task definitions, services, clusters, task sets and capacity providers"
            : event.leftScope()
                ? "the resource left the rule's scope"
                : GONE.contains(status)
                    ? "the resource is deleted or no longer recorded (" + status + ")"
                    : null;
    return Optional.ofNullable(reason)
        .map(words -> new Evaluation(type, id, ComplianceType.NOT_APPLICABLE, words, time));
  }

  /** Whether a newer ACTIVE revision of the item's family exists, as ECS says. */
  private record Latest(Integer revision, Integer newer, String caveat) {}

  private static Latest latest(RuleAccount account, JsonNode configuration, String id) {
    String family = configuration.path("Family").asText(null);
    Integer revision = revision(configuration.path("TaskDefinitionArn").asText(""));
    if (revision == null) {
      revision = revision(id);
    }
    if (family == null || revision == null) {
      return new Latest(revision, null, "; its family or revision is not in the item");
    }
    try (EcsClient ecs = account.ecs()) {
      TaskDefinition latest =
          ecs.describeTaskDefinition(request -> request.taskDefinition(family)).taskDefinition();
      boolean newer =
          latest.status() == TaskDefinitionStatus.ACTIVE
              && latest.revision() != null
              && latest.revision() > revision;
      return new Latest(revision, newer ? latest.revision() : null, "");
    } catch (SdkException e) {
      // Judged rather than passed over: a guard that cannot check fails toward looking.
      return new Latest(
          revision,
          null,
          "; not checked to be its family's latest ACTIVE revision (ecs:DescribeTaskDefinition failed: "
              + code(e)
              + ")");
    }
  }

  private static Integer revision(String text) {
    Matcher number = REVISION.matcher(text);
    return number.find() ? Integer.valueOf(number.group(1)) : null;
  }

  /** The item's configuration as an object (the API's is a JSON string); empty if unreadable. */
  private static JsonNode configuration(JsonNode item) {
    JsonNode configuration = item.path("configuration");
    if (configuration.isTextual()) {
      try {
        return JSON.readTree(configuration.asText());
      } catch (JsonProcessingException e) {
        return JsonNodeFactory.instance.objectNode(); // the scan says it cannot be read
      }
    }
    return configuration;
  }

  static ScanResult scan(ScanRequest.Builder request) throws GuardrailException {
    try {
      return Engine.scan(request.build());
    } catch (IllegalArgumentException e) {
      throw new GuardrailException(e.getMessage(), e);
    }
  }

  /**
   * One resource's evaluation from its findings. NON_COMPLIANT when a control FAILED unsuppressed
   * at or above the configuration's failOn (as a scan fails), or could not be read: Config takes no
   * INSUFFICIENT_DATA from a Lambda rule, and a guard that passes what it cannot read is no guard,
   * so an UNKNOWN verdict is NON_COMPLIANT, its annotation saying "could not be read" and why.
   */
  static Evaluation verdict(
      String type,
      String id,
      Instant time,
      List<Finding> findings,
      Collection<Finding> failing,
      ScanResult result,
      String caveat) {
    List<Finding> failed =
        findings.stream()
            .filter(finding -> finding.status() == Status.FAILED && failing.contains(finding))
            .toList();
    List<Finding> unknown =
        findings.stream()
            .filter(finding -> finding.status() == Status.UNKNOWN && !finding.suppressed())
            .toList();
    if (findings.isEmpty() && !result.errors().isEmpty()) {
      return new Evaluation(
          type,
          id,
          ComplianceType.NON_COMPLIANT,
          "could not be read: " + result.errors().get(0).problem(),
          time);
    }
    if (!failed.isEmpty() || !unknown.isEmpty()) {
      // The ids first, each part's first message cut short: the 256 characters name every control.
      List<String> parts = new ArrayList<>();
      if (!failed.isEmpty()) {
        parts.add("FAILED " + ids(failed) + " (" + brief(failed.get(0).message()) + ")");
      }
      if (!unknown.isEmpty()) {
        parts.add(
            "could not be read: " + ids(unknown) + " (" + brief(unknown.get(0).message()) + ")");
      }
      return new Evaluation(
          type, id, ComplianceType.NON_COMPLIANT, String.join("; ", parts) + caveat, time);
    }
    List<Finding> judged =
        findings.stream().filter(finding -> finding.status() != Status.NOT_APPLICABLE).toList();
    if (judged.isEmpty()) {
      return new Evaluation(
          type,
          id,
          ComplianceType.NOT_APPLICABLE,
          "no selected control applies to this resource",
          time);
    }
    List<Finding> passed =
        judged.stream().filter(finding -> finding.status() == Status.PASSED).toList();
    List<Finding> tolerated =
        judged.stream().filter(finding -> finding.status() != Status.PASSED).toList();
    String annotation =
        (passed.isEmpty() ? "" : "PASSED " + ids(passed))
            + (tolerated.isEmpty()
                ? ""
                : (passed.isEmpty() ? "" : "; ") + "suppressed or below failOn: " + ids(tolerated));
    return new Evaluation(type, id, ComplianceType.COMPLIANT, annotation + caveat, time);
  }

  private static String brief(String message) {
    int limit = 80;
    return message.codePointCount(0, message.length()) <= limit
        ? message
        : message.substring(0, message.offsetByCodePoints(0, limit - 1)) + "…";
  }

  private static String ids(List<Finding> findings) {
    return findings.stream()
        .map(finding -> finding.control().id())
        .distinct()
        .sorted(Catalogue.ORDER)
        .collect(Collectors.joining(", "));
  }

  /** PutEvaluations, by batches of {@value #BATCH}, with the event's result token. */
  private static void send(
      List<Evaluation> evaluations,
      ConfigEvent event,
      GuardrailContext context,
      RuleAccount account)
      throws GuardrailException {
    if (event.resultToken().isBlank()) {
      throw new GuardrailException(
          "the Config rule event has no resultToken to send evaluations with");
    }
    boolean testMode = "true".equalsIgnoreCase(context.environment().get(TEST_MODE_VARIABLE));
    try (ConfigClient config = account.client(ConfigClient.builder())) {
      for (int from = 0; from < evaluations.size(); from += BATCH) {
        List<software.amazon.awssdk.services.config.model.Evaluation> batch =
            evaluations.subList(from, Math.min(from + BATCH, evaluations.size())).stream()
                .map(Evaluation::sdk)
                .toList();
        PutEvaluationsResponse response =
            config.putEvaluations(
                request ->
                    request.resultToken(event.resultToken()).evaluations(batch).testMode(testMode));
        if (response.hasFailedEvaluations() && !response.failedEvaluations().isEmpty()) {
          throw new GuardrailException(
              "config:PutEvaluations refused "
                  + response.failedEvaluations().size()
                  + " of the evaluations");
        }
      }
    } catch (SdkException e) {
      throw new GuardrailException("config:PutEvaluations failed (" + code(e) + ")", e);
    }
  }

  /** The rule's account, or {@link NeedsAwsException} naming {@code what} needs it. */
  private static RuleAccount required(RuleAccount account, String what) throws NeedsAwsException {
    if (account == null) {
      throw new NeedsAwsException(what);
    }
    return account;
  }

  static String code(SdkException e) {
    return e instanceof AwsServiceException service
            && service.awsErrorDetails() != null
            && service.awsErrorDetails().errorCode() != null
        ? service.awsErrorDetails().errorCode()
        : e.getClass().getSimpleName();
  }

  private static String text(JsonNode node, String member) {
    JsonNode value = node.get(member);
    return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
  }

  /**
   * A time as Config writes it (ISO-8601 in events, epoch seconds in the API's JSON); now when
   * there is none.
   */
  static Instant time(JsonNode value) {
    if (value.isNumber()) {
      return Instant.ofEpochMilli((long) (value.asDouble() * 1000));
    }
    try {
      return value.isTextual() ? Instant.parse(value.asText()) : Instant.now();
    } catch (DateTimeParseException e) {
      return Instant.now();
    }
  }
}
