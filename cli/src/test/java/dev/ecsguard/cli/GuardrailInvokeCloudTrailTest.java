package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code guardrail invoke --handler cloudtrail} without --aws: what it judges, what it refuses. */
class GuardrailInvokeCloudTrailTest {
  private static final String EVENTS =
      "../guardrail/src/test/resources/dev/ecsguard/guardrail/cloudtrail/";
  private static final String SECRET = "Zx9Qm2Lr7Tv4Kp1Wd8Fs3Hj6Nb0Yc5Ga2Ue7Io4P";

  @Test
  void aRegistrationIsJudgedFromItsRequest() throws Exception {
    Run run =
        Run.of(
            "guardrail",
            "invoke",
            "--no-config",
            "--handler",
            "cloudtrail",
            EVENTS + "register-task-definition.json");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    JsonNode body = new ObjectMapper().readTree(run.out());
    assertThat(body.path("findings").findValuesAsText("controlId")).contains("ECS.4");
    assertThat(body.path("notes").get(0).path("message").asText())
        .startsWith("judged from the request CloudTrail recorded, not from ECS");
    assertThat(run.all()).doesNotContain(SECRET);
  }

  @Test
  void aNewServiceNeedsADescribe() {
    Run run =
        Run.of(
            "guardrail",
            "invoke",
            "--no-config",
            "--handler",
            "cloudtrail",
            EVENTS + "create-service.json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "ecsguard: describing the resource a CloudTrail event names needs AWS calls; run with --aws to make them"
                + System.lineSeparator());
  }
}
