package dev.ecsguard.guardrail.config;

import static dev.ecsguard.guardrail.config.ConfigEvents.ACCOUNT;
import static dev.ecsguard.guardrail.config.ConfigEvents.CAPTURED;
import static dev.ecsguard.guardrail.config.ConfigEvents.REGION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.config.Configuration;
import dev.ecsguard.config.ConfigurationReader;
import dev.ecsguard.guardrail.EventHandler.Response;
import dev.ecsguard.guardrail.GuardrailContext;
import dev.ecsguard.guardrail.GuardrailException;
import dev.ecsguard.guardrail.Handler;
import dev.ecsguard.guardrail.NeedsAwsException;
import dev.ecsguard.guardrail.entry.Guardrail;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Config rule events judged without AWS calls, as {@code guardrail invoke} does without --aws. */
class ConfigRuleHandlerTest {
  static final String SECRET = "Zx9Kq2Lm7Pw4Rt8Vy1Bn5Cd3Fg6Hj0Ks2Lq8Mw4N";
  static final String TASK_DEFINITION_ARN =
      "arn:aws:ecs:" + REGION + ":" + ACCOUNT + ":task-definition/web:3";

  /**
   * A task definition as Config records it: PascalCase, numbers as strings, EfsVolumeConfiguration.
   */
  static String taskDefinition(boolean privileged, String status) {
    return """
        {"Family": "web", "TaskDefinitionArn": "%s", "Status": "%s", "Cpu": "256", "Memory": "512",
         "NetworkMode": "awsvpc", "RequiresCompatibilities": ["FARGATE"],
         "RuntimePlatform": {"OperatingSystemFamily": "LINUX"},
         "ContainerDefinitions": [{"Name": "app", "Image": "nginx:1.27", "Privileged": %s,
           "ReadonlyRootFilesystem": true, "User": "1000", "Memory": "512",
           "Environment": [{"Name": "AWS_SECRET_ACCESS_KEY", "Value": "%s"}, {"Name": "DB_PASSWORD", "Value": "%s"}],
           "LogConfiguration": {"LogDriver": "awslogs"}}],
         "Volumes": [{"Name": "data", "EfsVolumeConfiguration": {"FileSystemId": "fs-1", "TransitEncryption": "ENABLED"}}]}
        """
        .formatted(TASK_DEFINITION_ARN, status, privileged, SECRET, SECRET);
  }

  static Response handle(JsonNode event, Configuration configuration) throws GuardrailException {
    return Guardrail.handle(
        Handler.of(event),
        event,
        new GuardrailContext(configuration, null, LocalDate.of(2026, 12, 1), Map.of()));
  }

  static Response handle(JsonNode event) throws GuardrailException {
    return handle(event, Configuration.NONE);
  }

  static JsonNode only(Response response) {
    assertThat(response.body().get("evaluations")).hasSize(1);
    return response.body().get("evaluations").get(0);
  }

  @Test
  void aPrivilegedTaskDefinitionIsNonCompliantNamingTheControlsInPutEvaluationsShape()
      throws GuardrailException {
    ObjectNode event =
        ConfigEvents.change(
            "AWS::ECS::TaskDefinition",
            "web:3",
            TASK_DEFINITION_ARN,
            taskDefinition(true, "ACTIVE"),
            null);
    assertThat(event.get("invokingEvent").isTextual()).isTrue();
    Response response = handle(event);
    JsonNode evaluation = only(response);
    assertThat(response.failed()).isTrue();
    assertThat(evaluation.get("ComplianceResourceType").asText())
        .isEqualTo("AWS::ECS::TaskDefinition");
    assertThat(evaluation.get("ComplianceResourceId").asText()).isEqualTo("web:3");
    assertThat(evaluation.get("ComplianceType").asText()).isEqualTo("NON_COMPLIANT");
    assertThat(evaluation.get("OrderingTimestamp").asText()).isEqualTo(CAPTURED);
    String annotation = evaluation.get("Annotation").asText();
    assertThat(annotation)
        .startsWith("FAILED ECS.4, ECS.8, ECSG.5")
        .contains("judged as its family's latest");
    assertThat(annotation.length()).isLessThanOrEqualTo(256);
    assertThat(response.body().toString()).doesNotContain(SECRET);
    assertThat(evaluation.properties())
        .extracting(Map.Entry::getKey)
        .containsExactly(
            "ComplianceResourceType",
            "ComplianceResourceId",
            "ComplianceType",
            "Annotation",
            "OrderingTimestamp");
  }

