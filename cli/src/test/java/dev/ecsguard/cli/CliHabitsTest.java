package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What CI and terminal users expect of a scanner's command line: quiet, filters, variables. */
class CliHabitsTest {
  private static final String PRIVILEGED_WITH_UNKNOWN =
      "{\"family\":\"f\",\"networkMode\":\"awsvpc\",\"containerDefinitions\":[{\"name\":\"app\","
          + "\"privileged\":true,\"readonlyRootFilesystem\":\"maybe\"}]}";

  @TempDir Path dir;

  private Path task() throws IOException {
    return Files.writeString(dir.resolve("task.json"), PRIVILEGED_WITH_UNKNOWN);
  }

  @Test
  void quietPrintsTheFindingsWithoutNotesOrSummary() throws IOException {
    Run run = Run.of("scan", "-q", task().toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED.code());
    assertThat(run.out())
        .contains("ECS.4")
        .doesNotContain("resources:")
        .doesNotContain("Predicted");
    assertThat(Run.of("scan", "-q", "-v", task().toString()).err())
        .contains("--verbose and --quiet contradict each other");
  }

  @Test
  void minSeverityRunsOnlyTheControlsAtOrAboveIt() throws IOException {
    Run run = Run.of("scan", "--min-severity", "high", "--format", "json", task().toString());
    assertThat(run.out()).contains("\"ECS.4\"").doesNotContain("\"ECS.15\"");
    assertThat(Run.of("scan", "--min-severity", "severe", task().toString()).err())
        .contains("--min-severity must be critical, high, medium or low");
  }

  @Test
  void failOnUnknownFailsOnAnUnknownFinding() throws IOException {
    Path task = task();
    assertThat(Run.of("scan", "--controls", "ECS.5", task.toString()).exitCode())
        .isEqualTo(ExitCode.OK.code());
    assertThat(
            Run.of("scan", "--controls", "ECS.5", "--fail-on-unknown", task.toString()).exitCode())
        .isEqualTo(ExitCode.FAILED.code());
  }

  @Test
  void ecsguardVariablesSetOptionsAndTheCommandLineWins() throws IOException {
    Path task = task();
    Map<String, String> critical = Map.of("ECSGUARD_FAIL_ON", "critical");
    assertThat(Run.with(critical, false, "scan", task.toString()).exitCode())
        .isEqualTo(ExitCode.OK.code());
    assertThat(Run.with(critical, false, "scan", "--fail-on", "high", task.toString()).exitCode())
        .isEqualTo(ExitCode.FAILED.code());
    assertThat(
            Run.with(
                    Map.of("ECSGUARD_FAIL_ON_UNKNOWN", "true"),
                    false,
                    "scan",
                    "--controls",
                    "ECS.5",
                    task.toString())
                .exitCode())
        .isEqualTo(ExitCode.FAILED.code());
    Run bad =
        Run.with(Map.of("ECSGUARD_CONCURRENCY", "hunter2Secret"), false, "scan", task.toString());
    assertThat(bad.exitCode()).isEqualTo(ExitCode.ERROR.code());
    assertThat(bad.all()).contains("--concurrency").doesNotContain("hunter2Secret");
  }

  @Test
  void durationsShowAsWritten() {
    assertThat(Run.of("apply", "--help").out()).contains("(default: 10m)");
  }

  @Test
  void anOutputFilesExtensionChoosesTheFormatAndALineSaysWhereTheReportWent() throws IOException {
    Path sarif = dir.resolve("results.sarif");
    Run run = Run.of("scan", "-o", sarif.toString(), task().toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED.code());
    assertThat(Files.readString(sarif)).contains("\"version\" : \"2.1.0\"");
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("1 resource: ").contains("sarif report in " + sarif);
    Path unknownExtension = dir.resolve("report.out");
    Run.of("scan", "-o", unknownExtension.toString(), task().toString());
    assertThat(Files.readString(unknownExtension)).contains("ECS.4").contains("1 resource:");
  }

  @Test
  void manyNotesOfOneKindAreOneLineUnlessVerbose() throws IOException {
    Path modules = Files.createDirectories(dir.resolve("node_modules/pkg"));
    for (int i = 0; i < 5; i++) {
      Files.writeString(modules.resolve("package" + i + ".json"), "{\"name\":\"p\"}");
    }
    task();
    Run run = Run.of("scan", dir.toString());
    assertThat(run.out().lines().filter(line -> line.startsWith("note: ")))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line).startsWith("note: 5 inputs: not ").endsWith("(-v lists them)"));
    assertThat(
            Run.of("scan", "-v", dir.toString())
                .out()
                .lines()
                .filter(line -> line.startsWith("note: ")))
        .hasSize(5);
  }

  @Test
  void gitignoreAndExcludeLeaveOutWhatASearchFindsButNeverWhatIsNamed() throws IOException {
    Path generated = Files.createDirectories(dir.resolve("app/generated"));
    Files.writeString(generated.resolve("gen.json"), PRIVILEGED_WITH_UNKNOWN);
    Path legacy = Files.createDirectories(dir.resolve("infra/legacy"));
    Files.writeString(legacy.resolve("old.json"), PRIVILEGED_WITH_UNKNOWN);
    task();
    Files.writeString(dir.resolve("app/.gitignore"), "generated/\n");

    Run ignoring = Run.of("scan", "--format", "json", dir.toString());
    assertThat(ignoring.out())
        .contains("task.json")
        .contains("old.json")
        .doesNotContain("gen.json\"")
        .contains("ignored by " + dir.resolve("app/.gitignore"));
    assertThat(Run.of("scan", "--format", "json", "--no-gitignore", dir.toString()).out())
        .contains("gen.json");
    Run excluding =
        Run.of(
            "scan",
            "--format",
            "json",
            "--exclude",
            "infra/legacy/**",
            "--exclude",
            "task.json",
            dir.toString());
    assertThat(excluding.out())
        .contains("\"resources\" : 0")
        .contains("excluded by --exclude infra/legacy/**")
        .contains("excluded by --exclude task.json");
    Path named = generated.resolve("gen.json");
    assertThat(Run.of("scan", "--exclude", "gen.json", named.toString()).out()).contains("ECS.4");
    assertThat(Run.of("scan", "--exclude", "[", dir.toString()).err())
        .contains("--exclude [ is not a glob");
  }
}
