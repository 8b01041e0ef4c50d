package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsguard.input.InputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
  private static final String EXAMPLES = "../examples";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }

  @Test
  void bundledExamplesFailAndSayWhereAndHowToFix() {
    Run run = Run.of("scan", EXAMPLES);
    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED.code());
    assertThat(run.out())
        .contains("FAILED         ECS.4")
        .contains("examples/legacy-worker.json:16:23")
        .contains("Container \"worker\" runs privileged")
        .contains("Fix: ")
        .contains("11 files, 25 resources");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void aCompliantTaskDefinitionExitsZero() {
    Run run = Run.of("scan", EXAMPLES + "/hardened-api.json");
    assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCode.OK.code());
    assertThat(run.out()).contains("0 failed, 0 unknown");
  }

  @Test
  void jsonReportHasTheDocumentedFieldsForEveryFinding() throws IOException {
    Run run = Run.of("scan", "--format", "json", EXAMPLES);
    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(report.get("findings")).isNotEmpty();
    for (JsonNode finding : report.get("findings")) {
      assertThat(finding.fieldNames())
          .toIterable()
          .contains(
              "controlId",
              "title",
              "severity",
              "status",
              "resourceType",
              "resourceId",
              "labels",
              "file",
              "line",
              "column",
              "pointer",
              "message",
              "remediation",
              "documentation",
              "offenders");
    }
    JsonNode summary = report.get("summary");
    assertThat(summary.get("failed").asInt()).isPositive();
    assertThat(summary.get("findings").asInt()).isEqualTo(report.get("findings").size());
    JsonNode privileged = findingOf(report, "ECS.4", "FAILED", "legacy-worker.json");
    assertThat(privileged.get("line").asInt()).isEqualTo(16);
    assertThat(privileged.get("pointer").asText())
        .isEqualTo("/taskDefinition/containerDefinitions/0/privileged");
    assertThat(privileged.get("offenders").get(0).get("element").asText())
        .isEqualTo("container \"worker\"");
  }

  private static JsonNode findingOf(
      JsonNode report, String control, String status, String fileName) {
    for (JsonNode finding : report.get("findings")) {
      if (finding.get("controlId").asText().equals(control)
          && finding.get("status").asText().equals(status)
          && finding.get("file").asText().endsWith(fileName)) {
        return finding;
      }
    }
    throw new AssertionError("no " + status + " " + control + " in " + fileName);
  }

  @Test
  void outputOptionWritesTheReportToAFile() throws IOException {
    Path report = dir.resolve("report.json");
    Run run = Run.of("scan", "--format=json", "-o", report.toString(), EXAMPLES);
    assertThat(run.out()).isEmpty();
    assertThat(JSON.readTree(report.toFile()).get("findings")).isNotEmpty();
  }

  @Test
  void malformedJsonIsOneLineWithFileLineAndColumnAndExitTwo() throws IOException {
    Path bad = write("bad.json", "{\n  \"family\": \"web\",\n  \"containerDefinitions\": [\n}\n");
    Run run = Run.of("scan", bad.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR.code());
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .startsWith(bad + ":4:1: malformed JSON: ");
    assertThat(run.all()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void debugAddsTheStackTrace() throws IOException {
    Path bad = write("bad.json", "{");
    Run run = Run.of("scan", "--debug", bad.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("\tat dev.ecsguard.");
  }

  @Test
  void otherFilesAreStillScannedWhenOneIsBroken() throws IOException {
    write("a/bad.json", "[");
    write(
        "a/good.json",
        "{\"family\":\"web\",\"containerDefinitions\":[{\"name\":\"app\",\"privileged\":true}]}");
    Run run = Run.of("scan", "--controls", "ECS.4", dir.resolve("a").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).contains("FAILED         ECS.4");
  }

  @Test
  void aWrongTypeIsUnknownNamingTheFieldNotACrash() throws IOException {
    Path file =
        write(
            "t.json",
            "{\"family\":\"web\",\"containerDefinitions\":[{\"name\":\"app\",\"privileged\":\"yes\"}]}");
    Run run = Run.of("scan", "--controls", "ECS.4", file.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.OK.code());
    assertThat(run.out())
        .contains("UNKNOWN")
        .contains("containerDefinitions[0].privileged is a string")
        .doesNotContain("PASSED");
  }

  @Test
  void hugeAndDeeplyNestedFilesAreRefusedClearly() throws IOException {
    Path huge = write("huge.json", "[" + "{\"family\":\"x\"},".repeat(200) + "{}]");
    Run tooBig = Run.of("scan", "--max-file-size", "1k", huge.toString());
    assertThat(tooBig.exitCode()).isEqualTo(2);
    assertThat(tooBig.err()).startsWith(huge + ": refused: ").contains("--max-file-size");
    Path deep = write("deep.json", "[".repeat(50_000) + "]".repeat(50_000));
    Run tooDeep = Run.of("scan", deep.toString());
    assertThat(tooDeep.exitCode()).isEqualTo(2);
    assertThat(tooDeep.err()).contains("nested too deeply").doesNotContain("Exception");
  }

  @Test
  void jsonThatIsNotEcsIsSkippedWithANoteAndFindingNothingIsAnError() throws IOException {
    Path other = write("package.json", "{\"name\":\"app\",\"version\":\"1.0.0\"}");
    Run run = Run.of("scan", other.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out())
        .contains(
            "note: "
                + other
                + ":1:1: not a CloudFormation template, a Terraform plan, an AWS Config configuration item nor ECS JSON");
    assertThat(run.err())
        .contains("ecsguard: no ECS resource found in 1 file; nothing was checked");
    Path both = write("mixed/package.json", "{\"name\":\"app\"}");
    write("mixed/task.json", "{\"family\":\"web\",\"containerDefinitions\":[{\"name\":\"app\"}]}");
    assertThat(Run.of("scan", "--controls", "ECS.4", both.getParent().toString()).exitCode())
        .isZero();
  }

  @Test
  void aCloudFormationTemplateIsCheckedWithTheParameterValuesGiven() throws IOException {
    Path template =
        write(
            "stack.yml",
            "Parameters:\n  Mode: {Type: String}\nConditions:\n  Debug: !Equals [!Ref Mode, debug]\nResources:\n  Task:\n"
                + "    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n"
                + "        - {Name: app, Image: x, Privileged: !If [Debug, \"true\", \"false\"]}\n");
    Run unknown = Run.of("scan", "--controls", "ECS.4", template.toString());
    assertThat(unknown.exitCode()).isEqualTo(ExitCode.OK.code()); // UNKNOWN does not fail a scan
    assertThat(unknown.out())
        .contains("UNKNOWN        ECS.4")
        .contains("--cfn-param Mode=VALUE")
        .contains("stack.yml:10:");
    assertThat(
            Run.of("scan", "--controls", "ECS.4", "--cfn-param", "Mode=debug", template.toString())
                .out())
        .contains("FAILED         ECS.4");
    assertThat(
            Run.of("scan", "--controls", "ECS.4", "--cfn-param", "Mode=quiet", template.toString())
                .exitCode())
        .isZero();
  }

  @Test
  void aCloudFormationTemplateWithoutEcsResourcesIsNothingToCheck() throws IOException {
    Path template =
        write("stack.json", "{\"AWSTemplateFormatVersion\":\"2010-09-09\",\"Resources\":{}}");
    Run run = Run.of("scan", template.toString());
    assertThat(run.out()).contains("a CloudFormation template with no ECS task definition");
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR.code());
  }

  @Test
  void aTypeScriptConfigurationWithCommentsInADirectoryIsSkippedButNamedIsAnError()
      throws IOException {
    Path config =
        write(
            "app/tsconfig.json",
            "{\n  // strict mode\n  \"compilerOptions\": {\"strict\": true,},\n}\n");
    write("app/task.json", "{\"family\":\"web\",\"containerDefinitions\":[{\"name\":\"app\"}]}");
    Run run = Run.of("scan", "--controls", "ECS.4", config.getParent().toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("tsconfig.json:2:3: a TypeScript or JavaScript project's configuration");
    Run named = Run.of("scan", "--controls", "ECS.4", config.toString());
    assertThat(named.exitCode()).isEqualTo(ExitCode.ERROR.code());
    assertThat(named.err()).contains("tsconfig.json:2:3: malformed JSON");
    assertThat(Run.of("fix", config.getParent().toString()).err())
        .contains("tsconfig.json: a TypeScript or JavaScript project's configuration; skipped");
  }

  @Test
  void yamlInADirectoryThatIsNotCloudFormationIsSkippedButABrokenTemplateIsAnError()
      throws IOException {
    Path chart =
        write(
            "repo/chart/templates/deployment.yaml",
            "metadata:\n  name: {{ .Values.name }}\n  x: [\n");
    write("repo/task.json", "{\"family\":\"web\",\"containerDefinitions\":[{\"name\":\"app\"}]}");
    Run run =
        Run.of("scan", "--controls", "ECS.4", chart.getParent().getParent().getParent().toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("deployment.yaml").contains("does not mention AWS::; skipped");
    write(
        "repo/stack.yaml",
        "Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties: [\n");
    Run broken =
        Run.of("scan", "--controls", "ECS.4", chart.getParent().getParent().getParent().toString());
    assertThat(broken.exitCode()).isEqualTo(ExitCode.ERROR.code());
    assertThat(broken.err()).contains("stack.yaml:").contains("malformed YAML");
  }

  @Test
  void standardInputIsReadForADash() {
    Run run =
        Run.withInput(
            "{\"family\":\"web\",\"containerDefinitions\":[{\"name\":\"app\",\"privileged\":true}]}",
            Map.of(),
            false,
            "scan",
            "--controls",
            "ECS.4",
            "-");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("<stdin>:1:");
  }

  @Test
  void theReportNeverOverwritesAnInput() throws IOException {
    Path input =
        write("task.json", "{\"family\":\"web\",\"containerDefinitions\":[{\"name\":\"app\"}]}");
    Run run = Run.of("scan", "--format", "json", "-o", input.toString(), input.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("is also an input");
    assertThat(Files.readString(input)).startsWith("{\"family\"");
    Run nowhere =
        Run.of("scan", "-o", dir.resolve("no/such/dir/report.txt").toString(), input.toString());
    assertThat(nowhere.err())
        .contains("cannot write the text report to")
        .contains("no such file or directory")
        .doesNotContain("Exception");
    Run sarif = Run.of("scan", "--format", "sarif=" + input, input.toString());
    assertThat(sarif.err()).contains("the report file " + input + " is also an input");
    assertThat(Files.readString(input)).startsWith("{\"family\"");
  }

  @Test
  void helpNamesEveryInputFormatAndWhatDirectorySearchTakesFromTheRegistry() {
    for (String[] args : new String[][] {{"--help"}, {"scan", "--help"}}) {
      String help =
          Run.of(args).out().replaceAll("\\s+", ""); // picocli wraps anywhere, even inside *.yaml
      for (InputFormat format : InputFormat.values()) {
        assertThat(help).contains(format.description().replace(" ", ""));
        format.extensions().forEach(extension -> assertThat(help).contains("*" + extension));
      }
    }
    assertThat(ScanCommand.description())
        .isEqualTo(
            "Check CloudFormation templates (JSON or YAML), Terraform plan JSON, AWS Config configuration items, ECS JSON and Terraform source:"
                + " files, or directories searched recursively for *.json, *.yaml, *.yml, *.template and *.tf.");
  }

  @Test
  void subcommandsPrintTheVersion() {
    assertThat(Run.of("scan", "-V").out()).startsWith("ecsguard ");
    assertThat(Run.of("controls", "--version").out()).startsWith("ecsguard ");
  }

  @Test
  void missingPathsAndUnknownControlsAndBadParametersAreUsageErrors() {
    assertThat(Run.of("scan", "no-such-dir").exitCode()).isEqualTo(2);
    assertThat(Run.of("scan", "no-such-dir").err())
        .contains("no-such-dir: no such file or directory");
    Run unknown = Run.of("scan", "--controls", "ECS.6", EXAMPLES);
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown control ECS.6");
    Run badParam = Run.of("scan", "-p", "ECS.13.requiredTagKeys=a,b,c,d,e,f,g", EXAMPLES);
    assertThat(badParam.exitCode()).isEqualTo(2);
    assertThat(badParam.err()).contains("ECS.13.requiredTagKeys: at most 6 tag keys");
    assertThat(Run.of("scan", "-p", "ECS.4.nothing=1", EXAMPLES).err())
        .contains("ECS.4 has no parameter nothing (it takes none)");
    assertThat(Run.of("scan", "--controls", "ECS.4,,ECS.8", EXAMPLES).err())
        .contains("an empty control id in the list");
    assertThat(Run.of("scan", "--format", "xml", EXAMPLES).exitCode()).isEqualTo(2);
    assertThat(Run.of("scan").exitCode()).isEqualTo(2);
    assertThat(Run.of("nonsense").exitCode()).isEqualTo(2);
  }

  @Test
  void atFilesAreNotExpandedSoTheirContentIsNeverEchoed() throws IOException {
    Path arguments = write("secrets.env", "AWS_SECRET_ACCESS_KEY=notToBeEchoed123");
    Run run = Run.of("scan", "@" + arguments);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("@" + arguments + ": no such file or directory");
    assertThat(run.all()).doesNotContain("notToBeEchoed123");
  }

  @Test
  void namesFromTheInputCannotForgeReportLinesOrReachTheTerminal() throws IOException {
    Path file =
        write(
            "forged.json",
            "{\"family\":\"web\\nPASSED         ECS.4 forged\",\"containerDefinitions\":[{\"name\":\"x\\u001b[2Jy\",\"privileged\":true}]}");
    Run run = Run.of("scan", "--controls", "ECS.4", file.toString());
    assertThat(run.out())
        .doesNotContain("\u001b")
        .contains("web\\nPASSED")
        .contains("x\\u001b[2Jy");
    assertThat(run.out().lines()).noneMatch(line -> line.startsWith("PASSED"));
  }

  @Test
  void anEmptyControlListIsAUsageError() {
    Run run = Run.of("scan", "--controls", ",", EXAMPLES);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--controls needs at least one control id");
  }

  @Test
  void selectionRunsRetiredControlsOnlyWhenNamed() {
    assertThat(Run.of("scan", "--format", "json", EXAMPLES).out()).doesNotContain("\"ECS.1\"");
    Run named = Run.of("scan", "--format", "json", "--controls", "ecs.1,ECS.17", EXAMPLES);
    assertThat(named.out())
        .contains("\"controlId\" : \"ECS.1\"")
        .contains("\"ECS.17\"")
        .doesNotContain("\"ECS.4\"");
    Run skipped = Run.of("scan", "--format", "json", "--skip-controls", "ECS.4", EXAMPLES);
    assertThat(skipped.out()).doesNotContain("\"ECS.4\"").contains("\"ECS.5\"");
  }

  @Test
  void parametersChangeVerdicts() {
    Run required =
        Run.of(
            "scan",
            "--controls",
            "ECS.15",
            "-p",
            "ECS.15.requiredTagKeys=team,cost-centre",
            EXAMPLES + "/hardened-api.json");
    assertThat(required.exitCode()).isEqualTo(1);
    assertThat(required.out()).contains("lacks the required tag key cost-centre");
    Run strict =
        Run.of(
            "scan",
            "--controls",
            "ECS.12",
            "--param",
            "ECS.12.acceptEnhanced=false",
            EXAMPLES + "/clusters.json");
    assertThat(strict.out()).contains("cluster/production").contains("\"enhanced\"");
  }

  @Test
  void colourOnlyOnATerminalAndNeverWithNoColor() {
    String escape = "\u001b[";
    assertThat(Run.with(Map.of(), true, "scan", EXAMPLES).out()).contains(escape);
    assertThat(Run.with(Map.of("NO_COLOR", "1"), true, "scan", EXAMPLES).out())
        .doesNotContain(escape);
    assertThat(Run.with(Map.of(), false, "scan", EXAMPLES).out()).doesNotContain(escape);
    assertThat(Run.with(Map.of("TERM", "dumb"), true, "scan", EXAMPLES).out())
        .doesNotContain(escape);
    assertThat(Run.with(Map.of(), false, "scan", "--color=always", EXAMPLES).out())
        .contains(escape);
    assertThat(Run.with(Map.of(), true, "scan", "--color", "never", EXAMPLES).out())
        .doesNotContain(escape);
  }

  @Test
  void verboseListsPassedAndNotApplicableFindings() {
    String out = Run.of("scan", "-v", EXAMPLES).out();
    assertThat(out).contains("PASSED").contains("NOT_APPLICABLE");
  }
}
