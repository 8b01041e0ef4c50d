package dev.ecsguard.guardrail.cloudtrail;

import static dev.ecsguard.guardrail.cloudtrail.CloudTrailHandlerTest.SECRET;
import static dev.ecsguard.guardrail.cloudtrail.CloudTrailHandlerTest.event;
import static dev.ecsguard.guardrail.cloudtrail.CloudTrailHandlerTest.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.aws.MotoExtension;
import dev.ecsguard.config.Configuration;
import dev.ecsguard.guardrail.AwsAccess;
import dev.ecsguard.guardrail.EventHandler;
import dev.ecsguard.guardrail.GuardrailContext;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The CloudTrail handler against moto: the resource described rather than read from the event, the
 * findings in Security Hub and the summary on SNS, no planted secret in any of them.
 */
class CloudTrailMotoTest {
  private static final String SCRIPT = "/dev/ecsguard/guardrail/cloudtrail/moto.py";
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension static final MotoExtension moto = MotoExtension.asDefaultEndpoint();
  private AwsAccess aws;
  private String topic;

  @BeforeEach
  void seed() throws Exception {
    moto.server().reset();
    moto.server().seed(SCRIPT, "register", SECRET);
    topic = moto.server().seed(SCRIPT, "topic");
    aws = AwsAccess.open(null, "us-east-1");
  }

  @AfterEach
  void close() {
    aws.close();
  }

  private EventHandler.Response handle(JsonNode event) throws Exception {
    return new CloudTrailHandler()
        .handle(
            event,
            new GuardrailContext(
                Configuration.NONE,
                aws,
                LocalDate.of(2026, 12, 6),
                Map.of(Notification.TOPIC_VARIABLE, topic)));
  }

  private JsonNode securityHub() throws Exception {
    return JSON.readTree(moto.server().seed(SCRIPT, "findings"));
  }

  private JsonNode messages() throws Exception {
    return JSON.readTree(moto.server().seed(SCRIPT, "messages"));
  }

  @Test
  void aRegistrationIsDescribedJudgedAndSent() throws Exception {
    EventHandler.Response response = handle(event("register-task-definition.json"));

    JsonNode body = response.body();
    assertThat(response.failed()).isTrue();
    assertThat(status(body, "ECS.4", "AWS::ECS::TaskDefinition")).isEqualTo("FAILED");
    assertThat(body.path("findings").get(0).path("resourceId").asText())
        .isEqualTo("arn:aws:ecs:us-east-1:123456789012:task-definition/privileged-app:1");
    assertThat(body.path("findings").get(0).path("file").asText())
        .isEqualTo("aws://123456789012/us-east-1/ecs:DescribeTaskDefinition");
    assertThat(body.path("notes").toString())
        .contains(body.path("findings").size() + " findings sent to Security Hub")
        .contains("summarised on SNS topic " + topic)
        .doesNotContain("judged from the request");

    JsonNode imported = securityHub();
    assertThat(imported).hasSize(body.path("findings").size());
    assertThat(imported.toString())
        .contains("\"GeneratorId\":\"ECS.4\"")
        .contains("\"AwsAccountId\":\"123456789012\"")
        .contains("arn:aws:ecs:us-east-1:123456789012:task-definition/privileged-app:1");

    JsonNode messages = messages();
    assertThat(messages).hasSize(1);
    assertThat(messages.get(0).asText())
        .contains("RegisterTaskDefinition")
        .contains(
            "ECS.4 FAILED (HIGH) arn:aws:ecs:us-east-1:123456789012:task-definition/privileged-app:1")
        .contains("arn:aws:sts::123456789012:assumed-role/Deployer/deployer");

    assertThat(body.toString()).doesNotContain(SECRET);
    assertThat(imported.toString()).doesNotContain(SECRET);
    assertThat(messages.toString()).doesNotContain(SECRET);
  }

  @Test
  void aTruncatedRegistrationIsStillJudgedByDescribing() throws Exception {
    EventHandler.Response response = handle(event("register-task-definition-truncated.json"));

    assertThat(response.failed()).isTrue();
    assertThat(status(response.body(), "ECS.4", "AWS::ECS::TaskDefinition")).isEqualTo("FAILED");
    assertThat(response.body().toString()).doesNotContain(SECRET);
  }

  @Test
  void aNewServiceIsJudgedWithTheRevisionItRuns() throws Exception {
    moto.server().seed(SCRIPT, "service");

    EventHandler.Response response = handle(event("create-service.json"));

    JsonNode body = response.body();
    assertThat(status(body, "ECSG.11", "AWS::ECS::Service")).isNotNull();
    assertThat(status(body, "ECS.4", "AWS::ECS::TaskDefinition")).isEqualTo("FAILED");
    assertThat(body.path("findings").findValuesAsText("resourceId"))
        .contains(
            "arn:aws:ecs:us-east-1:123456789012:service/prod/web",
            "arn:aws:ecs:us-east-1:123456789012:task-definition/privileged-app:1");
    assertThat(securityHub().toString()).contains("AwsEcsService").doesNotContain(SECRET);
    assertThat(messages().toString()).contains("CreateService").doesNotContain(SECRET);
  }

  @Test
  void taskSetsClustersAndCapacityProvidersAreDescribed() throws Exception {
    moto.server().seed(SCRIPT, "others");

    JsonNode taskSet = handle(event("create-task-set-truncated.json")).body();
    assertThat(taskSet.path("findings").findValuesAsText("resourceType"))
        .contains("AWS::ECS::TaskSet", "AWS::ECS::TaskDefinition")
        .doesNotContain("AWS::ECS::Service");
    assertThat(status(taskSet, "ECS.4", "AWS::ECS::TaskDefinition")).isEqualTo("FAILED");

    JsonNode cluster = handle(event("update-cluster-settings.json")).body();
    assertThat(cluster.path("findings").findValuesAsText("resourceId"))
        .containsOnly("arn:aws:ecs:us-east-1:123456789012:cluster/prod");

    JsonNode provider = handle(event("create-capacity-provider.json")).body();
    assertThat(provider.path("findings").findValuesAsText("resourceType"))
        .isNotEmpty()
        .containsOnly("AWS::ECS::CapacityProvider");
    assertThat(provider.path("errors")).isEmpty();
  }

  @Test
  void aCallInAnotherAccountIsNeitherDescribedNorSent() throws Exception {
    ObjectNode event = event("create-service.json");
    event.put("account", "210987654321");

    EventHandler.Response response = handle(event);

    assertThat(response.body().path("findings")).isEmpty();
    assertThat(response.body().path("notes").toString()).contains("another account");
    assertThat(securityHub()).isEmpty();
    assertThat(messages()).isEmpty();
  }

  @Test
  void aResourceGoneSinceTheCallIsSaidAndNothingIsSent() throws Exception {
    moto.server().seed(SCRIPT, "cluster");

    EventHandler.Response response = handle(event("create-service.json"));

    assertThat(response.failed()).isFalse();
    assertThat(response.body().path("notes").toString()).contains("ECS described no such resource");
    assertThat(securityHub()).isEmpty();
  }
}
