package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.report.ReportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A planted credential value must not appear in any output, whatever the format or failure. */
class SecretLeakTest {
  private static final String SECRET = "PLANTEDsecretVALUE0123456789abcdefXYZ";

  @TempDir Path dir;

  @Test
  void aFlaggedVariablesValueIsInNoOutput() throws IOException {
    Path good = dir.resolve("task.json");
    Files.writeString(
        good,
        "{\"family\":\"leaky\",\"containerDefinitions\":[{\"name\":\"app\",\"privileged\":\""
            + SECRET
            + "\",\"user\":\""
            + "1000\","
            + "\"environment\":[{\"name\":\"AWS_SECRET_ACCESS_KEY\",\"value\":\""
            + SECRET
            + "\"},"
            + "{\"name\":\"AWS_ACCESS_KEY_ID\",\"value\":{\"nested\":\""
            + SECRET
            + "\"}},"
            + "{\"name\":\"ECS_ENGINE_AUTH_DATA\",\"value\":\""
            + SECRET
            + "\"}]}]}");
    Path malformed = dir.resolve("broken.json");
    Files.writeString(
        malformed,
        "{\"containerDefinitions\":[{\"environment\":[{\"name\":\"AWS_SECRET_ACCESS_KEY\",\"value\":"
            + SECRET
            + "}]}]}");
    Path unterminated = dir.resolve("unterminated.json");
    Files.writeString(
        unterminated,
        "{\"environment\":[{\"name\":\"AWS_SECRET_ACCESS_KEY\",\"value\":\"" + SECRET);
    Path plan = dir.resolve("plan.json");
    Files.writeString(
        plan,
        "{\"format_version\":\"1.2\",\"terraform_version\":\"1.9.8\",\"resource_changes\":[{\"address\":\"aws_ecs_task_definition.t\","
            + "\"mode\":\"managed\",\"type\":\"aws_ecs_task_definition\",\"name\":\"t\",\"change\":{\"actions\":[\"create\"],"
            + "\"after\":{\"family\":\"t\",\"container_definitions\":\"[{\\\"name\\\":\\\"a\\\",\\\"environment\\\":[{\\\"name\\\":"
            + "\\\"AWS_ACCESS_KEY_ID\\\",\\\"value\\\":\\\""
            + SECRET
            + "\\\"}]}, "
            + SECRET
            + "]\"},\"after_unknown\":{}}}]}");
    Files.writeString(
        dir.resolve("plan-valid.json"), Files.readString(plan).replace(", " + SECRET + "]", "]"));
    Files.writeString(
        dir.resolve("stack.yaml"),
        """
        Parameters:
          Key: {Type: String, NoEcho: true, Default: PLANTED}
        Conditions:
          Odd: !Equals [!Ref Key, other]
        Resources:
          Task:
            Type: AWS::ECS::TaskDefinition
            Properties:
              ContainerDefinitions:
                - Name: app
                  Privileged: !Ref Key
                  User: !If [Odd, root, !Select [!Ref Key, [a]]]
                  Environment:
                    - {Name: AWS_SECRET_ACCESS_KEY, Value: PLANTED}
                    - {Name: AWS_ACCESS_KEY_ID, Value: !Sub "${Key}"}
                    - {Name: ECS_ENGINE_AUTH_DATA, Value: &planted PLANTED}
                    - {Name: OTHER, Value: *planted}
        """
            .replace("PLANTED", SECRET)); // a placeholder that no variable name holds
    Files.writeString(
        dir.resolve("broken.yaml"),
        "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Environment: [{Value: \""
            + SECRET
            + "\n");
    Files.writeString(
        dir.resolve("broken-flow.yaml"),
        "Resources: {T: {Type: AWS::ECS::TaskDefinition, Value: " + SECRET + ": x: y}}\n");
    Path module = Files.createDirectories(dir.resolve("module"));
    Files.writeString(
        module.resolve("main.tf"),
        """
        variable "key" {
          default   = "PLANTED"
          sensitive = true
        }
        resource "aws_ecs_task_definition" "t" {
          family = "t"
          container_definitions = jsonencode([{
            name        = "app"
            user        = var.key == "x" ? "root" : lookup({}, var.key)
            environment = [{ name = "AWS_SECRET_ACCESS_KEY", value = "PLANTED" }, { name = "AWS_ACCESS_KEY_ID", value = var.key }, { name = "DB_PASSWORD", value = "PLANTED" }]
            command     = ["mysqld", "--password", "PLANTED"]
            dockerLabels = { "db.password" = "PLANTED" }
          }])
        }
        """
            .replace("PLANTED", SECRET));
    Files.writeString(module.resolve("broken.tf"), "locals {\n  a = \"" + SECRET + "\n}\n");
    Files.writeString(
        module.resolve("broken2.tf"), "locals {\n  a = " + SECRET + " " + SECRET + "\n}\n");
    Path report = dir.resolve("report.json");

    List<Run> runs = new ArrayList<>();
    for (String format : ReportFormat.labels()) {
      runs.add(Run.with(Run.ACCOUNT, false, "scan", "--format", format, good.toString()));
      runs.add(
          Run.with(
              Run.ACCOUNT,
              false,
              "scan",
              "--format",
              format,
              "--verbose",
              "--debug",
              good.toString(),
              malformed.toString(),
              unterminated.toString()));
      runs.add(
          Run.with(
              Run.ACCOUNT,
              true,
              "scan",
              "--format",
              format,
              "--controls",
              "ECS.1,ECS.8,ECS.4,ECSG.5,ECSG.6",
              dir.toString()));
    }
    Run toFile = Run.of("scan", "--format", "json", "-o", report.toString(), dir.toString());
    runs.add(toFile);

    assertThat(runs.get(0).out())
        .contains("AWS_SECRET_ACCESS_KEY")
        .contains("ECS_ENGINE_AUTH_DATA");
    assertThat(runs.get(1).err()).contains("broken.json").contains("unterminated.json");
    assertThat(runs.get(2).err())
        .contains("broken.yaml")
        .contains("broken-flow.yaml")
        .contains("broken.tf")
        .contains("broken2.tf");
    for (Run run : runs) {
      assertThat(run.all()).doesNotContain(SECRET).doesNotContain(SECRET.substring(0, 12));
    }
    assertThat(Files.readString(report))
        .contains("AWS_SECRET_ACCESS_KEY")
        .contains("aws_ecs_task_definition.t")
        .contains("container_definitions is not valid JSON")
        .contains("\"resourceId\" : \"Task\"")
        .contains("\"resourceId\" : \"aws_ecs_task_definition.t\"")
        .contains("\\\"DB_PASSWORD\\\" holds a literal password")
        .contains("passes a literal password in its Docker label")
        .doesNotContain(SECRET);
  }
}
