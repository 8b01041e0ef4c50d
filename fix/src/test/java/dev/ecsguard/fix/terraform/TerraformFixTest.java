package dev.ecsguard.fix.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsguard.control.Consent;
import dev.ecsguard.control.RemedyOptions;
import dev.ecsguard.fix.shared.FixResult;
import dev.ecsguard.format.terraform.TerraformVariables;
import dev.ecsguard.tree.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Terraform source: literals edited where they are written, everything else said as a step naming
 * its source.
 */
class TerraformFixTest {
  private static final String SECRET = "PLANTEDtfSECRETvalue42";
  private static final RemedyOptions DEFAULTS =
      new RemedyOptions("1000:1000", List.of(), "eu-west-1", Map.of(), false);
  private static final RemedyOptions ALL =
      new RemedyOptions(
          "1000:1000",
          List.of(),
          "eu-west-1",
          Map.of("AWS_SECRET_ACCESS_KEY", "arn:aws:secretsmanager:eu-west-1:1:secret:k"),
          true);

  @TempDir Path dir;

  private FixResult fix(String text, RemedyOptions options) throws IOException, InputException {
    Path file = Files.writeString(dir.resolve("main.tf"), text);
    return TerraformFix.fix(dir, file, text, options, TerraformVariables.NONE);
  }

  /** Fixes, then fixes the suggested text again: the second suggestion must be empty. */
  private FixResult fixTwice(String text, RemedyOptions options)
      throws IOException, InputException {
    FixResult first = fix(text, options);
    FixResult second = fix(first.fixed(), options);
    assertThat(second.diff()).as("a second fix of the suggested text").isEmpty();
    assertThat(second.removed()).isEmpty();
    return first;
  }

  @Test
  void literalAttributesAndNestedBlocksAreEditedWhereTheyAreWritten() throws Exception {
    FixResult result =
        fixTwice(
            """
        resource "aws_ecs_service" "api" {
          name             = "api"
          launch_type      = "FARGATE"
          platform_version = "1.3.0" # pinned
          network_configuration {
            subnets          = ["s"]
            assign_public_ip = true
          }
          tags = { team = "a" }
        }

        resource "aws_ecs_cluster" "main" {
          name = "main"
          tags = { team = "a" }
        }

        resource "aws_ecs_capacity_provider" "asg" {
          name = "asg"
          auto_scaling_group_provider {
            auto_scaling_group_arn = "arn"
            managed_scaling {
              status = "ENABLED"
            }
            managed_termination_protection = "DISABLED"
          }
        }
        """,
            DEFAULTS);
    assertThat(result.diff())
        .contains(
            "+  platform_version = \"LATEST\" # pinned",
            "+    assign_public_ip = false",
            "+  setting {\n+    name  = \"containerInsights\"\n+    value = \"enabled\"\n+  }",
            "+    managed_termination_protection = \"ENABLED\"");
    assertThat(result.removed()).containsOnlyKeys("ECS.2", "ECS.10", "ECS.12", "ECS.19");
    assertThat(result.remaining()).isEmpty();
  }

  /**
   * The fix reads what the scan reads (TerraformAttributes): Fargate named by a capacity provider
   * strategy is Fargate to both.
   */
  @Test
  void containersNamedInAnotherCaseGetStepsNotEditsBesideTheirOwnNames() throws Exception {
    // The provider reads Privileged as privileged; an edit writing privileged beside it would
    // leave two names for one field.
    FixResult result =
        fix(
            """
            resource "aws_ecs_task_definition" "api" {
              family = "api"
              container_definitions = jsonencode([
                { Name = "api", Image = "nginx:1.27", Privileged = true },
              ])
              tags = { team = "a" }
            }
            """,
            DEFAULTS);
    assertThat(result.diff()).isEmpty();
    assertThat(result.instructions())
        .anySatisfy(
            step ->
                assertThat(step)
                    .contains("container_definitions names its fields in another case"));
  }

