package dev.ecsguard.guardrail.config;

import static dev.ecsguard.guardrail.config.ConfigEvents.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsguard.aws.FaultyEndpoint;
import dev.ecsguard.aws.MotoExtension;
import dev.ecsguard.config.Configuration;
import dev.ecsguard.guardrail.AwsAccess;
import dev.ecsguard.guardrail.EventHandler.Response;
import dev.ecsguard.guardrail.GuardrailContext;
import dev.ecsguard.guardrail.GuardrailException;
import dev.ecsguard.guardrail.Handler;
import dev.ecsguard.guardrail.entry.Guardrail;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Config rule's AWS calls against moto in server mode. moto's Config records no ECS resource,
 * so GetResourceConfigHistory and ListDiscoveredResources answer for ECS types from a stand-in in
 * front of moto (FaultyEndpoint) in the shapes AWS documents; moto's own answer (not discovered) is
 * tested too. moto's DescribeCapacityProviders without names fails (HTTP 500), so it is stood in
 * for too, except where the failure itself is tested. PutEvaluations reaches moto, which takes it
 * only with TestMode: the tests set the function's ECSGUARD_CONFIG_TEST_MODE.
 */
class ConfigRuleMotoTest {
  private static final String SECRET = "Zx9Kq2Lm7Pw4Rt8Vy1Bn5Cd3Fg6Hj0Ks2Lq8Mw4N";
  private static final int BULK = 150;
  private static final String MEMBER = "111111111111";
  private static final String WEB_2 = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:2";
  private static final long CAPTURED_MILLIS = 1764583200123L;
  private static final String PROVIDER =
      """
      {"capacityProviders": [{"capacityProviderArn": "arn:aws:ecs:us-east-1:123456789012:capacity-provider/asg",
        "name": "asg", "status": "ACTIVE", "tags": [],
        "autoScalingGroupProvider": {"autoScalingGroupArn": "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:1:autoScalingGroupName/asg",
          "managedTerminationProtection": "DISABLED"}}], "failures": []}
      """;

  @RegisterExtension static final MotoExtension moto = MotoExtension.started();
  private static FaultyEndpoint endpoint;
  private static String memberCluster;
  private final List<String> putEvaluations = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws IOException, InterruptedException {
    endpoint = new FaultyEndpoint(moto.server().endpoint());
    System.setProperty("aws.endpointUrl", endpoint.endpoint().toString());
    memberCluster =
        moto.server()
            .seed("/dev/ecsguard/guardrail/config/seed-config.py", SECRET, String.valueOf(BULK));
  }

  @AfterAll
  static void stop() {
    System.clearProperty("aws.endpointUrl");
    if (endpoint != null) {
      endpoint.close();
    }
  }

  @AfterEach
  void heal() {
    endpoint.healAll();
  }

  private Response handle(JsonNode event, AwsAccess aws, Map<String, String> environment)
      throws GuardrailException {
    endpoint.rewrite(
        "PutEvaluations",
        body -> {
          putEvaluations.add(body);
          return body;
        });
    Map<String, String> settings = new HashMap<>(environment);
    settings.put(ConfigRuleHandler.TEST_MODE_VARIABLE, "true");
    return Guardrail.handle(
        Handler.of(event),
        event,
        new GuardrailContext(Configuration.NONE, aws, LocalDate.of(2026, 12, 1), settings));
  }

  private static Map<String, JsonNode> byId(Response response) {
    Map<String, JsonNode> byId = new HashMap<>();
    response
        .body()
        .get("evaluations")
        .forEach(
            evaluation -> byId.put(evaluation.get("ComplianceResourceId").asText(), evaluation));
    return byId;
  }

