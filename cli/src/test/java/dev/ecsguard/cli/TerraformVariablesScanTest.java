package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scan and fix give Terraform variables values as terraform plan does: TF_VAR_, -var-file, -var.
 */
class TerraformVariablesScanTest {
  private static final String SECRET = "AKIAIOSFODNN7EXAMPLE";

  @TempDir Path dir;
  private Path module;

  @BeforeEach
  void module() throws IOException {
    module = Files.createDirectories(dir.resolve("infra"));
    Files.writeString(
        module.resolve("main.tf"),
        """
        variable "privileged" {}
        variable "access_key" {
          default = "none"
        }
        resource "aws_ecs_task_definition" "app" {
          family = "app"
          container_definitions = jsonencode([{
            name        = "app"
            image       = "app:1.0"
            privileged  = var.privileged
            environment = [{ name = "ACCESS_KEY", value = var.access_key }]
          }])
        }
        """);
  }

  private Run scan(Map<String, String> environment, String... options) {
    String[] args = new String[options.length + 7];
    args[0] = "scan";
    System.arraycopy(options, 0, args, 1, options.length);
    String[] fixed = {"--controls", "ECS.4", "--format", "json", "--no-config", module.toString()};
    System.arraycopy(fixed, 0, args, options.length + 1, fixed.length);
    return Run.with(environment, false, args);
  }

  @Test
  void environmentVariablesThenVariableFilesThenValuesDecide() throws IOException {
    assertThat(scan(Map.of()).out())
        .contains("\"status\" : \"UNKNOWN\"")
        .contains("var.privileged has no default");
    assertThat(scan(Map.of("TF_VAR_privileged", "true")).out()).contains("\"status\" : \"FAILED\"");
    Path production = Files.writeString(dir.resolve("production.tfvars"), "privileged = false\n");
    Run fromFile =
        scan(Map.of("TF_VAR_privileged", "true"), "--tf-var-file", production.toString());
    assertThat(fromFile.exitCode()).isZero();
    assertThat(fromFile.out()).contains("\"status\" : \"PASSED\"");
    Run given =
        scan(
            Map.of("TF_VAR_privileged", "false"),
            "--tf-var-file",
            production.toString(),
            "--tf-var",
            "privileged=true");
    assertThat(given.out()).contains("\"status\" : \"FAILED\"");
    // the module has no provider: the note says it was read with the values given
    assertThat(given.out()).contains("its variables at the values given, else their defaults");
  }

  @Test
  void aCredentialGivenThroughTheEnvironmentIsJudgedButNeverShown() {
    Run run =
        Run.with(
            Map.of("TF_VAR_privileged", "false", "TF_VAR_access_key", SECRET),
            false,
            "scan",
            "--no-config",
            "--format",
            "json",
            module.toString());
    // ECSG.5 finds the key by its value, which came from the environment; no output shows it.
    assertThat(run.out())
        .containsPattern(
            "\"controlId\" : \"ECSG.5\",(\\s+\"[a-z]+\" : \"[^\"]*\",)*\\s+\"status\" : \"FAILED\"");
    assertThat(run.all()).doesNotContain(SECRET);
  }

  @Test
  void aVariableFileThatIsNotThereIsOneLineAndExitCode2() throws IOException {
    for (String command : new String[] {"scan", "fix"}) {
      Run run =
          Run.of(
              command,
              "--tf-var-file",
              dir.resolve(SECRET + ".tfvars").toString(),
              module.toString());
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err().lines())
          .singleElement()
          .asString()
          .contains("--tf-var-file")
          .contains("no such file");
      assertThat(run.all()).doesNotContain(SECRET);
    }
    Run directory = Run.of("scan", "--tf-var-file", dir.toString(), module.toString());
    assertThat(directory.exitCode()).isEqualTo(2);
    assertThat(directory.err()).contains("not a regular file");
  }

  @Test
  void aReportIsNeverWrittenOverAVariableFile() throws IOException {
    Path production = Files.writeString(dir.resolve("production.tfvars"), "privileged = false\n");
    Run run =
        Run.of(
            "scan",
            "--tf-var-file",
            production.toString(),
            "-o",
            production.toString(),
            module.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("is also an input");
    assertThat(Files.readString(production)).isEqualTo("privileged = false\n");
  }
}