  @Test
  void stepsNameATaskDefinitionByItsAddressOnce() throws Exception {
    FixResult result =
        fix(
            """
            resource "aws_ecs_task_definition" "api" {
              family = "api-${var.env}"
              container_definitions = jsonencode([
                { name = "api", image = "nginx", readonlyRootFilesystem = true, user = "1000" },
              ])
            }
            """,
            DEFAULTS);
    assertThat(result.instructions())
        .anySatisfy(step -> assertThat(step).startsWith("aws_ecs_task_definition.api: add tags"))
        .anySatisfy(
            step ->
                assertThat(step)
                    .startsWith("aws_ecs_task_definition.api: container \"api\" runs the image"));
  }

  @Test
  void theFixSeesEveryFieldTheScanReads() throws Exception {
    FixResult result =
        fixTwice(
            """
        resource "aws_ecs_service" "api" {
          name             = "api"
          platform_version = "1.3.0"
          capacity_provider_strategy {
            capacity_provider = "FARGATE_SPOT"
            weight            = 1
          }
          tags = { team = "a" }
        }

        resource "aws_ecs_task_set" "blue" {
          service          = "api"
          platform_version = "1.3.0"
          capacity_provider_strategy {
            capacity_provider = "FARGATE"
            weight            = 1
          }
          network_configuration {
            subnets          = ["s"]
            assign_public_ip = true
          }
        }
        """,
            DEFAULTS);
    assertThat(result.diff())
        .contains("+  platform_version = \"LATEST\"", "+    assign_public_ip = false");
    assertThat(result.removed()).containsKeys("ECS.10");
    assertThat(result.remaining()).isEmpty();
  }

  @Test
  void jsonencodeIsEditedMemberByMemberInItsOwnSyntax() throws Exception {
    FixResult result =
        fixTwice(
            """
        resource "aws_ecs_task_definition" "api" {
          family       = "api"
          network_mode = "host"
          container_definitions = jsonencode([
            {
              name       = "api"
              image      = "nginx:1.27"
              privileged = true
              environment = [
                { name = "DB_HOST", value = "db" },
                { name = "AWS_SECRET_ACCESS_KEY", value = "%s" },
              ]
              mountPoints = [{ sourceVolume = "data", containerPath = "/data" }]
            },
          ])
          volume {
            name = "data"
            efs_volume_configuration {
              file_system_id = "fs-1"
            }
          }
          tags = { team = "a" }
        }
        """
                .formatted(SECRET),
            ALL);
    assertThat(result.diff())
        .contains(
            "-      privileged = true",
            "+      readonlyRootFilesystem = true",
            "+      user = \"1000:1000\"",
            "-        { name = \"AWS_SECRET_ACCESS_KEY\", value = \"(value not shown)\" },",
            "+      secrets = [{ name = \"AWS_SECRET_ACCESS_KEY\", valueFrom = \"arn:aws:secretsmanager:eu-west-1:1:secret:k\" }]",
            "+      mountPoints = [{ sourceVolume = \"data\", containerPath = \"/data\" }, { sourceVolume = \"tmp\", containerPath = \"/tmp\" }]",
            "+      transit_encryption = \"ENABLED\"",
            "+  network_mode = \"awsvpc\"",
            "+  volume {\n+    name = \"tmp\"\n+  }",
            "\"awslogs-group\" = \"/ecs/api\"");
    assertThat(result.diff() + result.instructions()).doesNotContain(SECRET);
    assertThat(result.remaining()).isEmpty();
  }

