package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Suppressions written beside the resource: CloudFormation Metadata and Terraform comments. */
class InlineSuppressionTest {
  @TempDir Path dir;

  @Test
  void cloudFormationMetadataSuppressesItsOwnResourceOnly() throws IOException {
    Files.writeString(
        dir.resolve("stack.yaml"),
        """
        Resources:
          Task:
            Type: AWS::ECS::TaskDefinition
            Metadata:
              ecsguard:
                suppress:
                  - {control: ECS.4, reason: vendor agent (SEC-1)}
                  - {control: ECS.5}
                  - {control: ECS.5, reason: typo below, resurce: x}
                  - {control: ECS.5, reason: too late, expires: 2001-01-01}
            Properties:
              ContainerDefinitions: [{Name: a, Image: x, Privileged: true}]
          Other:
            Type: AWS::ECS::TaskDefinition
            Properties:
              ContainerDefinitions: [{Name: b, Image: x, Privileged: true}]
        """);
    Run run =
        Run.of(
            "scan",
            "--no-config",
            "--controls",
            "ECS.4,ECS.5",
            "--format",
            "sarif",
            dir.toString());
    ReportFormatsTest.assertValidSarif(run.out());
    assertThat(run.out()).contains("\"kind\" : \"inSource\"").contains("vendor agent (SEC-1)");
    Run text = Run.of("scan", "--no-config", "--controls", "ECS.4,ECS.5", dir.toString());
    assertThat(text.out())
        .contains("failed (s)     ECS.4")
        .contains("inline Metadata of Task")
        .contains(
            "an ecsguard suppression needs a control and a reason; ignored, so the finding stands")
        .contains(
            "an ecsguard suppression with a setting other than control, reason and expires; ignored, so the finding stands")
        .contains("the suppression of ECS.5 on Task expired on 2001-01-01; it no longer applies")
        .contains("1 suppressed");
    assertThat(text.exitCode()).isEqualTo(ExitCode.FAILED.code());
  }

  @Test
  void aTerraformCommentOnOrAboveTheBlockSuppresses() throws IOException {
    Files.writeString(
        dir.resolve("main.tf"),
        """
        # ecsguard:ignore ECS.4 the GPU driver needs it (SEC-9)
        resource "aws_ecs_task_definition" "gpu" { # ecsguard:ignore ECS.5 writes its model cache
          family                = "gpu"
          container_definitions = jsonencode([{ name = "trainer", privileged = true }])
        }

        resource "aws_ecs_task_definition" "plain" {
          family                = "plain"
          container_definitions = jsonencode([{ name = "x", privileged = true }])
        }
        """);
    Run run = Run.of("scan", "--no-config", "--controls", "ECS.4,ECS.5", dir.toString());
    assertThat(run.out())
        .contains("Suppressed: the GPU driver needs it (SEC-9)")
        .contains("Suppressed: writes its model cache")
        .contains("2 suppressed");
    assertThat(run.exitCode())
        .as("aws_ecs_task_definition.plain still fails")
        .isEqualTo(ExitCode.FAILED.code());
  }
}