  @Test
  void theControlsParameterSelectsWhatTheRuleJudges() throws GuardrailException {
    JsonNode one =
        only(
            handle(
                ConfigEvents.change(
                    "AWS::ECS::TaskDefinition",
                    "web:3",
                    TASK_DEFINITION_ARN,
                    taskDefinition(false, "ACTIVE"),
                    "ECS.4")));
    assertThat(one.get("ComplianceType").asText()).isEqualTo("COMPLIANT");
    assertThat(one.get("Annotation").asText()).startsWith("PASSED ECS.4;");
    JsonNode two =
        only(
            handle(
                ConfigEvents.change(
                    "AWS::ECS::TaskDefinition",
                    "web:3",
                    TASK_DEFINITION_ARN,
                    taskDefinition(true, "ACTIVE"),
                    "ecs.4, ECS.5")));
    assertThat(two.get("Annotation").asText()).startsWith("FAILED ECS.4 (");
    assertThatThrownBy(
            () ->
                handle(
                    ConfigEvents.change(
                        "AWS::ECS::TaskDefinition",
                        "web:3",
                        TASK_DEFINITION_ARN,
                        taskDefinition(true, "ACTIVE"),
                        "ECS.404")))
        .isInstanceOf(GuardrailException.class)
        .hasMessageContaining("unknown control");
  }

  @Test
  void everyResourceTypeIsReadFromConfigsShape() throws GuardrailException {
    String service = "arn:aws:ecs:us-east-1:123456789012:service/prod/api";
    JsonNode serviceEvaluation =
        only(
            handle(
                ConfigEvents.change(
                    "AWS::ECS::Service",
                    service,
                    service,
                    """
        {"ServiceName": "api", "ServiceArn": "%s", "Cluster": "arn:aws:ecs:us-east-1:123456789012:cluster/prod",
         "TaskDefinition": "%s", "LaunchType": "FARGATE", "PlatformVersion": "LATEST", "DesiredCount": "2",
         "NetworkConfiguration": {"AwsvpcConfiguration": {"AssignPublicIp": "ENABLED", "Subnets": ["subnet-1"]}}}
        """
                        .formatted(service, TASK_DEFINITION_ARN),
                    null)));
    assertThat(serviceEvaluation.get("ComplianceResourceId").asText()).isEqualTo(service);
    assertThat(serviceEvaluation.get("Annotation").asText()).startsWith("FAILED ECS.2 (");
    JsonNode cluster =
        only(
            handle(
                ConfigEvents.change(
                    "AWS::ECS::Cluster",
                    "prod",
                    "arn:aws:ecs:us-east-1:123456789012:cluster/prod",
                    """
        {"ClusterName": "prod", "Arn": "arn:aws:ecs:us-east-1:123456789012:cluster/prod",
         "ClusterSettings": [{"Name": "containerInsights", "Value": "enabled"}]}
        """,
                    null)));
    assertThat(cluster.get("ComplianceType").asText()).isEqualTo("COMPLIANT");
    assertThat(cluster.get("ComplianceResourceId").asText()).isEqualTo("prod");
    JsonNode taskSet =
        only(
            handle(
                ConfigEvents.change(
                    "AWS::ECS::TaskSet",
                    "ecs-svc/1234567890",
                    "arn:aws:ecs:us-east-1:123456789012:task-set/prod/api/ecs-svc/1234567890",
                    """
        {"Id": "ecs-svc/1234567890", "Cluster": "prod", "Service": "api", "TaskDefinition": "%s",
         "Scale": {"Unit": "PERCENT", "Value": "100"},
         "NetworkConfiguration": {"AwsVpcConfiguration": {"AssignPublicIp": "ENABLED"}}}
        """
                        .formatted(TASK_DEFINITION_ARN),
                    null)));
    assertThat(taskSet.get("Annotation").asText()).startsWith("FAILED ECS.16");
    JsonNode provider =
        only(
            handle(
                ConfigEvents.change(
                    "AWS::ECS::CapacityProvider",
                    "asg-provider",
                    "arn:aws:ecs:us-east-1:123456789012:capacity-provider/asg-provider",
                    """
        {"Name": "asg-provider", "AutoScalingGroupProvider": {"AutoScalingGroupArn": "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:1:autoScalingGroupName/asg",
         "ManagedTerminationProtection": "DISABLED", "ManagedScaling": {"Status": "ENABLED", "TargetCapacity": "100"}}}
        """,
                    null)));
    assertThat(provider.get("Annotation").asText()).startsWith("FAILED ECS.19");
  }