  @Test
  void forbiddenCapabilitiesAreAStepNamingTheElementToRemove() throws Exception {
    String module =
        """
        resource "aws_ecs_task_definition" "api" {
          family = "api"
          container_definitions = jsonencode([
            { name = "api", image = "nginx:1.27", user = "1000", readonlyRootFilesystem = true,
              logConfiguration = { logDriver = "awslogs" },
              linuxParameters = { capabilities = { add = ["CHOWN", "SYS_ADMIN"] } } },
          ])
          tags = { team = "a" }
        }
        """;
    FixResult step = fix(module, DEFAULTS);
    assertThat(step.diff()).isEmpty();
    assertThat(step.instructions())
        .singleElement()
        .asString()
        .contains("container \"api\"", "SYS_ADMIN", "--allow-capability-drop");
    // an element of a list is not removed from the source: a step says which, where it is written
    FixResult dropped = fix(module, DEFAULTS.allowing(List.of(Consent.CAPABILITY_DROP)));
    assertThat(dropped.diff()).isEmpty();
    assertThat(dropped.instructions())
        .singleElement()
        .asString()
        .contains(
            "container \"api\": remove element 1 from linuxParameters.capabilities.add",
            "main.tf:6:");
  }

  @Test
  void hostDevicesGoWithConsentAndAWeakeningOptionIsAStepNamingTheElement() throws Exception {
    String module =
        """
        resource "aws_ecs_task_definition" "api" {
          family = "api"
          container_definitions = jsonencode([
            { name = "api", image = "nginx:1.27", user = "1000", readonlyRootFilesystem = true,
              logConfiguration = { logDriver = "awslogs" },
              linuxParameters = { initProcessEnabled = true, devices = [{ hostPath = "/dev/fuse" }] },
              dockerSecurityOptions = ["no-new-privileges:true", "seccomp=unconfined"] },
          ])
          tags = { team = "a" }
        }
        """;
    FixResult steps = fix(module, DEFAULTS);
    assertThat(steps.diff()).isEmpty();
    assertThat(steps.instructions())
        .anySatisfy(step -> assertThat(step).contains("/dev/fuse", "--allow-device-removal"))
        .anySatisfy(
            step ->
                assertThat(step).contains("seccomp=unconfined", "--allow-security-option-removal"));
    FixResult removed =
        fixTwice(
            module,
            DEFAULTS.allowing(List.of(Consent.DEVICE_REMOVAL, Consent.SECURITY_OPTION_REMOVAL)));
    assertThat(removed.fixed()).doesNotContain("/dev/fuse").contains("initProcessEnabled = true");
    assertThat(removed.removed()).containsEntry("ECSG.9", 1);
    // an element of a list is not removed from the source: a step says which, where it is written
    assertThat(removed.instructions())
        .singleElement()
        .asString()
        .contains("remove element 1 from dockerSecurityOptions", "main.tf:7:");
  }

  @Test
  void anImageIsPinnedWhereItIsWrittenOnlyToTheDigestGivenForIt() throws Exception {
    String digest = "sha256:" + "0123456789abcdef".repeat(4);
    String module =
        """
        resource "aws_ecs_task_definition" "api" {
          family = "api"
          container_definitions = jsonencode([
            { name = "api", image = "nginx", user = "1000", readonlyRootFilesystem = true,
              logConfiguration = { logDriver = "awslogs" } },
          ])
          tags = { team = "a" }
        }
        """;
    FixResult step = fix(module, DEFAULTS);
    assertThat(step.diff()).isEmpty();
    assertThat(step.instructions())
        .singleElement()
        .asString()
        .contains("container \"api\"", "\"nginx\"", "--pin-image nginx=sha256:DIGEST");
    FixResult pinned = fixTwice(module, DEFAULTS.withPinnedImages(Map.of("nginx", digest)));
    assertThat(pinned.diff()).contains("+    { name = \"api\", image = \"nginx@" + digest + "\"");
    assertThat(pinned.removed()).containsOnlyKeys("ECSG.7");
    assertThat(pinned.remaining()).isEmpty();
  }

