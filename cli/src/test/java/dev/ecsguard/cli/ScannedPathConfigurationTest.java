package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * .ecsguard.yml found from each scanned path up to its repository's root, named in the reports, and
 * baselines that match whatever form the paths take (tests cannot change directory: relative,
 * absolute and ../ forms stand for scans from elsewhere).
 */
class ScannedPathConfigurationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PRIVILEGED =
      "{\"family\":\"f\",\"containerDefinitions\":[{\"name\":\"app\",\"privileged\":true}]}";

  @TempDir Path dir;
  private Path repository;
  private Path task;
  private Path configuration;

  @BeforeEach
  void repository() throws Exception {
    repository = Files.createDirectories(dir.resolve("repo"));
    Files.createDirectory(repository.resolve(".git"));
    task =
        Files.writeString(
            Files.createDirectory(repository.resolve("infra")).resolve("task.json"), PRIVILEGED);
    configuration =
        Files.writeString(repository.resolve(".ecsguard.yml"), "controls:\n  skip: [ECS.5]\n");
    Files.writeString(dir.resolve(".ecsguard.yml"), "controls:\n  skip: [ECS.4]\n");
  }

  /** {@code path} as written from the current directory, with ../ up to the temporary one. */
  private static String relative(Path path) {
    return Path.of("").toAbsolutePath().relativize(path).toString();
  }

  private static JsonNode json(Run run) throws Exception {
    return JSON.readTree(run.out());
  }

  private static boolean judged(JsonNode report, String control) {
    for (JsonNode finding : report.get("findings")) {
      if (finding.get("controlId").asText().equals(control)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void theRepositorysFileIsFoundFromThePathInAnyFormAndNamedInTheReports() throws Exception {
    for (String form :
        new String[] {
          task.toString(), relative(task), repository.resolve("infra/../infra").toString()
        }) {
      JsonNode report = json(Run.of("scan", "--controls", "ECS.4,ECS.5", "--format", "json", form));
      assertThat(report.get("configuration").asText()).as(form).isEqualTo(configuration.toString());
      assertThat(judged(report, "ECS.5")).as("skipped by the repository's file").isFalse();
      assertThat(judged(report, "ECS.4")).as("the file above the repository is not read").isTrue();
    }
    Run text = Run.of("scan", "--controls", "ECS.4,ECS.5", relative(task));
    assertThat(text.out()).contains("\nconfiguration: " + configuration + "\n");
  }

  @Test
  void configWinsNoConfigIgnoresAndWithoutAFileTheReportsSayNone() throws Exception {
    Path other = Files.writeString(dir.resolve("other.yml"), "failOn: critical\n");
    assertThat(
            json(Run.of("scan", "--config", other.toString(), "--format", "json", task.toString()))
                .get("configuration")
                .asText())
        .isEqualTo(other.toString());
    JsonNode ignored =
        json(
            Run.of(
                "scan",
                "--no-config",
                "--controls",
                "ECS.4,ECS.5",
                "--format",
                "json",
                task.toString()));
    assertThat(ignored.get("configuration").isNull()).isTrue();
    assertThat(judged(ignored, "ECS.5")).isTrue();
    assertThat(Run.of("scan", "--no-config", task.toString()).out())
        .doesNotContain("configuration:");
  }

  @Test
  void pathsThatFindDifferentFilesAreRefusedAndTheSameFileTwiceIsNot() throws Exception {
    Path elsewhere = Files.createDirectories(dir.resolve("other"));
    Files.createDirectory(elsewhere.resolve(".git"));
    Path otherTask = Files.writeString(elsewhere.resolve("task.json"), PRIVILEGED);
    Run refused = Run.of("scan", task.toString(), otherTask.toString());
    assertThat(refused.exitCode()).isEqualTo(ExitCode.ERROR.code());
    assertThat(refused.err())
        .contains(
            "ecsguard: the paths scanned have different configurations: "
                + configuration
                + " for "
                + task
                + ", none for "
                + otherTask)
        .contains("--config FILE or --no-config");
    assertThat(Run.of("scan", "--no-config", task.toString(), otherTask.toString()).exitCode())
        .isEqualTo(ExitCode.FAILED.code());

    Run same = Run.of("scan", "--format", "json", task.toString(), relative(repository));
    assertThat(same.exitCode()).as(same.err()).isEqualTo(ExitCode.FAILED.code());
  }

  @Test
  void aLinkedFileOutsideTheRepositoryIsRefused() throws Exception {
    Files.delete(configuration);
    Files.createSymbolicLink(configuration, dir.resolve(".ecsguard.yml"));
    Run refused = Run.of("scan", task.toString());
    assertThat(refused.exitCode()).isEqualTo(ExitCode.ERROR.code());
    assertThat(refused.err())
        .contains(configuration + ": refused: a link to ")
        .contains("name the file with --config");
  }

  @Test
  void aBaselineMadeAtTheRootMatchesAScanOfASubdirectoryInAnyForm() throws Exception {
    Path baseline = dir.resolve("baseline.json");
    Run made =
        Run.of(
            "scan",
            "--no-config",
            "--controls",
            "ECS.4",
            "--create-baseline",
            baseline.toString(),
            repository.toString());
    assertThat(made.exitCode()).isEqualTo(ExitCode.FAILED.code());
    assertThat(Files.readString(baseline)).contains("\"file\" : \"infra/task.json\"");
    for (String form :
        new String[] {
          relative(task.getParent()),
          task.toString(),
          relative(repository) + "/infra/../infra/task.json"
        }) {
      Run later =
          Run.of(
              "scan",
              "--no-config",
              "--controls",
              "ECS.4",
              "--baseline",
              baseline.toString(),
              form);
      assertThat(later.exitCode()).as(form + "\n" + later.out()).isEqualTo(ExitCode.OK.code());
    }
  }
}