  @Test
  void theDefaultLeavesOutTheControlsThatNeedOtherResources() throws GuardrailException {
    String service = "arn:aws:ecs:us-east-1:123456789012:service/prod/api";
    JsonNode evaluation =
        only(
            handle(
                ConfigEvents.change(
                    "AWS::ECS::Service",
                    service,
                    service,
                    """
        {"ServiceName": "api", "TaskDefinition": "%s", "LaunchType": "EC2",
         "NetworkConfiguration": {"AwsvpcConfiguration": {"AssignPublicIp": "DISABLED"}}}
        """
                        .formatted(TASK_DEFINITION_ARN),
                    null)));
    assertThat(evaluation.get("ComplianceType").asText()).isEqualTo("COMPLIANT");
    assertThat(evaluation.get("Annotation").asText())
        .contains("ECS.2")
        .doesNotContain("ECSG.11", "ECSG.12");
  }

  @Test
  void whatSecurityHubDoesNotJudgeIsNotApplicable() throws GuardrailException {
    JsonNode inactive =
        only(
            handle(
                ConfigEvents.change(
                    "AWS::ECS::TaskDefinition",
                    "web:3",
                    TASK_DEFINITION_ARN,
                    taskDefinition(true, "INACTIVE"),
                    null)));
    assertThat(inactive.get("ComplianceType").asText()).isEqualTo("NOT_APPLICABLE");
    assertThat(inactive.get("Annotation").asText()).contains("INACTIVE");
    ObjectNode leftScope =
        ConfigEvents.change(
            "AWS::ECS::TaskDefinition",
            "web:3",
            TASK_DEFINITION_ARN,
            taskDefinition(true, "ACTIVE"),
            null);
    leftScope.put("eventLeftScope", true);
    Response left = handle(leftScope);
    assertThat(only(left).get("ComplianceType").asText()).isEqualTo("NOT_APPLICABLE");
    assertThat(left.failed()).isFalse();
    for (String status : new String[] {"ResourceDeleted", "ResourceNotRecorded"}) {
      ObjectNode invoking = ConfigEvents.JSON.createObjectNode();
      invoking.set(
          "configurationItem",
          ConfigEvents.item(
              "AWS::ECS::Cluster",
              "prod",
              "arn:aws:ecs:us-east-1:123456789012:cluster/prod",
              "null",
              status));
      invoking.put("messageType", "ConfigurationItemChangeNotification");
      JsonNode gone = only(handle(ConfigEvents.event(invoking, null, ACCOUNT)));
      assertThat(gone.get("ComplianceType").asText()).isEqualTo("NOT_APPLICABLE");
      assertThat(gone.get("Annotation").asText()).contains(status);
    }
  }