  @Test
  void literalsInAComputedValueUnderASecretLikeNameAreHidden() throws Exception {
    FixResult result =
        fix(
            """
        locals {
          db_password = lower("LocalLowerPassword1")
        }
        resource "aws_ecs_task_definition" "api" {
          family = "api"
          container_definitions = jsonencode([
            {
              name       = "api"
              image      = "nginx"
              environment = [
                { name = "DB_PASSWORD", value = lower("UPPERCASEPASSWORD1") },
                { name = "API_TOKEN", value = "Tok${"enConcat"}Value1" },
                { name = "APP_SECRET", value = "${upper("mixedcasesecret1")}" },
                { name = "ADMIN_PASSWORD", value = "Pfx%{ if true }IfDirSecret1%{ endif }" },
                { name = "MODE", value = lower("VisibleMode") },
              ]
              dockerLabels = { password = lower("LabelLowerPw9"), team = lower("DataTeam") }
              privileged = true
            },
          ])
        }
        """,
            DEFAULTS);
    assertThat(result.diff())
        .contains("privileged = true", "VisibleMode", "DataTeam", "(value not shown)");
    for (String secret :
        List.of(
            "LocalLowerPassword1",
            "UPPERCASEPASSWORD1",
            "enConcat",
            "Value1",
            "mixedcasesecret1",
            "IfDirSecret1",
            "LabelLowerPw9")) {
      assertThat(result.diff() + result.instructions()).as(secret).doesNotContain(secret);
    }
  }

  @Test
  void aHeredocOrQuotedJsonStringIsWrittenAgainAsJson() throws Exception {
    FixResult heredoc =
        fixTwice(
            """
        resource "aws_ecs_task_definition" "worker" {
          family                = "worker"
          container_definitions = <<-EOT
            [
              {
                "name": "worker",
                "user": "root",
                "environment": [
                  {
                    "name": "AWS_SECRET_ACCESS_KEY",
                    "value": "%s"
                  }
                ]
              }
            ]
          EOT
          tags = { team = "a" }
        }
        """
                .formatted(SECRET),
            DEFAULTS);
    assertThat(heredoc.diff())
        .contains(
            "-        \"user\": \"root\",",
            "+        \"user\": \"1000:1000\",",
            "+        \"readonlyRootFilesystem\": true,")
        .doesNotContain(SECRET);
    assertThat(heredoc.instructions())
        .anySatisfy(
            step ->
                assertThat(step).contains("AWS_SECRET_ACCESS_KEY is a plain environment variable"));
    assertThat(heredoc.remaining()).containsOnlyKeys("ECS.8");

    String escaped =
        "[{\\\"name\\\": \\\"a\\\", \\\"environment\\\": [{\\\"name\\\": \\\"AWS_SECRET_ACCESS_KEY\\\", \\\"value\\\": \\\""
            + SECRET
            + "\\\"}]}]";
    FixResult quoted =
        fixTwice(
            """
        resource "aws_ecs_task_definition" "q" {
          family                = "q"
          container_definitions = "%s"
          tags                  = { team = "a" }
        }
        """
                .formatted(escaped),
            DEFAULTS);
    assertThat(quoted.diff())
        .contains("\\\"readonlyRootFilesystem\\\":true")
        .doesNotContain(SECRET);
  }

  @Test
  void valuesFromVariablesLocalsAndFilesBecomeStepsNamingTheirSource() throws Exception {
    Files.writeString(
        dir.resolve("variables.tf"),
        """
        variable "mode" {
          default = "host"
        }
        locals {
          shared = [{ name = "shared", image = "x" }]
        }
        """);
    Files.writeString(dir.resolve("api.json"), "[{\"name\": \"from-file\", \"image\": \"x\"}]");
    FixResult result =
        fix(
            """
        resource "aws_ecs_task_definition" "a" {
          family                = "a"
          network_mode          = var.mode
          container_definitions = file("api.json")
          tags                  = { team = "a" }
        }

        resource "aws_ecs_task_definition" "b" {
          family                = "b"
          container_definitions = jsonencode(local.shared)
          tags                  = { team = "a" }
        }
        """,
            ALL);
    assertThat(result.instructions())
        .contains(
            "aws_ecs_task_definition.a: set network_mode = \"awsvpc\"; the value comes from var.mode ("
                + dir.resolve("variables.tf")
                + ":1)",
            "aws_ecs_task_definition.a: container \"from-file\": set readonlyRootFilesystem = true; container_definitions comes from the file "
                + dir.resolve("api.json")
                + " (file())",
            "aws_ecs_task_definition.b: container \"shared\": set readonlyRootFilesystem = true; container_definitions comes from local.shared ("
                + dir.resolve("variables.tf")
                + ":5)");
    assertThat(result.diff())
        .contains("+  volume {")
        .doesNotContain("+  network_mode")
        .doesNotContain("readonlyRootFilesystem");
    assertThat(result.remaining()).containsKeys("ECS.5", "ECS.17");
  }

