package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where SARIF says files are: relative to the repository's root (GitHub resolves them there),
 * however the scan named them and wherever it ran; absolute outside it.
 */
class SarifLocationsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PRIVILEGED =
      "{\"family\":\"f\",\"containerDefinitions\":[{\"name\":\"app\",\"privileged\":true}]}";

  @TempDir Path dir;
  private Path repository;
  private Path task;

  @BeforeEach
  void repository() throws IOException {
    repository = Files.createDirectories(dir.resolve("repo"));
    Files.createDirectories(repository.resolve(".git"));
    task = Files.createDirectories(repository.resolve("infra/my app")).resolve("task.json");
    Files.writeString(task, PRIVILEGED);
  }

  private static JsonNode sarif(Map<String, String> environment, String... args)
      throws IOException {
    List<String> all = new ArrayList<>(List.of("scan", "--controls", "ECS.4", "--format", "sarif"));
    all.addAll(List.of(args));
    Run run = Run.with(environment, false, all.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILED.code());
    ReportFormatsTest.assertValidSarif(run.out());
    return JSON.readTree(run.out()).get("runs").get(0);
  }

  private static JsonNode artifact(JsonNode run) {
    return run.get("results")
        .get(0)
        .get("locations")
        .get(0)
        .get("physicalLocation")
        .get("artifactLocation");
  }

  @Test
  void anAbsoluteInputInsideTheRepositoryIsRelativeToItsRootWithTheBaseDeclared()
      throws IOException {
    JsonNode run = sarif(Map.of(), task.toString());
    assertThat(artifact(run).get("uri").asText()).isEqualTo("infra/my%20app/task.json");
    assertThat(artifact(run).get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
    assertThat(run.get("originalUriBaseIds").get("%SRCROOT%").get("uri").asText())
        .isEqualTo(repository.toRealPath().toUri().toString());
    // The same file named through its directory and a detour: the same URI.
    JsonNode detour = sarif(Map.of(), repository.resolve("infra/../infra").toString());
    assertThat(artifact(detour)).isEqualTo(artifact(run));
  }

  @Test
  void sarifRootOverridesTheRepositoryFromTheCommandLineOrTheEnvironment() throws IOException {
    Path infra = repository.resolve("infra");
    JsonNode run = sarif(Map.of(), "--sarif-root", infra.toString(), task.toString());
    assertThat(artifact(run).get("uri").asText()).isEqualTo("my%20app/task.json");
    assertThat(run.get("originalUriBaseIds").get("%SRCROOT%").get("uri").asText())
        .isEqualTo(infra.toRealPath().toUri().toString());
    JsonNode fromEnvironment =
        sarif(Map.of("ECSGUARD_SARIF_ROOT", infra.toString()), task.toString());
    assertThat(artifact(fromEnvironment)).isEqualTo(artifact(run));
  }

  @Test
  void aFileOutsideTheRootIsAnAbsoluteFileUriWithoutABase() throws IOException {
    Path outside = Files.writeString(dir.resolve("outside.json"), PRIVILEGED);
    JsonNode run = sarif(Map.of(), "--sarif-root", repository.toString(), outside.toString());
    assertThat(artifact(run).get("uri").asText())
        .isEqualTo(outside.toRealPath().toUri().toString())
        .startsWith("file:///");
    assertThat(artifact(run).has("uriBaseId")).isFalse();
  }

  @Test
  void outsideAnyRepositoryEveryUriIsAbsoluteForGitHubToMakeRelativeToTheCheckout()
      throws IOException {
    Path loose = Files.writeString(dir.resolve("loose.json"), PRIVILEGED);
    JsonNode run = sarif(Map.of(), loose.toString());
    assertThat(artifact(run).get("uri").asText()).isEqualTo(loose.toRealPath().toUri().toString());
    assertThat(run.has("originalUriBaseIds")).isFalse();
  }

  @Test
  void aSubmoduleIsNamedFromTheOutermostRepository() throws IOException {
    Path module = Files.createDirectories(repository.resolve("vendor/module"));
    Files.writeString(module.resolve(".git"), "gitdir: ../../.git/modules/module\n");
    Path inner = Files.writeString(module.resolve("task.json"), PRIVILEGED);
    JsonNode run = sarif(Map.of(), inner.toString(), task.toString());
    List<String> uris = new ArrayList<>();
    run.get("results").forEach(result -> uris.add(artifact(resultRun(result)).get("uri").asText()));
    assertThat(uris)
        .containsExactlyInAnyOrder("vendor/module/task.json", "infra/my%20app/task.json");
  }

  /** A result as {@link #artifact} reads a run's first. */
  private static JsonNode resultRun(JsonNode result) {
    return JSON.createObjectNode().set("results", JSON.createArrayNode().add(result));
  }

  /** GitHub takes at most 10 locations a result, and keeps 100 related ones. */
  @Test
  void manyOffendingElementsStayWithinGitHubsLimits() throws IOException {
    StringBuilder containers = new StringBuilder();
    for (int i = 1; i <= 105; i++) {
      containers
          .append(i == 1 ? "" : ",\n")
          .append("{\"name\":\"c")
          .append(i)
          .append("\",\"privileged\":true}");
    }
    Files.writeString(task, "{\"family\":\"f\",\"containerDefinitions\":[\n" + containers + "]}");
    JsonNode result = sarif(Map.of(), task.toString()).get("results").get(0);
    assertThat(result.get("locations")).hasSize(10);
    assertThat(result.get("relatedLocations")).hasSize(100);
    assertThat(result.get("message").get("text").asText())
        .contains("[container \"c2\" at line 3](1)")
        .endsWith("[container \"c101\" at line 102](100) and 4 more.");
  }

  @Test
  void standardInputIsARelativeReferenceToItsName() throws IOException {
    Run run =
        Run.withInput(
            PRIVILEGED, Map.of(), false, "scan", "--controls", "ECS.4", "--format", "sarif", "-");
    ReportFormatsTest.assertValidSarif(run.out());
    assertThat(artifact(JSON.readTree(run.out()).get("runs").get(0)).get("uri").asText())
        .isEqualTo("%3Cstdin%3E");
  }

  @Test
  void sarifRootMustBeADirectory() {
    Run run =
        Run.of(
            "scan",
            "--format",
            "sarif",
            "--sarif-root",
            dir.resolve("missing").toString(),
            task.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR.code());
    assertThat(run.err()).contains("--sarif-root must name a directory");
    assertThat(run.out()).isEmpty();
  }
}