  @Test
  void anUnknownVerdictFailsClosedAndSaysWhy() throws GuardrailException {
    JsonNode evaluation =
        only(
            handle(
                ConfigEvents.change(
                    "AWS::ECS::TaskDefinition",
                    "web:3",
                    TASK_DEFINITION_ARN,
                    taskDefinition(false, "ACTIVE")
                        .replace(
                            "\"Privileged\": false",
                            "\"Privileged\": {\"value\": \"" + SECRET + "\"}"),
                    "ECS.4")));
    assertThat(evaluation.get("ComplianceType").asText()).isEqualTo("NON_COMPLIANT");
    assertThat(evaluation.get("Annotation").asText())
        .startsWith("could not be read: ECS.4 (")
        .doesNotContain(SECRET);
  }

  @Test
  void failOnAndSuppressionsJudgeAsScanDoes() throws Exception {
    Configuration lenient =
        ConfigurationReader.read(
            new ByteArrayInputStream(
                """
        failOn: critical
        suppressions:
          - control: ECS.8
            resource: "*web*"
            reason: "rotated by the vault sidecar (SEC-1)"
        """
                    .getBytes(StandardCharsets.UTF_8)),
            "ecsguard.yml");
    Response response =
        handle(
            ConfigEvents.change(
                "AWS::ECS::TaskDefinition",
                "web:3",
                TASK_DEFINITION_ARN,
                taskDefinition(true, "ACTIVE"),
                "ECS.4,ECS.8,ECSG.5"),
            lenient);
    JsonNode evaluation = only(response);
    // ECSG.5 is Critical: it still fails; ECS.4 (High) is below failOn, ECS.8 suppressed.
    assertThat(evaluation.get("Annotation").asText()).startsWith("FAILED ECSG.5 (");
    Response high =
        handle(
            ConfigEvents.change(
                "AWS::ECS::TaskDefinition",
                "web:3",
                TASK_DEFINITION_ARN,
                taskDefinition(true, "ACTIVE"),
                "ECS.4,ECS.8"),
            lenient);
    assertThat(only(high).get("ComplianceType").asText()).isEqualTo("COMPLIANT");
    assertThat(only(high).get("Annotation").asText())
        .startsWith("suppressed or below failOn: ECS.4, ECS.8");
    assertThat(high.failed()).isFalse();
  }

  @Test
  void eventsThatNeedAwsSaySoWithoutAnyCall() {
    assertThatThrownBy(
            () ->
                handle(
                    ConfigEvents.oversized(
                        "AWS::ECS::TaskDefinition", "web:3", TASK_DEFINITION_ARN, "OK", ACCOUNT)))
        .isInstanceOf(NeedsAwsException.class)
        .hasMessage("an oversized configuration item needs AWS calls; run with --aws to make them");
    assertThatThrownBy(() -> handle(ConfigEvents.scheduled(null, ACCOUNT)))
        .isInstanceOf(NeedsAwsException.class);
  }

  @Test
  void anOversizedItemOfADeletedResourceNeedsNoFetch() throws GuardrailException {
    JsonNode evaluation =
        only(
            handle(
                ConfigEvents.oversized(
                    "AWS::ECS::TaskDefinition",
                    "web:3",
                    TASK_DEFINITION_ARN,
                    "ResourceDeleted",
                    ACCOUNT)));
    assertThat(evaluation.get("ComplianceType").asText()).isEqualTo("NOT_APPLICABLE");
  }

  @Test
  void aMalformedEventIsOneLineQuotingNothing() {
    ObjectNode event = ConfigEvents.scheduled(null, ACCOUNT);
    event.put("invokingEvent", "{\"messageType\": " + SECRET);
    assertThatThrownBy(() -> handle(event))
        .isInstanceOf(GuardrailException.class)
        .hasMessage("the Config rule event's invokingEvent is not JSON");
  }

  @Test
  void annotationsAreCutAtConfigsLimit() {
    Evaluation evaluation =
        new Evaluation(
            "AWS::ECS::Cluster",
            "prod",
            software.amazon.awssdk.services.config.model.ComplianceType.COMPLIANT,
            "x".repeat(300),
            java.time.Instant.EPOCH);
    assertThat(evaluation.annotation()).hasSize(256).endsWith("…");
  }
}