  @Test
  void aLocalOfThisFileIsEditedWhereItIsWritten() throws Exception {
    FixResult result =
        fixTwice(
            """
        locals {
          containers = [
            {
              name  = "api"
              image = "x:1"
            }
          ]
        }

        resource "aws_ecs_task_definition" "api" {
          family                = "api"
          container_definitions = jsonencode(local.containers)
          tags                  = { team = "a" }
        }
        """,
            DEFAULTS);
    assertThat(result.diff())
        .contains("       image = \"x:1\"\n+      readonlyRootFilesystem = true");
    assertThat(result.remaining()).isEmpty();
  }

  @Test
  void aValueTheSourceDoesNotGiveIsNeverGuessedAndAWrongTypeLeavesItsResourceAlone()
      throws Exception {
    FixResult result =
        fix(
            """
        variable "ro" {}

        resource "aws_ecs_task_definition" "api" {
          family                = "api"
          container_definitions = jsonencode([{ name = "api", image = "x", user = "1000", readonlyRootFilesystem = var.ro,
            logConfiguration = { logDriver = "awslogs" } }])
          volume = "not a block"
          tags   = { team = "a" }
        }

        resource "aws_ecs_service" "api" {
          name             = "api"
          platform_version = "1.3.0"
          launch_type      = "FARGATE"
          network_configuration {
            assign_public_ip = aws_subnet.public.map_public_ip_on_launch
          }
          tags = { team = "a" }
        }
        """,
            DEFAULTS);
    assertThat(result.instructions())
        .containsExactly(
            "aws_ecs_task_definition.api: left unchanged: volume is string, not a block");
    assertThat(result.diff())
        .contains("+  platform_version = \"LATEST\"")
        .doesNotContain("+    assign_public_ip");
  }

  @Test
  void anUnknownMemberIsSaidWithWhyItIsUnknown() throws Exception {
    FixResult result =
        fix(
            """
        variable "ro" {}

        resource "aws_ecs_task_definition" "api" {
          family                = "api"
          container_definitions = jsonencode([{ name = "api", image = "x:1", user = "1000", readonlyRootFilesystem = var.ro,
            logConfiguration = { logDriver = "awslogs" } }])
          tags = { team = "a" }
        }
        """,
            DEFAULTS);
    assertThat(result.instructions())
        .singleElement()
        .asString()
        .startsWith(
            "aws_ecs_task_definition.api: container \"api\": set readonlyRootFilesystem = true; readonlyRootFilesystem comes from var.ro (")
        .contains("ecsguard cannot read it: var.ro has no default");
  }

  @Test
  void malformedHclIsTheScannersOneLineError() throws Exception {
    assertThatThrownBy(() -> fix("resource \"aws_ecs_service\" \"a\" {\n  name = \n}\n", DEFAULTS))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("main.tf:2:")
        .hasMessageContaining("malformed HCL");
  }

  @Test
  void aFileWithoutEcsResourcesHasNothingToFix() throws Exception {
    assertThat(fix("variable \"x\" {}\n", DEFAULTS).fixed()).isNull();
  }

  private void module(String path, String main, String variables) throws IOException {
    Path module = Files.createDirectories(dir.resolve(path));
    Files.writeString(module.resolve("main.tf"), main);
    Files.writeString(module.resolve("variables.tf"), variables);
  }