  @Test
  void aScheduledRunJudgesEveryResourceAsTheLiveScanAndSendsByHundreds() throws Exception {
    endpoint.standIn("DescribeCapacityProviders", body -> PROVIDER);
    endpoint.standIn(
        "ListDiscoveredResources",
        body ->
            body.contains("AWS::ECS::TaskDefinition")
                ? """
                  {"resourceIdentifiers": [
                    {"resourceType": "AWS::ECS::TaskDefinition", "resourceId": "web:1"},
                    {"resourceType": "AWS::ECS::TaskDefinition", "resourceId": "web:2"}]}
                  """
                : "{\"resourceIdentifiers\": []}");
    try (AwsAccess aws = AwsAccess.open(null, "us-east-1")) {
      Response response = handle(ConfigEvents.scheduled(null, ACCOUNT), aws, Map.of());
      Map<String, JsonNode> evaluations = byId(response);
      assertThat(evaluations).hasSize(BULK + 5);
      assertThat(evaluations.get("web:2").get("ComplianceType").asText())
          .isEqualTo("NON_COMPLIANT");
      assertThat(evaluations.get("web:2").get("Annotation").asText()).startsWith("FAILED ECS.4,");
      assertThat(evaluations.get("web:1").get("ComplianceType").asText())
          .isEqualTo("NOT_APPLICABLE");
      assertThat(evaluations.get("bulk-042:1").get("ComplianceResourceType").asText())
          .isEqualTo("AWS::ECS::TaskDefinition");
      JsonNode service = evaluations.get("arn:aws:ecs:us-east-1:123456789012:service/prod/api");
      assertThat(service.get("Annotation").asText()).contains("ECSG.11");
      assertThat(
              evaluations
                  .get("arn:aws:ecs:us-east-1:123456789012:capacity-provider/asg")
                  .get("Annotation")
                  .asText())
          .startsWith("FAILED ECS.19");
      assertThat(
              evaluations
                  .get("arn:aws:ecs:us-east-1:123456789012:cluster/prod")
                  .get("Annotation")
                  .asText())
          .contains("ECS.12");
      assertThat(evaluations.values())
          .allSatisfy(
              e ->
                  assertThat(e.get("OrderingTimestamp").asText())
                      .isEqualTo("2026-12-01T12:00:00Z"));
      assertThat(response.failed()).isTrue();
      assertThat(response.body().toString()).doesNotContain(SECRET);
      assertThat(aws.session().calls().byOperation()).containsEntry("PutEvaluations", 2L);
      assertThat(putEvaluations).hasSize(2);
      assertThat(putEvaluations)
          .allSatisfy(
              body -> {
                JsonNode request = ConfigEvents.read(body);
                assertThat(request.get("Evaluations").size())
                    .isLessThanOrEqualTo(ConfigRuleHandler.BATCH);
                assertThat(request.get("TestMode").asBoolean()).isTrue();
                assertThat(request.get("ResultToken").asText()).isEqualTo("myResultToken");
                assertThat(body).doesNotContain(SECRET);
              });
      assertThat(
              putEvaluations.stream()
                  .mapToInt(body -> ConfigEvents.read(body).get("Evaluations").size())
                  .sum())
          .isEqualTo(BULK + 5);
    }
  }

  @Test
  void aScheduledRunThatCannotReadEverythingFailsAndSendsNothing() throws Exception {
    // moto's own DescribeCapacityProviders without names: HTTP 500.
    try (AwsAccess aws = AwsAccess.open(null, "us-east-1")) {
      assertThatThrownBy(() -> handle(ConfigEvents.scheduled("ECS.4", ACCOUNT), aws, Map.of()))
          .isInstanceOf(GuardrailException.class)
          .hasMessageStartingWith("the scheduled evaluation could not read every ECS resource: ")
          .hasMessageContaining("DescribeCapacityProviders");
      assertThat(putEvaluations).isEmpty();
    }
  }

