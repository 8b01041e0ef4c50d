package dev.ecsguard.guardrail.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.config.Configuration;
import dev.ecsguard.guardrail.EventHandler;
import dev.ecsguard.guardrail.GuardrailContext;
import dev.ecsguard.guardrail.GuardrailException;
import dev.ecsguard.guardrail.Handler;
import dev.ecsguard.guardrail.NeedsAwsException;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The CloudTrail handler without AWS access: what it judges from the event alone, what it refuses.
 */
class CloudTrailHandlerTest {
  static final String SECRET = "Zx9Qm2Lr7Tv4Kp1Wd8Fs3Hj6Nb0Yc5Ga2Ue7Io4P";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final GuardrailContext OFFLINE =
      new GuardrailContext(Configuration.NONE, null, LocalDate.of(2026, 12, 6), Map.of());

  static ObjectNode event(String name) throws IOException {
    try (InputStream in = CloudTrailHandlerTest.class.getResourceAsStream(name)) {
      return (ObjectNode) JSON.readTree(in);
    }
  }

  static String status(JsonNode body, String control, String resourceType) {
    for (JsonNode finding : body.path("findings")) {
      if (finding.path("controlId").asText().equals(control)
          && finding.path("resourceType").asText().equals(resourceType)) {
        return finding.path("status").asText();
      }
    }
    return null;
  }

  @Test
  void theEventIsForTheCloudTrailHandler() throws Exception {
    assertThat(Handler.of(event("register-task-definition.json"))).isEqualTo(Handler.CLOUDTRAIL);
  }

  @Test
  void withoutAwsARegistrationIsJudgedFromItsRequestWithANote() throws Exception {
    EventHandler.Response response =
        new CloudTrailHandler().handle(event("register-task-definition.json"), OFFLINE);
    assertThat(response.failed()).isTrue();
    assertThat(status(response.body(), "ECS.4", "AWS::ECS::TaskDefinition")).isEqualTo("FAILED");
    assertThat(status(response.body(), "ECS.8", "AWS::ECS::TaskDefinition")).isEqualTo("FAILED");
    assertThat(response.body().path("findings").get(0).path("resourceId").asText())
        .isEqualTo("privileged-app");
    assertThat(response.body().path("summary").path("failed").asInt()).isPositive();
    assertThat(response.body().path("notes").toString())
        .contains("judged from the request CloudTrail recorded, not from ECS")
        .contains("may have cut it");
    assertThat(response.body().toString()).doesNotContain(SECRET);
  }

  @Test
  void withoutAwsAnEventThatNeedsADescribeSaysSo() throws Exception {
    assertThatThrownBy(() -> new CloudTrailHandler().handle(event("create-service.json"), OFFLINE))
        .isInstanceOf(NeedsAwsException.class)
        .hasMessage(
            "describing the resource a CloudTrail event names needs AWS calls; run with --aws to make them");
    assertThatThrownBy(
            () ->
                new CloudTrailHandler()
                    .handle(event("register-task-definition-truncated.json"), OFFLINE))
        .isInstanceOf(NeedsAwsException.class);
  }

  @Test
  void aFailedCallOrAnotherCallIsNothingToJudge() throws Exception {
    for (String name :
        new String[] {"register-task-definition-failed.json", "describe-task-definition.json"}) {
      EventHandler.Response response = new CloudTrailHandler().handle(event(name), OFFLINE);
      assertThat(response.failed()).isFalse();
      assertThat(response.body().path("findings")).isEmpty();
      assertThat(response.body().path("notes")).hasSize(1);
    }
    assertThat(
            new CloudTrailHandler()
                .handle(event("register-task-definition-failed.json"), OFFLINE)
                .body()
                .path("notes")
                .get(0)
                .path("message")
                .asText())
        .contains("the call failed");
  }

  @Test
  void anEventWithoutDetailIsRefusedWithoutQuotingIt() throws Exception {
    ObjectNode event = event("register-task-definition.json");
    event.put("detail", SECRET);
    assertThatThrownBy(() -> new CloudTrailHandler().handle(event, OFFLINE))
        .isInstanceOf(GuardrailException.class)
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void theEventPointsAtTheResourceByItsResponseElseItsRequest() throws Exception {
    assertThat(Pointer.of(ApiCall.of(event("register-task-definition.json"))))
        .contains(
            new Pointer.TaskDefinition(
                "arn:aws:ecs:us-east-1:123456789012:task-definition/privileged-app:1"));
    assertThat(Pointer.of(ApiCall.of(event("create-service.json"))))
        .contains(
            new Pointer.Service(
                "arn:aws:ecs:us-east-1:123456789012:cluster/prod",
                "arn:aws:ecs:us-east-1:123456789012:service/prod/web"));
    ObjectNode update = event("create-service.json");
    ObjectNode detail = (ObjectNode) update.path("detail");
    detail.put("eventName", "UpdateService");
    detail.putNull("responseElements");
    detail.set("requestParameters", JSON.createObjectNode().put("service", "web"));
    assertThat(Pointer.of(ApiCall.of(update))).contains(new Pointer.Service("default", "web"));
    detail.put("eventName", "CreateCluster");
    detail.set("requestParameters", JSON.createObjectNode());
    assertThat(Pointer.of(ApiCall.of(update))).contains(new Pointer.Cluster("default"));
    detail.put("eventName", "UpdateClusterSettings");
    assertThat(Pointer.of(ApiCall.of(update))).isEmpty();
    detail.put("eventName", "CreateTaskSet");
    detail.set(
        "requestParameters",
        JSON.createObjectNode()
            .put("service", "arn:aws:ecs:us-east-1:123456789012:service/prod/web")
            .put("taskDefinition", "privileged-app:1"));
    assertThat(Pointer.of(ApiCall.of(update)))
        .contains(
            new Pointer.TaskSet(
                "prod", "arn:aws:ecs:us-east-1:123456789012:service/prod/web", null));
    detail.put("eventName", "UpdateCapacityProvider");
    detail.set("requestParameters", JSON.createObjectNode().put("name", "spot"));
    assertThat(Pointer.of(ApiCall.of(update))).contains(new Pointer.CapacityProvider("spot"));
  }
}