  private static final String SERVICE_MODULE =
      """
      resource "aws_ecs_service" "this" {
        name             = "svc"
        launch_type      = "FARGATE"
        platform_version = var.platform_version
        network_configuration {
          subnets          = ["s"]
          assign_public_ip = var.assign_public_ip
        }
        tags = { team = "a" }
      }
      """;

  private static final String SERVICE_VARIABLES =
      """
      variable "assign_public_ip" {
        default = false
      }

      variable "platform_version" {
        type    = string
        default = "1.3.0"
      }
      """;

  @Test
  void inACalledModuleTheCallersLiteralArgumentIsEditedAndADefaultIsAStepNamingItsLine()
      throws Exception {
    module("modules/svc", SERVICE_MODULE, SERVICE_VARIABLES);
    String moduleText = Files.readString(dir.resolve("modules/svc/main.tf"));
    FixResult result =
        fixTwice(
            """
            module "svc" {
              source           = "./modules/svc"
              assign_public_ip = true
            }
            """,
            DEFAULTS);
    assertThat(result.fixed()).contains("assign_public_ip = false").doesNotContain("true");
    assertThat(result.removed()).containsEntry("ECS.2", 1);
    assertThat(result.instructions())
        .singleElement()
        .asString()
        .isEqualTo(
            "module.svc.aws_ecs_service.this: set platform_version = \"LATEST\"; the value comes"
                + " from the default of var.platform_version ("
                + dir.resolve("modules/svc/variables.tf")
                + ":7), as module.svc ("
                + dir.resolve("main.tf")
                + ":1) does not pass platform_version; set platform_version in that call, or"
                + " change the default for every caller of the module");
    assertThat(Files.readString(dir.resolve("modules/svc/main.tf"))).isEqualTo(moduleText);
  }

  @Test
  void throughANestedModuleChainTheRootsLiteralIsEditedAndAModulesOwnLiteralIsAStep()
      throws Exception {
    module("modules/svc", SERVICE_MODULE, SERVICE_VARIABLES);
    module(
        "modules/outer",
        """
        module "svc" {
          source           = "../svc"
          assign_public_ip = var.public
          platform_version = "1.3.0"
        }
        """,
        """
        variable "public" {
          type = bool
        }
        """);
    FixResult result =
        fixTwice(
            """
            module "outer" {
              source = "./modules/outer"
              public = true
            }
            """,
            DEFAULTS);
    assertThat(result.fixed()).contains("public = false");
    assertThat(result.instructions())
        .singleElement()
        .asString()
        .isEqualTo(
            "module.outer.module.svc.aws_ecs_service.this: set platform_version = \"LATEST\"; the"
                + " value comes from the argument platform_version of module.outer.module.svc ("
                + dir.resolve("modules/outer/main.tf")
                + ":4), in a module's file, which every caller of that module shares");
  }

  @Test
  void aValueACallerWorksOutIsAStepNamingTheExpressionAndAModulesLiteralIsNeverEdited()
      throws Exception {
    module(
        "modules/svc",
        SERVICE_MODULE.replace("var.platform_version", "\"1.3.0\""),
        SERVICE_VARIABLES);
    FixResult result =
        fix(
            """
            locals {
              public = true
            }

            module "svc" {
              source           = "./modules/svc"
              assign_public_ip = !local.public ? false : true
            }
            """,
            DEFAULTS);
    assertThat(result.diff()).isEmpty();
    assertThat(result.instructions())
        .contains(
            "module.svc.aws_ecs_service.this: set platform_version = \"LATEST\"; it is written in"
                + " the module's file "
                + dir.resolve("modules/svc/main.tf")
                + ":4, which every caller of the module shares");
    assertThat(result.instructions())
        .anySatisfy(
            step ->
                assertThat(step)
                    .startsWith(
                        "module.svc.aws_ecs_service.this: set network_configuration[0].assign_public_ip ="
                            + " false; the value comes from the argument assign_public_ip of module.svc ("
                            + dir.resolve("main.tf")
                            + ":7), which comes from the expression at "
                            + dir.resolve("main.tf")
                            + ":7:"));
  }
}