  @Test
  void anOversizedItemIsFetchedWithItsHistoryLimitedToOne() throws Exception {
    List<String> asked = new CopyOnWriteArrayList<>();
    String configuration =
        ConfigEvents.write(
            ConfigEvents.read(
                """
            {"Family": "web", "TaskDefinitionArn": "%s", "Status": "ACTIVE",
             "ContainerDefinitions": [{"Name": "app", "Image": "nginx:1.27", "Memory": "128", "Privileged": true,
               "Environment": [{"Name": "DB_PASSWORD", "Value": "%s"}]}]}
            """
                    .formatted(WEB_2, SECRET)));
    endpoint.standIn(
        "GetResourceConfigHistory",
        body -> {
          asked.add(body);
          return ConfigEvents.write(
              ConfigEvents.JSON
                  .createObjectNode()
                  .set(
                      "configurationItems",
                      ConfigEvents.JSON
                          .createArrayNode()
                          .add(
                              ConfigEvents.JSON
                                  .createObjectNode()
                                  .put("version", "1.3")
                                  .put("accountId", ACCOUNT)
                                  .put("configurationItemCaptureTime", CAPTURED_MILLIS / 1000.0)
                                  .put("configurationItemStatus", "OK")
                                  .put("configurationStateId", "1764583200123")
                                  .put("arn", WEB_2)
                                  .put("resourceType", "AWS::ECS::TaskDefinition")
                                  .put("resourceId", "web:2")
                                  .put("awsRegion", "us-east-1")
                                  .put("availabilityZone", "Not Applicable")
                                  .put("configuration", configuration)
                                  .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                                      "tags",
                                      ConfigEvents.JSON.createObjectNode().put("team", "web")))));
        });
    try (AwsAccess aws = AwsAccess.open(null, "us-east-1")) {
      Response response =
          handle(
              ConfigEvents.oversized("AWS::ECS::TaskDefinition", "web:2", WEB_2, "OK", ACCOUNT),
              aws,
              Map.of());
      JsonNode evaluation = byId(response).get("web:2");
      assertThat(evaluation.get("ComplianceType").asText()).isEqualTo("NON_COMPLIANT");
      assertThat(evaluation.get("Annotation").asText())
          .startsWith("FAILED ECS.4, ")
          .doesNotContain("not checked");
      assertThat(evaluation.get("OrderingTimestamp").asText())
          .isEqualTo(Instant.ofEpochMilli(CAPTURED_MILLIS).toString());
      assertThat(response.body().toString()).doesNotContain(SECRET);
      JsonNode request = ConfigEvents.read(asked.get(0));
      assertThat(request.get("limit").asInt()).isEqualTo(1);
      assertThat(request.get("resourceId").asText()).isEqualTo("web:2");
      assertThat(putEvaluations).hasSize(1);
    }
  }

  @Test
  void motoRecordsNoEcsItemSoTheFetchFailsInOneLine() throws Exception {
    try (AwsAccess aws = AwsAccess.open(null, "us-east-1")) {
      assertThatThrownBy(
              () ->
                  handle(
                      ConfigEvents.oversized(
                          "AWS::ECS::TaskDefinition", "web:2", WEB_2, "OK", ACCOUNT),
                      aws,
                      Map.of()))
          .isInstanceOf(GuardrailException.class)
          .hasMessage("config:GetResourceConfigHistory failed (ResourceNotDiscoveredException)");
    }
  }

  @Test
  void aChangedRevisionThatIsNotTheLatestActiveOneIsNotApplicable() throws Exception {
    String configuration = ConfigRuleHandlerTest.taskDefinition(true, "ACTIVE");
    try (AwsAccess aws = AwsAccess.open(null, "us-east-1")) {
      JsonNode older =
          byId(handle(
                  ConfigEvents.change(
                      "AWS::ECS::TaskDefinition",
                      "web:1",
                      WEB_2.replace(":2", ":1"),
                      configuration.replace("task-definition/web:3", "task-definition/web:1"),
                      null),
                  aws,
                  Map.of()))
              .get("web:1");
      assertThat(older.get("ComplianceType").asText()).isEqualTo("NOT_APPLICABLE");
      assertThat(older.get("Annotation").asText())
          .startsWith("revision 1 is not the latest ACTIVE revision 2");
      JsonNode latest =
          byId(handle(
                  ConfigEvents.change(
                      "AWS::ECS::TaskDefinition",
                      "web:2",
                      WEB_2,
                      configuration.replace("task-definition/web:3", "task-definition/web:2"),
                      null),
                  aws,
                  Map.of()))
              .get("web:2");
      assertThat(latest.get("ComplianceType").asText()).isEqualTo("NON_COMPLIANT");
      assertThat(aws.session().calls().byOperation()).containsEntry("DescribeTaskDefinition", 2L);
      assertThat(putEvaluations).hasSize(2);
    }
  }

  @Test
  void anOrganizationRuleAnswersForTheMemberAccountThroughItsRole() throws Exception {
    endpoint.standIn(
        "DescribeCapacityProviders", body -> "{\"capacityProviders\": [], \"failures\": []}");
    try (AwsAccess aws = AwsAccess.open(null, "us-east-1")) {
      assertThatThrownBy(() -> handle(ConfigEvents.scheduled(null, MEMBER), aws, Map.of()))
          .isInstanceOf(GuardrailException.class)
          .hasMessageContaining(RuleAccount.MEMBER_ROLE_VARIABLE);
      Response response =
          handle(
              ConfigEvents.scheduled(null, MEMBER),
              aws,
              Map.of(RuleAccount.MEMBER_ROLE_VARIABLE, "ecsguard-member"));
      assertThat(byId(response)).containsOnlyKeys(memberCluster);
      assertThat(aws.session().calls().byOperation())
          .containsEntry("AssumeRole", 1L)
          .containsEntry("PutEvaluations", 1L);
    }
  }
}
