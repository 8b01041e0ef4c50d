package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --format gitlab-sast}: valid against GitLab's SAST report schema of the version it names
 * (src/test/resources/gitlab, see its README), one vulnerability per FAILED finding that counts.
 */
class GitLabSastReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  static void assertValidGitLabSast(JsonNode report) throws IOException {
    assertThat(report.get("version").asText()).isEqualTo("15.0.6");
    Schema schema;
    try (InputStream in =
        GitLabSastReportTest.class.getResourceAsStream("/gitlab/sast-report-format-15.0.6.json")) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
    }
    assertThat(schema.validate(report)).as("GitLab SAST schema errors").isEmpty();
  }

  @Test
  void theExamplesMakeAValidReportOfTheirUnsuppressedFailedFindings() throws IOException {
    Path sast = dir.resolve("gl-sast-report.json");
    Path json = dir.resolve("report.json");
    Run run =
        Run.of(
            "scan",
            "--no-config",
            "--format",
            "gitlab-sast=" + sast,
            "--format",
            "json=" + json,
            "../examples");
    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED.code());
    JsonNode report = JSON.readTree(sast.toFile());
    assertValidGitLabSast(report);
    JsonNode summary = JSON.readTree(json.toFile()).get("summary");
    JsonNode vulnerabilities = report.get("vulnerabilities");
    assertThat(vulnerabilities.size()).isEqualTo(summary.get("failed").asInt()).isPositive();
    assertThat(report.get("scan").get("messages").toString())
        .contains(summary.get("unknown").asInt() + " checks could not be decided (UNKNOWN)");
    assertThat(vulnerabilities)
        .allSatisfy(
            vulnerability -> {
              // from the repository's root, as GitLab links files, whatever the current directory
              assertThat(vulnerability.get("location").get("file").asText())
                  .startsWith("examples/");
              assertThat(vulnerability.get("identifiers").get(0).get("type").asText())
                  .isEqualTo("ecsguard_control");
              assertThat(vulnerability.get("solution").asText()).isNotBlank();
            });
    assertThat(vulnerabilities.findValuesAsText("id")).doesNotHaveDuplicates();
    assertThat(vulnerabilities.findValues("links"))
        .anySatisfy(
            links ->
                assertThat(links.get(0).get("url").asText())
                    .startsWith("https://docs.aws.amazon.com/securityhub/"));
    assertThat(vulnerabilities.findValues("cdk_path"))
        .anySatisfy(
            cdkPath ->
                assertThat(cdkPath.get("value").asText())
                    .isEqualTo("BatchStack/WorkerTaskDef/Resource"));
  }

  @Test
  void suppressedFindingsAndUnreadableInputsAreMessagesNotVulnerabilities() throws IOException {
    Path config = dir.resolve("ecsguard.yml");
    Files.writeString(config, "suppressions:\n  - control: ECS.4\n    reason: accepted (SEC-1)\n");
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"containerDefinitions\": [");
    Path sast = dir.resolve("gl-sast-report.json");
    Run.of(
        "scan",
        "--config",
        config.toString(),
        "--format",
        "gitlab-sast=" + sast,
        "../examples",
        broken.toString());
    JsonNode report = JSON.readTree(sast.toFile());
    assertValidGitLabSast(report);
    assertThat(report.get("vulnerabilities").findValuesAsText("value")).doesNotContain("ECS.4");
    assertThat(report.get("scan").get("status").asText()).isEqualTo("success");
    assertThat(report.get("scan").get("messages").toString())
        .contains("findings are suppressed or in the baseline")
        .contains("\"level\":\"warn\",\"value\":\"Not scanned: " + broken);
  }

  @Test
  void textFromTheInputCannotBecomeMarkdownInTheDescription() throws IOException {
    Path task = dir.resolve("task.json");
    Files.writeString(
        task,
        """
        {"family": "web", "containerDefinitions": [
          {"name": "[x](https://evil.example) @team <img src=x>", "image": "nginx:1.27",
           "privileged": true}]}
        """);
    Path sast = dir.resolve("gl-sast-report.json");
    Run.of("scan", "--controls", "ECS.4", "--format", "gitlab-sast=" + sast, task.toString());
    JsonNode report = JSON.readTree(sast.toFile());
    assertValidGitLabSast(report);
    assertThat(report.get("vulnerabilities").get(0).get("description").asText())
        .contains("\\[x\\](https://evil.example) @\u200bteam &lt;img src=x>")
        .doesNotContain("[x](");
  }
}
