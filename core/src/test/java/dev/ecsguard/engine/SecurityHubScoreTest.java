package dev.ecsguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.control.ControlInfo;
import dev.ecsguard.control.Standard;
import dev.ecsguard.control.Status;
import dev.ecsguard.tree.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The predicted Security Hub score: beyond.md's rules per control, and the range over UNKNOWN. */
class SecurityHubScoreTest {
  private static final List<String> CONTROLS =
      List.of("ECS.2", "ECS.4", "ECS.5", "ECS.13", "ECSG.1", "ECSG.4");

  @Test
  void aControlFailsOnAnyFailurePassesOnOnePassAndHasNoDataOnlyNotApplicable() {
    Map<String, SecurityHubScore.Outcome> outcomes =
        SecurityHubScore.outcomes(
            List.of(
                finding("ECS.4", Status.PASSED),
                finding("ECS.4", Status.FAILED),
                finding("ECS.4", Status.UNKNOWN),
                finding("ECS.5", Status.PASSED),
                finding("ECS.5", Status.NOT_APPLICABLE),
                finding("ECS.13", Status.NOT_APPLICABLE),
                finding("ECS.2", Status.UNKNOWN),
                finding("ECS.2", Status.PASSED),
                finding("ECSG.1", Status.FAILED)));
    assertThat(outcomes)
        .containsExactly(
            Map.entry("ECS.2", SecurityHubScore.Outcome.UNKNOWN),
            Map.entry("ECS.4", SecurityHubScore.Outcome.FAILED),
            Map.entry("ECS.5", SecurityHubScore.Outcome.PASSED),
            Map.entry("ECS.13", SecurityHubScore.Outcome.NO_DATA));
    SecurityHubScore score = SecurityHubScore.of(outcomes);
    assertThat(score).isEqualTo(new SecurityHubScore(1, 1, 1));
    assertThat(score.percent()).isEqualTo(50);
    assertThat(score.min()).isEqualTo(33);
    assertThat(score.max()).isEqualTo(67);
    assertThat(score.describe()).isEqualTo("50% (1 of 2 controls passed; 1 unknown: 33–67%)");
    assertThat(score.brief()).isEqualTo("50% (33–67%)");
  }

  @Test
  void withoutUnknownControlsTheScoreIsOneNumber() {
    SecurityHubScore score = new SecurityHubScore(5, 3, 0);
    assertThat(List.of(score.percent(), score.min(), score.max())).containsOnly(63);
    assertThat(score.describe()).isEqualTo("63% (5 of 8 controls passed)");
    assertThat(score.brief()).isEqualTo("63%");
  }

  @Test
  void withoutDataThereIsNoScoreAndTheWordsSaySo() {
    SecurityHubScore none = SecurityHubScore.of(List.of(finding("ECS.4", Status.NOT_APPLICABLE)));
    assertThat(none.controls()).isZero();
    assertThat(none.percent()).isNull();
    assertThat(none.min()).isNull();
    assertThat(none.max()).isNull();
    assertThat(none.describe()).startsWith("no data");
    SecurityHubScore onlyUnknown = new SecurityHubScore(0, 0, 2);
    assertThat(onlyUnknown.percent()).isNull();
    assertThat(onlyUnknown.min()).isZero();
    assertThat(onlyUnknown.max()).isEqualTo(100);
    assertThat(onlyUnknown.describe()).isEqualTo("unknown (2 controls unknown: 0–100%)");
  }

  @Property
  void thePercentLiesWithinTheRange(@ForAll("findings") List<Finding> findings) {
    SecurityHubScore score = SecurityHubScore.of(findings);
    if (score.percent() != null) {
      assertThat(score.percent()).isBetween(score.min(), score.max());
    }
    if (score.controls() > 0) {
      assertThat(score.min()).isBetween(0, 100).isLessThanOrEqualTo(score.max());
      assertThat(score.max()).isBetween(0, 100);
    }
  }

  @Property
  void ecsguardsOwnFindingsNeverChangeTheScore(@ForAll("findings") List<Finding> findings) {
    List<Finding> securityHubOnly =
        findings.stream()
            .filter(finding -> finding.control().standard() == Standard.SECURITY_HUB)
            .toList();
    assertThat(SecurityHubScore.of(findings)).isEqualTo(SecurityHubScore.of(securityHubOnly));
  }

  @Property
  void suppressingAFindingNeverRaisesTheScore(@ForAll("findings") List<Finding> findings) {
    List<Finding> suppressed = new ArrayList<>();
    Suppression accepted = new Suppression("*", "*", "accepted", null, "test");
    findings.forEach(finding -> suppressed.add(finding.suppressedBy(accepted)));
    assertThat(SecurityHubScore.of(suppressed)).isEqualTo(SecurityHubScore.of(findings));
  }

  @Provide
  Arbitrary<List<Finding>> findings() {
    return Combinators.combine(
            Arbitraries.of(CONTROLS), Arbitraries.of(Status.class), Arbitraries.of("a", "b", "c"))
        .as((id, status, resource) -> finding(id, status, resource))
        .list()
        .ofMaxSize(30);
  }

  private static Finding finding(String id, Status status) {
    return finding(id, status, "r");
  }

  private static Finding finding(String id, Status status, String resource) {
    ControlInfo control = Selection.find(id).info();
    return new Finding(
        control,
        status,
        control.resourceType(),
        resource,
        Map.of(),
        new Location("f.json", "", 1, 1),
        "m",
        List.of());
  }
}
