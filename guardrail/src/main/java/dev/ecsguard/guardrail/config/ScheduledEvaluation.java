package dev.ecsguard.guardrail.config;

import dev.ecsguard.aws.scan.AwsScan;
import dev.ecsguard.aws.scan.EcsInventory;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanInput;
import dev.ecsguard.engine.ScanListener;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.engine.Scanner;
import dev.ecsguard.guardrail.GuardrailContext;
import dev.ecsguard.guardrail.GuardrailException;
import dev.ecsguard.model.ResourceType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ComplianceType;
import software.amazon.awssdk.services.config.model.ListDiscoveredResourcesResponse;
import software.amazon.awssdk.services.config.model.ResourceIdentifier;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * A scheduled run: every ECS resource of the rule's account and Region, read as the live scan reads
 * them (the latest ACTIVE revision of each family, and each revision a service runs), with the
 * controls across resources too. Each is answered under the id Config recorded it by (its
 * ListDiscoveredResources id: the ARN, the name or {@code family:revision}); and each revision
 * Config recorded that is not its family's latest ACTIVE one is NOT_APPLICABLE.
 */
final class ScheduledEvaluation {
  private final RuleAccount account;
  private final ConfigEvent event;
  private final GuardrailContext context;

  ScheduledEvaluation(RuleAccount account, ConfigEvent event, GuardrailContext context) {
    this.account = account;
    this.event = event;
    this.context = context;
  }

  List<Evaluation> evaluate(Instant time) throws GuardrailException {
    ScanResult result =
        ConfigRuleHandler.scan(context.request(event.controls()).input(new Inventory()));
    if (!result.errors().isEmpty()) {
      // Evaluations for part of the account would read as the whole: fail, and say what failed.
      throw new GuardrailException(
          "the scheduled evaluation could not read every ECS resource: "
              + result.errors().get(0).getMessage());
    }
    Set<Finding> failing = new HashSet<>(context.failing(result));
    Map<ResourceType, Set<String>> discovered = discovered();
    Map<List<Object>, List<Finding>> byResource = new LinkedHashMap<>();
    for (Finding finding : result.findings()) {
      byResource
          .computeIfAbsent(
              List.of(finding.resourceType(), finding.resourceId()), key -> new ArrayList<>())
          .add(finding);
    }
    List<Evaluation> evaluations = new ArrayList<>();
    Set<String> answered = new HashSet<>();
    byResource.forEach(
        (key, findings) -> {
          ResourceType type = (ResourceType) key.get(0);
          String id = configId(type, (String) key.get(1), discovered.get(type));
          answered.add(type.awsName() + " " + id);
          evaluations.add(
              ConfigRuleHandler.verdict(type.awsName(), id, time, findings, failing, result, ""));
        });
    for (String id : discovered.get(ResourceType.TASK_DEFINITION)) {
      if (answered.add(ResourceType.TASK_DEFINITION.awsName() + " " + id)) {
        evaluations.add(
            new Evaluation(
                ResourceType.TASK_DEFINITION.awsName(),
                id,
                ComplianceType.NOT_APPLICABLE,
                "not its family's latest ACTIVE revision: only that one is judged, as Security Hub does",
                time));
      }
    }
    return evaluations;
  }

  /**
   * The id Config knows {@code arn} by: the ARN, what follows the resource type in it ({@code
   * family:revision}, a cluster's name, {@code cluster/service}) or its last part, whichever Config
   * listed; for a resource Config has not recorded, {@code family:revision} for a task definition
   * (as Config names revisions), else the ARN.
   */
  static String configId(ResourceType type, String arn, Set<String> discovered) {
    String afterType = arn.contains("/") ? arn.substring(arn.indexOf('/') + 1) : arn;
    String last = arn.substring(arn.lastIndexOf('/') + 1);
    for (String candidate : List.of(arn, afterType, last)) {
      if (discovered.contains(candidate)) {
        return candidate;
      }
    }
    return type == ResourceType.TASK_DEFINITION ? afterType : arn;
  }

  /** The ids of the ECS resources Config has recorded (not deleted), by type. */
  private Map<ResourceType, Set<String>> discovered() throws GuardrailException {
    Map<ResourceType, Set<String>> ids = new HashMap<>();
    try (ConfigClient config = account.client(ConfigClient.builder())) {
      for (ResourceType type : ResourceType.values()) {
        Set<String> found = new HashSet<>();
        String token = null;
        Set<String> tokens = new HashSet<>();
        do {
          String page = token;
          ListDiscoveredResourcesResponse response =
              config.listDiscoveredResources(
                  request -> request.resourceType(type.awsName()).nextToken(page));
          response.resourceIdentifiers().stream()
              .map(ResourceIdentifier::resourceId)
              .forEach(found::add);
          token = response.nextToken();
        } while (token != null
            && !token.isEmpty()
            && tokens.add(token)); // a repeated token ends it
        ids.put(type, found);
      }
    } catch (SdkException e) {
      throw new GuardrailException(
          "config:ListDiscoveredResources failed (" + ConfigRuleHandler.code(e) + ")", e);
    }
    return ids;
  }

  /** The live scan's inventory of the rule's account and Region, as one input of the request. */
  private final class Inventory implements ScanInput {
    @Override
    public void scan(Scanner scanner, ScanListener listener, ScanResult result) {
      try (EcsClient ecs = account.ecs()) {
        new EcsInventory(
                scanner,
                ecs,
                account.target(),
                new AwsScan.Progress(null, account.session().calls()))
            .read(listener);
      }
      result.apiCalls(account.session().calls().byOperation());
    }
  }
}
