package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A baseline accepts today's findings, whatever lines move, and a scan then fails only on new ones.
 */
class BaselineTest {
  @TempDir Path dir;

  @Test
  void onlyNewFindingsFailOnceABaselineIsMade() throws IOException {
    Path task = dir.resolve("task.json");
    Files.writeString(
        task,
        "{\"family\":\"f\",\"containerDefinitions\":[{\"name\":\"app\",\"privileged\":true}]}");
    Path baseline = dir.resolve("baseline.json");
    Run made =
        Run.of(
            "scan",
            "--no-config",
            "--controls",
            "ECS.4,ECS.5",
            "--create-baseline",
            baseline.toString(),
            task.toString());
    assertThat(made.exitCode()).isEqualTo(ExitCode.FAILED.code());
    assertThat(Files.readString(baseline))
        .contains("\"controlId\" : \"ECS.4\"")
        .contains("\"controlId\" : \"ECS.5\"");

    Files.writeString(
        task,
        "\n\n\n{\"family\":\"f\",\"containerDefinitions\":[{\"name\":\"app\",\"privileged\":true}]}");
    Run moved =
        Run.of(
            "scan",
            "--no-config",
            "--controls",
            "ECS.4,ECS.5",
            "--baseline",
            baseline.toString(),
            task.toString());
    assertThat(moved.exitCode()).as(moved.out()).isZero();
    assertThat(moved.out())
        .contains("2 suppressed")
        .contains("already there when the baseline was made (baseline " + baseline + ")");

    Files.writeString(
        task,
        "{\"family\":\"f\",\"containerDefinitions\":[{\"name\":\"app\",\"privileged\":true},{\"name\":\"new\",\"privileged\":true}]}");
    Run added =
        Run.of(
            "scan",
            "--no-config",
            "--controls",
            "ECS.4",
            "--baseline",
            baseline.toString(),
            task.toString());
    assertThat(added.exitCode())
        .as("a new privileged container is a new finding")
        .isEqualTo(ExitCode.FAILED.code());
  }

  @Test
  void aFileThatIsNoBaselineIsRefused() throws IOException {
    Path other = Files.writeString(dir.resolve("other.json"), "{\"findings\": 3}");
    Run run = Run.of("scan", "--baseline", other.toString(), "../examples");
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR.code());
    assertThat(run.err()).contains(other + ":1:14: not an ecsguard baseline");
    Files.writeString(other, "[]");
    assertThat(Run.of("scan", "--baseline", other.toString(), "../examples").err())
        .contains(other + ":1:1: not an ecsguard baseline");
  }

  @Test
  void withABaselineTheScoreIsShownBeforeAndAfterAndSuppressedFailuresStillCount()
      throws IOException {
    Path task = dir.resolve("task.json");
    String privileged =
        "{\"family\":\"f\",\"containerDefinitions\":[{\"name\":\"app\",\"privileged\":true,\"readonlyRootFilesystem\":true}]}";
    Files.writeString(task, privileged);
    Path baseline = dir.resolve("baseline.json");
    Run.of(
        "scan",
        "--no-config",
        "--controls",
        "ECS.4,ECS.5,ECSG.2",
        "--create-baseline",
        baseline.toString(),
        task.toString());
    assertThat(Files.readString(baseline))
        .contains("\"securityHubControls\"", "\"ECS.4\" : \"FAILED\"", "\"ECS.5\" : \"PASSED\"")
        .doesNotContain("\"ECSG.2\" :");

    Run same =
        Run.of(
            "scan",
            "--no-config",
            "--controls",
            "ECS.4,ECS.5",
            "--baseline",
            baseline.toString(),
            task.toString());
    assertThat(same.out())
        .contains(
            "Predicted Security Hub ECS score: 50% → 50% (1 of 2 controls passed); 1 suppressed finding counts as FAILED");

    Files.writeString(task, privileged.replace("\"privileged\":true", "\"privileged\":false"));
    Run fixed =
        Run.of(
            "scan",
            "--no-config",
            "--controls",
            "ECS.4,ECS.5",
            "--format",
            "json",
            "--baseline",
            baseline.toString(),
            task.toString());
    JsonNode score =
        new ObjectMapper().readTree(fixed.out()).get("summary").get("securityHubScore");
    assertThat(score.get("percent").asInt()).isEqualTo(100);
    assertThat(score.get("before").get("percent").asInt()).isEqualTo(50);
    assertThat(score.get("before").get("failed").asInt()).isEqualTo(1);

    Path old =
        Files.writeString(dir.resolve("old.json"), "{\"schemaVersion\": 1, \"findings\": []}");
    assertThat(Run.of("scan", "--no-config", "--baseline", old.toString(), task.toString()).out())
        .contains("the baseline records no earlier score (make it again with --create-baseline)");
  }
}
