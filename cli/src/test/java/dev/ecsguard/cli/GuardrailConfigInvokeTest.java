package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code ecsguard guardrail invoke --handler config}: Config rule events, as AWS sends them. */
class GuardrailConfigInvokeTest {
  private static final String SECRET = "Zx9Kq2Lm7Pw4Rt8Vy1Bn5Cd3Fg6Hj0Ks2Lq8Mw4N";

  private static String event(String name) throws URISyntaxException {
    return Path.of(GuardrailConfigInvokeTest.class.getResource("/guardrail/config/" + name).toURI())
        .toString();
  }

  private static Run invoke(String name) throws URISyntaxException {
    return Run.of("guardrail", "invoke", "--handler", "config", "--no-config", event(name));
  }

  @Test
  void aNonCompliantItemPrintsItsEvaluationsAndExitsOne() throws Exception {
    Run run = invoke("change-privileged.json");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    JsonNode evaluation = new ObjectMapper().readTree(run.out()).get("evaluations").get(0);
    assertThat(evaluation.get("ComplianceResourceId").asText()).isEqualTo("web:3");
    assertThat(evaluation.get("ComplianceType").asText()).isEqualTo("NON_COMPLIANT");
    assertThat(evaluation.get("Annotation").asText()).startsWith("FAILED ECS.4, ");
    assertThat(run.all()).doesNotContain(SECRET);
  }

  @Test
  void aCompliantItemExitsZero() throws Exception {
    Run run = invoke("change-hardened.json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"ComplianceType\" : \"COMPLIANT\"", "PASSED ECS.4, ECS.5");
  }

  @Test
  void anOversizedItemWithoutAwsSaysSoInOneLineAndExitsTwo() throws Exception {
    Run run = invoke("oversized.json");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "ecsguard: an oversized configuration item needs AWS calls; run with --aws to make them"
                + System.lineSeparator());
  }
}
