package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsguard.guardrail.policy.GuardrailPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuardrailPolicyCommandTest {
  @Test
  void printsTheScpAndWithBoundaryTheBoundary() throws Exception {
    Run scp = Run.of("guardrail", "policy");
    assertThat(scp.exitCode()).isZero();
    assertThat(scp.err()).isEmpty();
    assertThat(scp.out())
        .isEqualTo(
            GuardrailPolicy.text(GuardrailPolicy.build(GuardrailPolicy.Kind.SCP, List.of())));
    Run boundary = Run.of("guardrail", "policy", "--boundary", "--controls", "ECS.4");
    assertThat(boundary.exitCode()).isZero();
    assertThat(new ObjectMapper().readTree(boundary.out()).get("Statement").toString())
        .contains("AllowWithinBoundary", "ecs:privileged")
        .doesNotContain("ecs:auto-assign-public-ip");
  }

  @Test
  void aControlNoKeyCarriesIsAUsageError() {
    Run run = Run.of("guardrail", "policy", "--controls", "ECS.4,ECS.16");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("ecsguard: ECS.16 cannot be prevented by a policy");
  }
}
