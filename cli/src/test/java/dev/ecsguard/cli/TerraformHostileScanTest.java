package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.report.ReportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Terraform module under review must not make scan or fix print what lies outside it. */
class TerraformHostileScanTest {
  private static final String SECRET = "PLANTEDbesideTHEcheckout0123456789";

  @TempDir Path dir;

  @Test
  void fileOutsideTheScannedTreeIsInNoReportNorFix() throws IOException {
    Files.writeString(
        dir.resolve("outside.json"),
        "[{\"name\": \""
            + SECRET
            + "\", \"environment\": [{\"name\": \"AWS_SECRET_ACCESS_KEY\", \"value\": \""
            + SECRET
            + "\"}]}]");
    Path module = Files.createDirectories(dir.resolve("module"));
    Files.createSymbolicLink(module.resolve("inside.txt"), Path.of("../outside.json"));
    Path main =
        Files.writeString(
            module.resolve("main.tf"),
            """
        resource "aws_ecs_task_definition" "environ" {
          family                = file("/proc/self/environ")
          container_definitions = jsonencode([{
            name        = file("/proc/self/environ")
            image       = "app:1"
            environment = [{ name = "AWS_SECRET_ACCESS_KEY", value = file("/proc/self/environ") }]
          }])
          tags = { owner = file("/proc/self/environ") }
        }
        resource "aws_ecs_task_definition" "parent" {
          family                = "parent"
          container_definitions = file("../outside.json")
        }
        resource "aws_ecs_task_definition" "link" {
          family                = "link"
          container_definitions = file("inside.txt")
        }
        resource "aws_ecs_cluster" "c" {
          name = file("/proc/self/environ")
          tags = { owner = file("../outside.json") }
        }
        """);
    List<Run> runs = new ArrayList<>();
    for (String format : ReportFormat.labels()) {
      runs.add(
          Run.with(Run.ACCOUNT, false, "scan", "--verbose", "--format", format, module.toString()));
    }
    runs.add(Run.of("fix", main.toString()));
    runs.add(Run.of("fix", module.toString()));
    for (Run run : runs) {
      assertThat(run.all()).doesNotContain(SECRET).doesNotContain(System.getenv("PATH"));
      System.getenv()
          .forEach((name, value) -> assertThat(run.all()).doesNotContain(name + "=" + value));
      assertThat(run.exitCode()).as(run.all()).isNotEqualTo(2);
    }
    assertThat(runs.get(0).out()).contains("outside the scanned tree");
  }

  @Test
  void aModuleScannedByARelativePathReadsItsFilesThroughPathModule() {
    Path relative = Path.of("src/test/resources/terraform-relative");
    assertThat(relative).isDirectory(); // the tests run in the cli module's directory
    Run run =
        Run.with(
            Map.of(),
            false,
            "scan",
            "--controls",
            "ECS.4",
            "--format",
            "json",
            relative.toString());
    assertThat(run.out()).contains("\"status\" : \"FAILED\"").doesNotContain("UNKNOWN");
    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
  }
}
