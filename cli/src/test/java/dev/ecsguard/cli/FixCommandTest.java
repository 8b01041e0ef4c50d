package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ecsguard fix on task-definition JSON: a diff by default, --write edits, a re-scan proves it, secrets stay unseen. */
class FixCommandTest {
  private static final String SECRET = "PLANTEDfixSECRET0123456789abc";

  @TempDir Path dir;

  private Path describeOutput() throws IOException {
    return Files.writeString(dir.resolve("td.json"), """
        {
          "taskDefinition": {
            "taskDefinitionArn": "arn:aws:ecs:eu-west-1:123456789012:task-definition/api:7",
            "family": "api",
            "revision": 7,
            "status": "ACTIVE",
            "registeredBy": "arn:aws:iam::123456789012:user/me",
            "networkMode": "host",
            "containerDefinitions": [
              {"name": "app", "image": "x", "privileged": true, "user": "root",
               "environment": [{"name": "AWS_SECRET_ACCESS_KEY", "value": "@@VALUE@@"}]}
            ]
          },
          "tags": [{"key": "team", "value": "api"}]
        }
        """.replace("@@VALUE@@", SECRET));
  }

  @Test
  void aDryRunPrintsTheDiffAndChangesNothing() throws IOException {
    Path file = describeOutput();
    String before = Files.readString(file);
    Run run = Run.of("fix", "--log-region", "eu-west-1", file.toString());
    assertThat(Files.readString(file)).isEqualTo(before);
    assertThat(run.out()).contains("-      {\"name\": \"app\", \"image\": \"x\", \"privileged\": true, \"user\": \"root\",")
        .contains("+      \"readonlyRootFilesystem\": true").contains("removes ECS.4, ECS.5, ECS.9, ECS.20, ECSG.1")
        .contains("still FAILED: ECS.8, ECS.17").contains("to do: container \"app\": AWS_SECRET_ACCESS_KEY is a plain environment variable");
    assertThat(run.all()).doesNotContain(SECRET);
    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED.code());
  }

  @Test
  void writeMakesARegisterInputThatPassesAndASecondFixChangesNothing() throws IOException {
    Path file = describeOutput();
    Run run = Run.of("fix", "--write", "--log-region", "eu-west-1", "--allow-network-change", "--keep-capabilities", "NET_ADMIN",
        "--secret", "AWS_SECRET_ACCESS_KEY=arn:aws:secretsmanager:eu-west-1:123456789012:secret:api", file.toString());
    assertThat(run.all()).doesNotContain(SECRET);
    assertThat(run.out()).contains("nothing left FAILED").contains("(written)");
    assertThat(run.exitCode()).isZero();
    String fixed = Files.readString(file);
    assertThat(fixed).doesNotContain("taskDefinitionArn").doesNotContain("\"revision\"").doesNotContain("registeredBy")
        .contains("\"tags\"").contains("\"valueFrom\": \"arn:aws:secretsmanager:eu-west-1:123456789012:secret:api\"")
        .contains("NET_ADMIN").contains("\"networkMode\": \"awsvpc\"").doesNotContain(SECRET);
    assertThat(Run.of("scan", file.toString()).exitCode()).as("the fixed file passes a scan").isZero();
    Run again = Run.of("fix", "--log-region", "eu-west-1", "--allow-network-change", file.toString());
    assertThat(again.out()).startsWith("# ").contains("no finding removed; nothing left FAILED");
  }

  @Test
  void servicesClustersAndCapacityProvidersAreFixedInPlace() throws IOException {
    Path services = Files.writeString(dir.resolve("services.json"), """
        {"services": [{"serviceArn": "arn:aws:ecs:eu-west-1:1:service/c/web", "serviceName": "web", "launchType": "FARGATE",
          "platformVersion": "1.3.0", "networkConfiguration": {"awsvpcConfiguration": {"assignPublicIp": "ENABLED"}}, "tags": [{"key": "t", "value": "v"}]}]}
        """);
    Path cluster = Files.writeString(dir.resolve("cluster.json"), "{\"clusterName\": \"prod\", \"tags\": [{\"key\": \"t\", \"value\": \"v\"}]}");
    Path provider = Files.writeString(dir.resolve("cp.json"), """
        {"name": "asg", "autoScalingGroupProvider": {"autoScalingGroupArn": "arn", "managedScaling": {"status": "ENABLED"},
          "managedTerminationProtection": "DISABLED"}}
        """);
    Run run = Run.of("fix", "--write", services.toString(), cluster.toString(), provider.toString());
    assertThat(run.out()).contains("services.json: removes ECS.2, ECS.10; nothing left FAILED")
        .contains("cluster.json: removes ECS.12; nothing left FAILED").contains("cp.json: removes ECS.19; nothing left FAILED");
    assertThat(run.exitCode()).isZero();
    assertThat(Files.readString(services)).contains("\"serviceArn\"").contains("\"platformVersion\": \"LATEST\"");
  }

  @Test
  void anEscapedCredentialValueIsHiddenInTheDiffToo() throws IOException {
    Path file = Files.writeString(dir.resolve("esc.json"), "{\"family\": \"f\", \"containerDefinitions\": [{\"name\": \"a\", \"privileged\": true,"
        + " \"environment\": [{\"name\": \"AWS_SECRET_ACCESS_KEY\", \"value\": \"wJalr\\/K7MD\\u0045NGkey\"}]}]}");
    Run run = Run.of("fix", file.toString());
    assertThat(run.out()).contains("(value not shown)").doesNotContain("K7MD").doesNotContain("wJalr");
  }

  @Test
  void aFieldOfTheWrongTypeLeavesThatFileAloneAndTheOthersAreFixed() throws IOException {
    Path odd = Files.writeString(dir.resolve("odd.json"), "{\"family\": \"f\", \"volumes\": null, \"containerDefinitions\": [{\"name\": \"a\"}]}");
    Path good = Files.writeString(dir.resolve("good.json"), "{\"family\": \"g\", \"containerDefinitions\": [{\"name\": \"a\", \"privileged\": true}]}");
    Run run = Run.of("fix", "--write", odd.toString(), good.toString());
    assertThat(run.err()).contains("odd.json: cannot fix it").doesNotContain("Exception:");
    assertThat(Files.readString(good)).doesNotContain("privileged");
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR.code());
  }

  @Test
  void aFileWithoutATaskDefinitionIsSkippedAndBadJsonIsAnError() throws IOException {
    Path other = Files.writeString(dir.resolve("svc.json"), "{\"name\": \"package\"}");
    Path broken = Files.writeString(dir.resolve("bad.json"), "{\"family\": [\n");
    Run run = Run.of("fix", other.toString(), broken.toString());
    assertThat(run.err()).contains("svc.json: nothing ecsguard can fix").contains("bad.json:2:1: malformed JSON");
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR.code());
  }

  private Path terraformModule() throws IOException {
    Files.writeString(dir.resolve("variables.tf"), "variable \"pv\" {\n  default = \"1.3.0\"\n}\n");
    return Files.writeString(dir.resolve("main.tf"), """
        resource "aws_ecs_task_definition" "api" {
          family                = "api"
          container_definitions = jsonencode([{ name = "api", image = "x", privileged = true,
            environment = [{ name = "AWS_SECRET_ACCESS_KEY", value = "@@VALUE@@" }] }])
          tags = { team = "a" }
        }

        resource "aws_ecs_task_definition" "worker" {
          family                = "worker"
          container_definitions = <<EOT
        [{"name": "w", "image": "x", "environment": [{"name": "AWS_ACCESS_KEY_ID", "value": "@@VALUE@@"}]}]
        EOT
          tags = { team = "a" }
        }

        resource "aws_ecs_service" "api" {
          name             = "api"
          launch_type      = "FARGATE"
          platform_version = var.pv
          network_configuration {
            assign_public_ip = true
          }
          tags = { team = "a" }
        }
        """.replace("@@VALUE@@", SECRET));
  }

  @Test
  void terraformGetsADiffOfItsLiteralsAndStepsForTheRestAndIsNeverWritten() throws IOException {
    Path file = terraformModule();
    String before = Files.readString(file);
    Run run = Run.of("fix", "--write", "--log-region", "eu-west-1", file.toString());
    assertThat(Files.readString(file)).isEqualTo(before);
    assertThat(run.out()).contains("+    assign_public_ip = false", "readonlyRootFilesystem = true", "\"readonlyRootFilesystem\": true")
        .contains("to do: aws_ecs_service.api: set platform_version = \"LATEST\"; the value comes from var.pv (" + dir.resolve("variables.tf") + ":1)")
        .contains("removes ECS.2, ECS.4, ECS.5 ×2, ECS.9 ×2, ECS.20 ×2").contains("still FAILED: ECS.8 ×2, ECS.10")
        .contains("(not written: .tf files change through your review and terraform plan/apply)");
    assertThat(run.all()).as("the credential, in jsonencode and in a heredoc").doesNotContain(SECRET);
    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED.code());
  }

  @Test
  void terraformWithNothingLeftExitsZeroAndMalformedHclIsAnError() throws IOException {
    terraformModule();
    Run done = Run.of("fix", "--tf-var", "pv=LATEST", "--secret", "AWS_SECRET_ACCESS_KEY=arn:aws:secretsmanager:eu-west-1:1:secret:a",
        "--secret", "AWS_ACCESS_KEY_ID=arn:aws:secretsmanager:eu-west-1:1:secret:b", "--log-region", "eu-west-1", dir.resolve("main.tf").toString());
    assertThat(done.out()).contains("nothing left FAILED").doesNotContain(SECRET);
    assertThat(done.exitCode()).isZero();
    Path broken = Files.writeString(Files.createDirectory(dir.resolve("broken")).resolve("x.tf"), "resource \"aws_ecs_cluster\" \"c\" {\n  name = \"c\n}\n");
    Run bad = Run.of("fix", broken.toString());
    assertThat(bad.err()).contains(broken + ":2:").contains("malformed HCL").doesNotContain("Exception");
    assertThat(bad.exitCode()).isEqualTo(ExitCode.ERROR.code());
  }
}
