package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.fix.AtomicFileWrite;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * ecsguard fix on ECS API JSON and CloudFormation: a diff by default, --write edits, a re-scan
 * proves it, secrets stay unseen.
 */
class FixCommandTest {
  private static final String SECRET = "PLANTEDfixSECRET0123456789abc";

  @TempDir Path dir;

  private Path describeOutput() throws IOException {
    return Files.writeString(
        dir.resolve("td.json"),
        """
        {
          "taskDefinition": {
            "taskDefinitionArn": "arn:aws:ecs:eu-west-1:123456789012:task-definition/api:7",
            "family": "api",
            "revision": 7,
            "status": "ACTIVE",
            "registeredBy": "arn:aws:iam::123456789012:user/me",
            "networkMode": "host",
            "containerDefinitions": [
              {"name": "app", "image": "x:1", "privileged": true, "user": "root",
               "environment": [{"name": "AWS_SECRET_ACCESS_KEY", "value": "@@VALUE@@"}]}
            ]
          },
          "tags": [{"key": "team", "value": "api"}]
        }
        """
            .replace("@@VALUE@@", SECRET));
  }

  @Test
  void aDryRunPrintsTheDiffAndChangesNothing() throws IOException {
    Path file = describeOutput();
    String before = Files.readString(file);
    Run run = Run.of("fix", "--log-region", "eu-west-1", file.toString());
    assertThat(Files.readString(file)).isEqualTo(before);
    assertThat(run.out())
        .contains(
            "-      {\"name\": \"app\", \"image\": \"x:1\", \"privileged\": true, \"user\": \"root\",")
        .contains("+      \"readonlyRootFilesystem\": true")
        .contains("removes ECS.4, ECS.5, ECS.9, ECS.20, ECSG.1")
        .contains("still FAILED: ECS.8, ECS.17")
        .contains(
            "to do: container \"app\": AWS_SECRET_ACCESS_KEY is a plain environment variable");
    assertThat(run.all()).doesNotContain(SECRET);
    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED.code());
  }

  @Test
  void aStandardLeavesTheOthersControlsAloneExceptARemedyItShares() throws IOException {
    Path file = describeOutput();
    Run run = Run.of("fix", "--no-config", "--standard", "ecsguard", file.toString());
    assertThat(run.out())
        .contains("removes ECS.20, ECSG.1; nothing left FAILED") // ECS.20's remedy fixes ECSG.1
        .doesNotContain("\"readonlyRootFilesystem\": true");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void whatASuppressionAcceptsOrTheUserSkipsIsLeftAsItIs() throws IOException {
    Path file = describeOutput();
    Path config =
        Files.writeString(
            dir.resolve("ecsguard.yml"),
            """
        suppressions:
          - control: ECS.4
            resource: "*task-definition/api:*"
            reason: "the proxy needs it (SEC-1)"
        """);
    Run run =
        Run.of(
            "fix",
            "--config",
            config.toString(),
            "--skip-controls",
            "ECS.8,ECS.17",
            "--log-region",
            "eu-west-1",
            file.toString());
    assertThat(run.out())
        .contains(
            "+      \"privileged\": true") // the file is rewritten as a whole, privileged kept
        .contains(
            "removes ECS.5, ECS.9, ECS.20, ECSG.1; nothing left FAILED; left alone as accepted: ECS.4")
        .contains(
            "left alone: ECS.4, suppressed for arn:aws:ecs:eu-west-1:123456789012:task-definition/api:7: the proxy needs it (SEC-1)")
        .doesNotContain("AWS_SECRET_ACCESS_KEY is a plain environment variable");
    assertThat(run.all()).doesNotContain(SECRET);
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void whatEcsWouldRefuseIsSaidAndRootIsNoChoiceOfUser() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("fargate.json"),
            """
        {"family": "f", "requiresCompatibilities": ["FARGATE"], "networkMode": "host", "containerDefinitions": [
          {"name": "a", "image": "x", "links": ["b"], "environment": [
            {"name": "AWS_ACCESS_KEY_ID", "value": "@@VALUE@@"}, {"name": "AWS_ACCESS_KEY_ID", "value": "@@VALUE@@"}]}]}
        """
                .replace("@@VALUE@@", SECRET));
    Run run =
        Run.of(
            "fix",
            "--write",
            "--log-region",
            "eu-west-1",
            "--allow-network-change",
            "--secret",
            "AWS_ACCESS_KEY_ID=arn:aws:ssm:eu-west-1:1:parameter/k",
            file.toString());
    assertThat(run.out())
        .contains(
            "to do: f: give the task an executionRoleArn, a role allowed to read the secrets and write the awslogs log group;"
                + " ECS refuses to register it without one")
        .contains("to do: f: container \"a\" has links, which awsvpc does not support");
    assertThat(Files.readString(file).split("arn:aws:ssm", -1))
        .hasSize(2); // one secret, though the variable was written twice
    assertThat(run.all()).doesNotContain(SECRET);

    Run root = Run.of("fix", "--user", "0:0", file.toString());
    assertThat(root.exitCode()).isEqualTo(ExitCode.ERROR.code());
    assertThat(root.err()).contains("--user must name a user other than root");
    Run badDigest = Run.of("fix", "--pin-image", "x=latest", file.toString());
    assertThat(badDigest.exitCode()).isEqualTo(ExitCode.ERROR.code());
    assertThat(badDigest.err()).contains("--pin-image x=DIGEST: the digest must be sha256:");
    assertThat(Run.of("fix", "-").err()).contains("fix edits files, so it reads no standard input");
  }

  @Test
  void writeMakesARegisterInputThatPassesAndASecondFixChangesNothing() throws IOException {
    Path file = describeOutput();
    Run run =
        Run.of(
            "fix",
            "--write",
            "--log-region",
            "eu-west-1",
            "--allow-network-change",
            "--keep-capabilities",
            "NET_BIND_SERVICE",
            "--secret",
            "AWS_SECRET_ACCESS_KEY=arn:aws:secretsmanager:eu-west-1:123456789012:secret:api",
            file.toString());
    assertThat(run.all()).doesNotContain(SECRET);
    assertThat(run.out()).contains("nothing left FAILED").contains("(written)");
    assertThat(run.exitCode()).isZero();
    String fixed = Files.readString(file);
    assertThat(fixed)
        .doesNotContain("taskDefinitionArn")
        .doesNotContain("\"revision\"")
        .doesNotContain("registeredBy")
        .contains("\"tags\"")
        .contains("\"valueFrom\": \"arn:aws:secretsmanager:eu-west-1:123456789012:secret:api\"")
        .contains("NET_BIND_SERVICE")
        .contains("\"networkMode\": \"awsvpc\"")
        .doesNotContain(SECRET);
    assertThat(Run.of("scan", file.toString()).exitCode())
        .as("the fixed file passes a scan")
        .isZero();
    Run again =
        Run.of("fix", "--log-region", "eu-west-1", "--allow-network-change", file.toString());
    assertThat(again.out()).startsWith("# ").contains("no finding removed; nothing left FAILED");
  }

  @Test
  void servicesClustersAndCapacityProvidersAreFixedInPlace() throws IOException {
    Path services =
        Files.writeString(
            dir.resolve("services.json"),
            """
        {"services": [{"serviceArn": "arn:aws:ecs:eu-west-1:1:service/c/web", "serviceName": "web", "launchType": "FARGATE",
          "platformVersion": "1.3.0", "networkConfiguration": {"awsvpcConfiguration": {"assignPublicIp": "ENABLED"}}, "tags": [{"key": "t", "value": "v"}]}]}
        """);
    Path cluster =
        Files.writeString(
            dir.resolve("cluster.json"),
            "{\"clusterName\": \"prod\", \"tags\": [{\"key\": \"t\", \"value\": \"v\"}]}");
    Path provider =
        Files.writeString(
            dir.resolve("cp.json"),
            """
        {"name": "asg", "autoScalingGroupProvider": {"autoScalingGroupArn": "arn", "managedScaling": {"status": "ENABLED"},
          "managedTerminationProtection": "DISABLED"}}
        """);
    Run run =
        Run.of("fix", "--write", services.toString(), cluster.toString(), provider.toString());
    assertThat(run.out())
        .contains("services.json: removes ECS.2, ECS.10; nothing left FAILED")
        .contains("cluster.json: removes ECS.12; nothing left FAILED")
        .contains("cp.json: removes ECS.19; nothing left FAILED");
    assertThat(run.exitCode()).isZero();
    assertThat(Files.readString(services))
        .contains("\"serviceArn\"")
        .contains("\"platformVersion\": \"LATEST\"");
  }

  @Test
  void anEscapedCredentialValueIsHiddenInTheDiffToo() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("esc.json"),
            "{\"family\": \"f\", \"containerDefinitions\": [{\"name\": \"a\", \"privileged\": true,"
                + " \"environment\": [{\"name\": \"AWS_SECRET_ACCESS_KEY\", \"value\": \"wJalr\\/K7MD\\u0045NGkey\"}]}]}");
    Run run = Run.of("fix", file.toString());
    assertThat(run.out())
        .contains("(value not shown)")
        .doesNotContain("K7MD")
        .doesNotContain("wJalr");
    // An escape the fixed file drops (\/) beside one it keeps (\"): the fixed file spells the value
    // a third way.
    Files.writeString(
        file,
        "{\"family\": \"f\", \"containerDefinitions\": [{\"name\": \"a\", \"privileged\": true,"
            + " \"environment\": [{\"name\": \"AWS_SECRET_ACCESS_KEY\", \"value\": \"SEKRET\\/\\\"x\"}]}]}");
    assertThat(Run.of("fix", file.toString()).all())
        .contains("(value not shown)")
        .doesNotContain("SEKRET");
  }

  @Test
  void aFieldOfTheWrongTypeLeavesThatFileAloneAndTheOthersAreFixed() throws IOException {
    Path odd =
        Files.writeString(
            dir.resolve("odd.json"),
            "{\"family\": \"f\", \"volumes\": null, \"containerDefinitions\": [{\"name\": \"a\"}]}");
    Path good =
        Files.writeString(
            dir.resolve("good.json"),
            "{\"family\": \"g\", \"containerDefinitions\": [{\"name\": \"a\", \"privileged\": true}]}");
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
    assertThat(run.err())
        .contains("svc.json: nothing ecsguard can fix")
        .contains("bad.json:2:1: malformed JSON");
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR.code());
  }

  private Path terraformModule() throws IOException {
    Files.writeString(dir.resolve("variables.tf"), "variable \"pv\" {\n  default = \"1.3.0\"\n}\n");
    return Files.writeString(
        dir.resolve("main.tf"),
        """
        resource "aws_ecs_task_definition" "api" {
          family                = "api"
          container_definitions = jsonencode([{ name = "api", image = "x:1", privileged = true,
            environment = [{ name = "AWS_SECRET_ACCESS_KEY", value = "@@VALUE@@" }] }])
          tags = { team = "a" }
        }

        resource "aws_ecs_task_definition" "worker" {
          family                = "worker"
          container_definitions = <<EOT
        [{"name": "w", "image": "x:1", "environment": [{"name": "AWS_ACCESS_KEY_ID", "value": "@@VALUE@@"}]}]
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
        """
            .replace("@@VALUE@@", SECRET));
  }

  @Test
  void terraformGetsADiffOfItsLiteralsAndStepsForTheRestAndIsNeverWritten() throws IOException {
    Path file = terraformModule();
    String before = Files.readString(file);
    Run run = Run.of("fix", "--write", "--log-region", "eu-west-1", file.toString());
    assertThat(Files.readString(file)).isEqualTo(before);
    assertThat(run.out())
        .contains(
            "+    assign_public_ip = false",
            "readonlyRootFilesystem = true",
            "\"readonlyRootFilesystem\": true")
        .contains(
            "to do: aws_ecs_service.api: set platform_version = \"LATEST\"; the value comes from var.pv ("
                + dir.resolve("variables.tf")
                + ":1)")
        .contains("removes ECS.2, ECS.4, ECS.5 ×2, ECS.9 ×2, ECS.20 ×2")
        .contains("still FAILED: ECS.8 ×2, ECS.10")
        .contains("(not written: .tf files change through your review and terraform plan/apply)");
    assertThat(run.all())
        .as("the credential, in jsonencode and in a heredoc")
        .doesNotContain(SECRET);
    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED.code());
  }

  @Test
  void aModuleTheRootCallsIsFixedAtTheCallNotAlsoAsARootWithItsDefaults() throws IOException {
    Path module = Files.createDirectories(dir.resolve("modules/svc"));
    Files.writeString(
        module.resolve("main.tf"),
        """
        variable "public" {
          default = false
        }

        resource "aws_ecs_service" "this" {
          name = "svc"
          network_configuration {
            subnets          = ["subnet-1"]
            assign_public_ip = var.public
          }
        }
        """);
    Files.writeString(
        dir.resolve("main.tf"),
        """
        provider "aws" {}

        module "svc" {
          source = "./modules/svc"
          public = true
        }
        """);
    Run run = Run.of("fix", dir.toString());
    assertThat(run.out())
        .contains("+  public = false")
        .contains("removes ECS.2")
        .doesNotContain("# " + module.resolve("main.tf"), "--- " + module.resolve("main.tf"));
    assertThat(run.err())
        .contains(
            module
                + ": a module another configuration here calls; its changes are suggested at"
                + " that call");
    Run alone = Run.of("fix", module.resolve("main.tf").toString());
    assertThat(alone.err()).doesNotContain("another configuration here calls");
  }

  @Test
  void terraformWithNothingLeftExitsZeroAndMalformedHclIsAnError() throws IOException {
    terraformModule();
    Run done =
        Run.of(
            "fix",
            "--tf-var",
            "pv=LATEST",
            "--secret",
            "AWS_SECRET_ACCESS_KEY=arn:aws:secretsmanager:eu-west-1:1:secret:a",
            "--secret",
            "AWS_ACCESS_KEY_ID=arn:aws:secretsmanager:eu-west-1:1:secret:b",
            "--log-region",
            "eu-west-1",
            dir.resolve("main.tf").toString());
    assertThat(done.out()).contains("nothing left FAILED").doesNotContain(SECRET);
    assertThat(done.exitCode()).isZero();
    Path broken =
        Files.writeString(
            Files.createDirectory(dir.resolve("broken")).resolve("x.tf"),
            "resource \"aws_ecs_cluster\" \"c\" {\n  name = \"c\n}\n");
    Run bad = Run.of("fix", broken.toString());
    assertThat(bad.err())
        .contains(broken + ":2:")
        .contains("malformed HCL")
        .doesNotContain("Exception");
    assertThat(bad.exitCode()).isEqualTo(ExitCode.ERROR.code());
  }

  private static final String TEMPLATE =
      """
      AWSTemplateFormatVersion: "2010-09-09"
      # The API stack: every comment here must survive a fix.
      Parameters:
        Prod:
          Type: String
          Default: "true"
          AllowedValues: ["true", "false"]
      Conditions:
        IsProd: !Equals [!Ref Prod, "true"]
      Resources:
        Cluster:
          Type: AWS::ECS::Cluster   # settings come later
          Properties:
            Tags:
              - Key: team
                Value: api
        Api:
          Type: AWS::ECS::TaskDefinition
          Properties:
            Family: api
            NetworkMode: awsvpc
            RequiresCompatibilities: [FARGATE]
            Cpu: "256"
            Memory: "512"
            ContainerDefinitions:
              - Name: app
                Image: public.ecr.aws/nginx/nginx:1.27   # pinned
                Privileged: true
                ReadonlyRootFilesystem: !If [IsProd, true, false]
                Environment:
                  - Name: LOG_LEVEL
                    Value: debug
                  - Name: AWS_SECRET_ACCESS_KEY
                    Value: '@@VALUE@@'
              - Name: worker
                Image: public.ecr.aws/nginx/nginx:1.27
                User: "1000"
                Environment: [{Name: AWS_ACCESS_KEY_ID, Value: "@@ESCAPED@@"}, {Name: ECS_ENGINE_AUTH_DATA, Value: @@VALUE@@}]
            Tags:
              - Key: team
                Value: api
        Service:
          Type: AWS::ECS::Service
          Properties:
            Cluster: !Ref Cluster
            TaskDefinition: !Ref Api
            LaunchType: FARGATE
            PlatformVersion: 1.3.0
            NetworkConfiguration:
              AwsvpcConfiguration:
                AssignPublicIp: ENABLED   # for the old NAT-less subnets
                Subnets: [subnet-0a1b2c3d]
            Tags: [{Key: team, Value: api}]
      """
          .replace("@@VALUE@@", SECRET)
          .replace("@@ESCAPED@@", "PLANTED\\x66ix" + SECRET.substring("PLANTEDfix".length()));

  @Test
  void aTemplateIsEditedInPlaceKeepingItsCommentsAndLintsCleanAndASecondFixChangesNothing()
      throws Exception {
    Path file = Files.writeString(dir.resolve("api.yaml"), TEMPLATE);
    Run run =
        Run.of(
            "fix",
            "--write",
            "--log-region",
            "eu-west-1",
            "--secret",
            "AWS_SECRET_ACCESS_KEY=arn:aws:secretsmanager:eu-west-1:1:secret:k",
            "--secret",
            "AWS_ACCESS_KEY_ID=arn:aws:secretsmanager:eu-west-1:1:secret:i",
            "--secret",
            "ECS_ENGINE_AUTH_DATA=arn:aws:secretsmanager:eu-west-1:1:secret:t",
            file.toString());
    assertThat(run.all()).doesNotContain(SECRET).doesNotContain("SECRET0123");
    assertThat(run.out())
        .contains(
            "api.yaml: removes ECS.2, ECS.4, ECS.5, ECS.8, ECS.9, ECS.10, ECS.12, ECS.20, ECS.21, ECSG.12; nothing left FAILED (written)");
    assertThat(run.exitCode()).isZero();
    String fixed = Files.readString(file);
    assertThat(fixed)
        .doesNotContain(SECRET)
        .contains("# The API stack: every comment here must survive a fix.\n")
        .contains("    Type: AWS::ECS::Cluster   # settings come later\n")
        .contains("          Image: public.ecr.aws/nginx/nginx:1.27   # pinned\n")
        .contains("          AssignPublicIp: DISABLED   # for the old NAT-less subnets\n")
        .contains("          ReadonlyRootFilesystem: true\n")
        .contains(
            "          Environment:\n            - Name: LOG_LEVEL\n              Value: debug\n          MountPoints:\n")
        .contains("          Environment: []\n")
        .contains("          Secrets:\n            - Name: AWS_SECRET_ACCESS_KEY\n");
    Process lint =
        new ProcessBuilder("cfn-lint", file.toString()).redirectErrorStream(true).start();
    String lintOutput = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    // cfn-lint's exit code is a bit mask: 2 for errors; warnings (4: IsProd is no longer used) are
    // fine.
    assertThat(lint.waitFor() & 2).as(lintOutput).isZero();
    Run again = Run.of("fix", "--write", "--log-region", "eu-west-1", file.toString());
    assertThat(again.out()).isEqualTo("# " + file + ": no finding removed; nothing left FAILED\n");
    assertThat(Files.readString(file)).isEqualTo(fixed);
  }

  @Test
  void aCredentialInATemplateNeverShowsHoweverItIsQuotedOrEscaped() throws IOException {
    Path file = Files.writeString(dir.resolve("api.template"), TEMPLATE);
    Run run = Run.of("fix", "--log-region", "eu-west-1", file.toString());
    assertThat(run.out())
        .contains("+          ReadonlyRootFilesystem: true")
        .contains("-          Privileged: true")
        .contains("(value not shown)")
        .contains("still FAILED: ECS.8\n")
        .contains(
            "to do: Api: container \"worker\": ECS_ENGINE_AUTH_DATA is a plain environment variable");
    assertThat(run.all())
        .doesNotContain(SECRET)
        .doesNotContain("SECRET0123")
        .doesNotContain("x66ix");
    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED.code());
    assertThat(Files.readString(file)).isEqualTo(TEMPLATE);
  }

  @Test
  void directoriesAreSearchedAsScanSearchesThemAndWhatHoldsNothingToFixIsSkipped()
      throws IOException {
    Path stack = Files.createDirectories(dir.resolve("stack"));
    Files.writeString(stack.resolve("api.yaml"), TEMPLATE);
    Files.writeString(stack.resolve("package.json"), "{\"name\": \"web\"}");
    Files.writeString(stack.resolve("main.tf"), "resource \"aws_ecs_cluster\" \"c\" {}\n");
    Files.writeString(stack.resolve("notes.txt"), "not an input");
    Files.writeString(
        stack.resolve("deployment.yaml"),
        "kind: Deployment\nmetadata:\n  name: {{ include \"web\" . }}\n"); // Helm, not
    // CloudFormation
    Path cluster =
        Files.writeString(
            Files.createDirectories(stack.resolve("json")).resolve("cluster.json"),
            "{\"clusterName\": \"c\", \"tags\": [{\"key\": \"t\", \"value\": \"v\"}]}");
    Run run = Run.of("fix", "--write", "--log-region", "eu-west-1", stack.toString());
    assertThat(run.out())
        .contains("api.yaml: removes")
        .contains("cluster.json: removes ECS.12; nothing left FAILED (written)")
        .doesNotContain("notes.txt");
    assertThat(run.err())
        .contains("package.json: nothing ecsguard can fix")
        .contains("deployment.yaml: YAML that is no CloudFormation template; skipped");
    // A one-line block gets a step rather than an edit.
    assertThat(run.out())
        .contains("main.tf: no finding removed; still FAILED: ECS.12, ECS.14")
        .contains(
            "to do: aws_ecs_cluster.c: add a block setting { name = \"containerInsights\" value = \"enabled\" }");
    assertThat(Files.readString(stack.resolve("main.tf")))
        .isEqualTo("resource \"aws_ecs_cluster\" \"c\" {}\n");
    assertThat(Files.readString(cluster)).contains("containerInsights");
    assertThat(run.exitCode()).as("ECS.8 is left in api.yaml").isEqualTo(ExitCode.FAILED.code());
    assertThat(Run.of("fix", dir.resolve("missing").toString()).exitCode())
        .isEqualTo(ExitCode.ERROR.code());
  }

  /** fix with {@code files} writing what it fixes, as Main runs it. */
  private static Run writingWith(AtomicFileWrite files, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Context context =
        new Context(
            InputStream.nullInputStream(),
            new PrintWriter(out),
            new PrintWriter(err),
            Map.of(),
            false,
            false);
    int code = new CommandLine(new FixCommand(context, files)).execute(args);
    context.out().flush();
    context.err().flush();
    return new Run(code, out.toString(), err.toString());
  }

  private Path privileged(String name) throws IOException {
    return Files.writeString(
        dir.resolve(name),
        "{\"family\": \"g\", \"containerDefinitions\": [{\"name\": \"a\", \"privileged\": true}]}\n");
  }

  @Test
  void aFullDiskLeavesTheFileAsItWasAndSaysSo() throws IOException {
    Path file = privileged("td.json");
    byte[] before = Files.readAllBytes(file);
    Run run =
        writingWith(
            new AtomicFileWrite(
                (channel, content) -> {
                  channel.write(content.slice(0, content.remaining() / 2));
                  throw new IOException("No space left on device");
                }),
            "--write",
            file.toString());
    assertThat(run.err()).isEqualTo(file + ": cannot write: no space left on device\n");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR.code());
  }

  @Test
  void anEditMadeWhileFixRanIsKeptAndTheFixNotWritten() throws IOException {
    Path file = privileged("td.json");
    Path other = privileged("other.json");
    String edited =
        "{\"family\": \"g\", \"containerDefinitions\": [{\"name\": \"edited meanwhile\"}]}\n";
    Run run =
        writingWith(
            new AtomicFileWrite(
                (channel, content) -> {
                  if (!Files.readString(file).equals(edited)) {
                    Files.writeString(
                        file,
                        edited); // the user saves the file in an editor while fix writes its own
                    // version
                  }
                  AtomicFileWrite.DEFAULT_WRITER.write(channel, content);
                }),
            "--write",
            file.toString(),
            other.toString());
    assertThat(run.err()).isEqualTo(file + ": changed while ecsguard was fixing it; not written\n");
    assertThat(Files.readString(file)).isEqualTo(edited);
    assertThat(Files.readString(other)).doesNotContain("privileged");
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR.code());
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aFifoAndADeviceAreRefusedAndTheOtherFilesAreFixed() throws Exception {
    Path fifo = dir.resolve("pipe.json");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor())
        .isZero();
    Path good = privileged("good.json");
    Run run = Run.of("fix", "--write", fifo.toString(), "/dev/zero", good.toString());
    assertThat(run.err())
        .isEqualTo(
            fifo
                + ": refused: a special file (a FIFO, socket or device), not a regular file\n"
                + "/dev/zero: refused: a special file (a FIFO, socket or device), not a regular file\n");
    assertThat(Files.readString(good)).doesNotContain("privileged");
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR.code());
  }

  @Test
  void ecsJsonWithAByteOrderMarkIsFixedAndKeepsTheMark() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("td.json"),
            "\uFEFF{\"family\": \"g\", \"containerDefinitions\": [{\"name\": \"a\", \"privileged\": true}]}\n");
    Path template =
        Files.writeString(
            dir.resolve("t.json"),
            "\uFEFF{\"Resources\": {\"C\": {\"Type\": \"AWS::ECS::Cluster\"}}}\n");
    // Edited in place, as written (one line), the mark kept
    assertThat(Run.of("fix", file.toString()).out())
        .contains("\n-{\"family\": \"g\", \"containerDefinitions\"")
        .contains(
            "\n+{\"family\": \"g\", \"containerDefinitions\": [{\"name\": \"a\", \"readonlyRootFilesystem\": true");
    Run run = Run.of("fix", "--write", file.toString(), template.toString());
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("td.json: removes ECS.4").contains("t.json: removes ECS.12");
    assertThat(Files.readString(file))
        .startsWith("\uFEFF{\"family\": \"g\"")
        .doesNotContain("privileged");
    assertThat(Files.readString(template))
        .startsWith("\uFEFF{\"Resources\"")
        .contains("containerInsights");
    assertThat(Run.of("scan", file.toString(), template.toString()).exitCode())
        .as("scan reads what fix wrote")
        .isNotEqualTo(ExitCode.ERROR.code());
  }
}
