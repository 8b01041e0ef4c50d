package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * .ecsguard.yml: settings, suppressions with reasons and expiry, failOn, and errors that name the
 * line.
 */
class ConfigurationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TASK =
      "{\"family\":\"legacy-api\",\"networkMode\":\"awsvpc\",\"runtimePlatform\":{\"operatingSystemFamily\":\"LINUX\"},"
          + "\"containerDefinitions\":[{\"name\":\"app\",\"privileged\":true,\"user\":\"1000\",\"readonlyRootFilesystem\":false,"
          + "\"logConfiguration\":{\"logDriver\":\"awslogs\"}}]}";

  @TempDir Path dir;

  private Path config(String yaml) throws IOException {
    return Files.writeString(dir.resolve(".ecsguard.yml"), yaml);
  }

  private Path task() throws IOException {
    return Files.writeString(dir.resolve("task.json"), TASK);
  }

  @Test
  void suppressedFindingsStayInTheReportMarkedAndDoNotFailTheScan() throws IOException {
    Path config =
        config(
            """
        controls:
          skip: [ECS.15]
        suppressions:
          - control: ECS.4
            resource: "legacy-*"
            reason: "vendor agent needs it (SEC-123)"
            expires: 2999-03-31
          - control: ECS.5
            resource: "legacy-api"
            reason: "writes to its image"
        """);
    Run run = Run.of("scan", "--config", config.toString(), "--format", "json", task().toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.get("summary").get("suppressed").asInt()).isEqualTo(2);
    JsonNode privileged = finding(report, "ECS.4");
    assertThat(privileged.get("status").asText()).isEqualTo("FAILED");
    assertThat(privileged.get("suppressed").asBoolean()).isTrue();
    assertThat(privileged.get("suppression").get("reason").asText())
        .isEqualTo("vendor agent needs it (SEC-123)");
    assertThat(privileged.get("suppression").get("source").asText()).isEqualTo(config + ":4");
    assertThat(privileged.get("suppression").get("expires").asText()).isEqualTo("2999-03-31");
    assertThat(finding(report, "ECS.15")).isNull();

    Run sarif =
        Run.of("scan", "--config", config.toString(), "--format", "sarif", task().toString());
    ReportFormatsTest.assertValidSarif(sarif.out());
    assertThat(JSON.readTree(sarif.out()).get("runs").get(0).get("results"))
        .allSatisfy(
            result ->
                assertThat(result.get("suppressions").get(0).get("status").asText())
                    .isEqualTo("accepted"));
    Run markdown =
        Run.of("scan", "--config", config.toString(), "--format", "markdown", task().toString());
    assertThat(markdown.out())
        .contains("FAILED (suppressed: vendor agent needs it (SEC-123))")
        .contains("2 suppressed");
    Run text = Run.of("scan", "--config", config.toString(), task().toString());
    assertThat(text.out())
        .contains("failed (s)     ECS.4")
        .contains("Suppressed: vendor agent needs it (SEC-123)")
        .contains("2 suppressed");
  }

  @Test
  void anExpiredSuppressionStopsApplyingAndSaysSo() throws IOException {
    Path config =
        config(
            "suppressions:\n  - control: ECS.4\n    reason: accepted once\n    expires: 2001-01-01\n");
    Run run =
        Run.of("scan", "--config", config.toString(), "--controls", "ECS.4", task().toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED.code());
    assertThat(run.out())
        .contains("FAILED         ECS.4")
        .contains("the suppression of ECS.4 on * expired on 2001-01-01; it no longer applies");
  }

  @ParameterizedTest
  @CsvSource({"high, , 1", "medium, , 1", "low, , 1", ", high, 1", "high, low, 1"})
  void failOnDecidesWhichSeveritiesFail(String configured, String commandLine, int expected)
      throws IOException {
    Path config =
        config(
            configured == null
                ? "controls:\n  skip: [ECS.4]\n"
                : "failOn: " + configured + "\ncontrols:\n  skip: [ECS.4]\n");
    Run run =
        commandLine == null
            ? Run.of(
                "scan",
                "--config",
                config.toString(),
                "--controls",
                "ECS.5,ECS.15",
                task().toString())
            : Run.of(
                "scan",
                "--config",
                config.toString(),
                "--fail-on",
                commandLine,
                "--controls",
                "ECS.5,ECS.15",
                task().toString());
    assertThat(run.exitCode()).isEqualTo(expected); // ECS.5 (High) fails whatever the threshold
    Run lowOnly =
        Run.of(
            "scan",
            "--config",
            config.toString(),
            "--fail-on",
            "high",
            "--controls",
            "ECS.15",
            task().toString());
    assertThat(lowOnly.exitCode()).as("ECS.15 is Low").isZero();
  }

  @Test
  void theConfigurationChoosesAStandardAndTheCommandLineWins() throws IOException {
    Path config = config("controls:\n  standard: ecsguard\n");
    JsonNode own =
        JSON.readTree(
            Run.of("scan", "--config", config.toString(), "--format", "json", task().toString())
                .out());
    assertThat(own.get("standards").toString()).isEqualTo("[\"ecsguard\"]");
    JsonNode securityHub =
        JSON.readTree(
            Run.of(
                    "scan",
                    "--config",
                    config.toString(),
                    "--standard",
                    "securityhub",
                    "--format",
                    "json",
                    task().toString())
                .out());
    assertThat(securityHub.get("standards").toString()).isEqualTo("[\"securityhub\"]");
  }

  @Test
  void theNearestConfigurationIsFoundUnlessToldNotTo() throws Exception {
    config("controls:\n  skip: [ECS.4]\n");
    Path nested = Files.createDirectories(dir.resolve("a/b"));
    assertThat(dev.ecsguard.config.ConfigurationReader.find(nested))
        .isEqualTo(dir.resolve(".ecsguard.yml").toAbsolutePath().normalize());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "failOn: severe|1:9|failOn must be critical, high, medium or low",
        "suppressions:\\n  - control: ECS.4\\n|2:5|a suppression needs a reason",
        "suppressions:\\n  - control: ECS.99\\n    reason: x\\n|2:14|unknown control ECS.99",
        "suppressions:\\n  - control: ECS.4\\n    reason: x\\n    expires: next year\\n|4:14|expires must be a date written YYYY-MM-DD",
        "parameters:\\n  ECS.13: {requiredTagKey: [team]}\\n|2:3|requiredTagKey",
        "controls:\\n  skipp: [ECS.4]\\n|2:3|unknown setting controls.skipp",
        "controls: {}\\n|1:1|controls needs skip",
        "controls:\\n  standard: cis\\n|2:13|the standard must be securityhub",
        "colour: always\\n|1:9|unknown setting colour",
        "failOn: low\\nfailOn: high\\n|2:1|the key failOn appears twice",
        "failOnUnknown: sometimes|1:16|failOnUnknown must be true or false",
        "controls: [\\n|2:1|malformed YAML"
      })
  void aBadConfigurationIsAnErrorNamingFileAndLine(String yaml, String position, String problem)
      throws IOException {
    Path config = config(yaml.replace("\\n", "\n"));
    Run run = Run.of("scan", "--config", config.toString(), task().toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR.code());
    assertThat(run.err()).startsWith(config + ":" + position + ": ").contains(problem);
  }

  @Test
  void failOnUnknownMakesAnUnknownFindingFailTheScan() throws IOException {
    Path task =
        Files.writeString(
            dir.resolve("unknown.json"),
            "{\"family\":\"f\",\"containerDefinitions\":[{\"name\":\"app\",\"privileged\":\"yes\"}]}");
    Path strict = Files.writeString(dir.resolve("strict.yml"), "failOnUnknown: true\n");
    Path lenient = Files.writeString(dir.resolve("lenient.yml"), "failOnUnknown: false\n");
    assertThat(
            Run.of("scan", "--config", strict.toString(), "--controls", "ECS.4", task.toString())
                .exitCode())
        .isEqualTo(ExitCode.FAILED.code());
    assertThat(
            Run.of("scan", "--config", lenient.toString(), "--controls", "ECS.4", task.toString())
                .exitCode())
        .isEqualTo(ExitCode.OK.code());
  }

  private static JsonNode finding(JsonNode report, String control) {
    for (JsonNode finding : report.get("findings")) {
      if (finding.get("controlId").asText().equals(control)) {
        return finding;
      }
    }
    return null;
  }
}
