package dev.ecsguard.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.model.Value;
import dev.ecsguard.tree.Node;
import org.junit.jupiter.api.Test;

class DecisionTest {
  private static final Node RESOURCE = Node.newDocument("t.json", 1, 1);

  @Test
  void aReasonTwoValuesShareIsSaidOnceWhileBothStayOffenders() {
    Decision decision = new Decision(RESOURCE);
    decision.unknown(null, Value.unknown("module.ecs is not downloaded", RESOURCE));
    decision.unknown(null, Value.unknown("module.ecs is not downloaded", RESOURCE));
    decision.unknown(null, Value.unknown("var.x has no default", RESOURCE));
    Verdict verdict = decision.verdict("passed");
    assertThat(verdict.status()).isEqualTo(Status.UNKNOWN);
    assertThat(verdict.message())
        .isEqualTo("Cannot decide: module.ecs is not downloaded. var.x has no default.")
        .containsOnlyOnce("module.ecs");
    assertThat(verdict.offenders()).hasSize(3);
  }
}
