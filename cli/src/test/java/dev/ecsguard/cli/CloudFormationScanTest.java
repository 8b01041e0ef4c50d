package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** CloudFormation's harder corners end to end: what is reported and the exit code. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CloudFormationScanTest {
  private static final String FIXTURES = "src/test/resources/dev/ecsguard/cli/cfn/";

  @TempDir Path dir;

  @Test
  void resourcesOfAForEachLoopAreCheckedUnderTheirExpandedIds() {
    Run run = Run.of("scan", "--controls", "ECS.4", FIXTURES + "foreach.yaml");
    assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCode.FAILED.code());
    assertThat(run.out())
        .contains("TaskDefWorker")
        .contains("foreach.yaml:14:")
        .contains("1 failed");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void aForEachOverAnUnknownCollectionIsUnknownAndSaysSo() {
    Run run = Run.of("scan", "--controls", "ECS.4", FIXTURES + "foreach-unknown.yaml");
    assertThat(run.exitCode())
        .as(run.all())
        .isEqualTo(
            ExitCode.OK.code()); // UNKNOWN is reported, as everywhere, without failing the run
    assertThat(run.out())
        .contains("UNKNOWN")
        .contains("TaskDef${Name}")
        .contains("Fn::ForEach::Tasks: its collection is not known")
        .contains("1 unknown");
  }

  @Test
  void parameterFilesGiveValuesThatCfnParamOverrides() throws IOException {
    Path template =
        Files.writeString(
            dir.resolve("stack.yaml"),
            """
            Parameters:
              Privileged:
                Type: String
            Resources:
              TaskDef:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  ContainerDefinitions:
                    - Name: app
                      Image: app:1.0
                      Privileged: !Ref Privileged
            """);
    Path production =
        Files.writeString(
            dir.resolve("production.json"),
            "[{\"ParameterKey\": \"Privileged\", \"ParameterValue\": \"true\"}]");
    Path staging =
        Files.writeString(
            dir.resolve("staging.json"), "{\"Parameters\": {\"Privileged\": \"false\"}}");
    assertThat(scanEcs4(template).out()).contains("1 unknown");
    Run fromFile = scanEcs4(template, "--cfn-param-file", production.toString());
    assertThat(fromFile.exitCode()).as(fromFile.all()).isEqualTo(ExitCode.FAILED.code());
    Run laterFile =
        scanEcs4(
            template,
            "--cfn-param-file",
            production.toString(),
            "--cfn-param-file",
            staging.toString());
    assertThat(laterFile.out()).as(laterFile.all()).contains("1 passed");
    Run overridden =
        scanEcs4(
            template, "--cfn-param-file", staging.toString(), "--cfn-param", "Privileged=true");
    assertThat(overridden.exitCode()).isEqualTo(ExitCode.FAILED.code());
  }

  /** {@code scan --controls ECS.4 OPTIONS... TEMPLATE}. */
  private static Run scanEcs4(Path template, String... options) {
    List<String> args = new ArrayList<>(List.of("scan", "--controls", "ECS.4"));
    args.addAll(List.of(options));
    args.add(template.toString());
    return Run.of(args.toArray(String[]::new));
  }

  @Test
  void aParameterFileThatCannotBeUsedIsOneLineAndExitCode2() throws IOException {
    Path template = Files.writeString(dir.resolve("stack.yaml"), "Resources: {}\n");
    Path previous =
        Files.writeString(
            dir.resolve("previous.json"),
            "[{\"ParameterKey\": \"Debug\", \"UsePreviousValue\": true}]");
    Run run = Run.of("scan", "--cfn-param-file", previous.toString(), template.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR.code());
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .startsWith("ecsguard: --cfn-param-file " + previous)
        .contains("UsePreviousValue");
    Run missing =
        Run.of(
            "scan",
            "--cfn-param-file",
            dir.resolve("missing.json").toString(),
            template.toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCode.ERROR.code());
    assertThat(missing.err()).contains("no such file");
  }

  @Test
  void aSettingMissingFromAListIsPointedAtTheList() throws IOException {
    Path template =
        Files.writeString(
            dir.resolve("cluster.yaml"),
            """
            Resources:
              Cluster:
                Type: AWS::ECS::Cluster
                Properties:
                  ClusterSettings: []
            """);
    Run run = Run.of("scan", "--controls", "ECS.12", template.toString());
    assertThat(run.out()).contains("cluster.yaml:5:").contains("Container Insights is off");
  }

  @Test
  void aValueMergedFromAnAnchorFails() {
    Run run = Run.of("scan", "--controls", "ECS.4", FIXTURES + "merge.yaml");
    assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCode.FAILED.code());
    assertThat(run.out()).contains("merge.yaml:3:17");
  }

  @Test
  void aHostileTemplateDoesNotStopTheOtherFiles() throws IOException {
    StringBuilder conditions =
        new StringBuilder("AWSTemplateFormatVersion: \"2010-09-09\"\nConditions:\n");
    for (int i = 0; i < 5000; i++) {
      conditions.append("  C").append(i).append(": !Not [!Condition C").append(i + 1).append("]\n");
    }
    conditions.append(
        "  C5000: !Equals [a, a]\nResources:\n  Cluster:\n    Type: AWS::ECS::Cluster\n    Condition: C0\n");
    Files.writeString(dir.resolve("chain.yaml"), conditions);
    Files.copy(Path.of(FIXTURES, "merge.yaml"), dir.resolve("merge.yaml"));
    Run run = Run.of("scan", "--controls", "ECS.4,ECS.12", dir.toString());
    assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCode.FAILED.code());
    assertThat(run.all())
        .contains("merge.yaml:3:17")
        .contains("too deep")
        .doesNotContain("StackOverflowError")
        .doesNotContain("\tat ");
  }

  @Test
  void aKeyWrittenTwiceInJsonIsNoted() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("task.json"),
            "{\"family\": \"web\", \"containerDefinitions\": [{\"name\": \"app\", \"image\": \"nginx\",\n\"privileged\": false,\n\"privileged\": true}]}\n");
    Run run = Run.of("scan", "--controls", "ECS.4", file.toString());
    assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCode.FAILED.code());
    assertThat(run.all())
        .contains("task.json:3")
        .contains(
            "duplicate key \"privileged\" (also on line 2); the last one counts, as the AWS CLI reads it");
  }
}
