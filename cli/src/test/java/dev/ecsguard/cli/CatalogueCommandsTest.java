package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CatalogueCommandsTest {

  @Test
  void controlsListsTheCatalogueWithRetiredMarked() {
    Run run = Run.of("controls");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "ECS.4",
            "Containers must not run privileged",
            "High",
            "AWS::ECS::TaskDefinition",
            "ecs-containers-nonprivileged")
        .contains("ECS.19", "AWS::ECS::CapacityProvider")
        .contains("retired by AWS");
    assertThat(
            run.out().lines().filter(line -> line.startsWith("ECS.1 ")).findFirst().orElseThrow())
        .contains("retired");
    assertThat(Run.of("controls", "--format", "markdown").out()).startsWith("| ID | Title |");
  }

  @Test
  void controlsAreListedUnderTheirStandard() throws Exception {
    String text = Run.of("controls").out();
    int securityHub = text.indexOf("AWS Security Hub controls (--standard securityhub)");
    int own = text.indexOf("ecsguard controls (--standard ecsguard)");
    assertThat(securityHub).isZero();
    assertThat(own).isGreaterThan(text.indexOf("\nECS.21 ")).isLessThan(text.indexOf("\nECSG.1 "));
    com.fasterxml.jackson.databind.JsonNode json =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(Run.of("controls", "--format", "json").out());
    assertThat(json.get("controls"))
        .allSatisfy(
            control ->
                assertThat(control.get("standard").asText())
                    .isEqualTo(
                        control.get("id").asText().startsWith("ECSG.")
                            ? "ecsguard"
                            : "securityhub"));
  }

  @Test
  void explainPrintsMetadataAndTheLesson() {
    Run run = Run.of("explain", "ecs.4");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("ECS.4: Containers must not run privileged")
        .contains("AWS Config rule: ecs-containers-nonprivileged")
        .contains("## What it checks", "## Why it matters", "## How to fix it", "## What it is not")
        .contains("ECS.20");
    assertThat(Run.of("explain", "ECS.13").out()).contains("--param ECS.13.requiredTagKeys=VALUE");
    assertThat(Run.of("explain", "ECS.1").out()).contains("retired by AWS");
  }

  @Test
  void explainingAnUnknownControlIsAUsageError() {
    Run run = Run.of("explain", "ECS.11");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown control ECS.11").contains("do not exist");
  }

  @Test
  void helpListsEveryExitCodeFromTheEnum() {
    for (String[] args : new String[][] {{"--help"}, {"scan", "--help"}}) {
      Run run = Run.of(args);
      assertThat(run.exitCode()).isZero();
      Arrays.stream(ExitCode.values())
          .forEach(
              code -> assertThat(run.out()).contains("  " + code.code() + "  " + code.meaning()));
    }
  }

  @Test
  void versionIsPrinted() {
    assertThat(Run.of("--version").out()).startsWith("ecsguard ");
  }

  @Test
  void versionNamesTheBuildsVersionAndCommit() {
    assertThat(Main.Version.line(null, null)).isEqualTo("ecsguard development build");
    assertThat(Main.Version.line("0.2.0-SNAPSHOT", "")).isEqualTo("ecsguard 0.2.0-SNAPSHOT");
    assertThat(Main.Version.line("0.2.0", "0123456789abcdef0123456789abcdef01234567"))
        .isEqualTo("ecsguard 0.2.0 (commit 0123456789ab)");
  }
}
