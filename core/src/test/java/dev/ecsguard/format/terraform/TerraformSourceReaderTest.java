package dev.ecsguard.format.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.Note;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.engine.Scanner;
import dev.ecsguard.engine.Selection;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Terraform source: what is evaluated, what stays unknown and why, and malformed HCL. */
class TerraformSourceReaderTest {
  @TempDir Path module;

  private ScanResult scan(Map<String, String> variables, String... controls) {
    return scan(TerraformVariables.of(variables), controls);
  }

  private ScanResult scan(TerraformVariables variables, String... controls) {
    ScanResult result = new ScanResult();
    new Scanner(
            Selection.of(List.of(controls), List.of(), Map.of()),
            InputLimits.DEFAULT,
            Map.of(),
            variables)
        .scan(List.of(module), result);
    return result;
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(module.resolve(name), text);
  }

  private static String taskDefinition(String privileged) {
    return """
        resource "aws_ecs_task_definition" "app" {
          family = "app"
          container_definitions = jsonencode([{
            name       = "app"
            privileged = %s
          }])
        }
        """
        .formatted(privileged);
  }

  private Finding only(ScanResult result) {
    assertThat(result.errors()).isEmpty();
    assertThat(result.findings()).hasSize(1);
    return result.findings().get(0);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "true",
        "var.on",
        "local.on",
        "var.mode == \"debug\"",
        "!var.off",
        "var.off || true",
        "lookup(var.flags, \"debug\", false)",
        "(var.mode != \"quiet\") && var.on",
        "var.flags[\"debug\"]",
        "var.list[1]",
        "coalesce(null, true)",
        "upper(\"TRUE\") == \"TRUE\""
      })
  void evaluatedExpressionsDecide(String expression) throws IOException {
    write(
        "variables.tf",
        """
        variable "on" { default = true }
        variable "off" { default = false }
        variable "mode" { default = "debug" }
        variable "flags" { default = { debug = true } }
        variable "list" { default = [false, true] }
        locals {
          on = var.on
        }
        """);
    write("main.tf", taskDefinition(expression));
    Finding finding = only(scan(Map.of(), "ECS.4"));
    assertThat(finding.status()).as(finding.message()).isEqualTo(Status.FAILED);
    assertThat(finding.location().line()).isEqualTo(5);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "var.missing|var.missing has no default (give it with --tf-var missing=VALUE or in terraform.tfvars)",
        "aws_ssm_parameter.flag.value|aws_ssm_parameter.flag.value is known only after apply",
        "each.value.privileged|each.value.privileged is known only for each instance of for_each",
        "data.aws_ssm_parameter.p.value|read from a data source",
        "module.flags.debug|an output of another module",
        "local.loop|local.loop refers to itself",
        "[for f in aws_s3_bucket.b.tags : f][0]|aws_s3_bucket.b.tags is known only after apply",
        "tobool(uuid())|uuid() is not evaluated by ecsguard",
        "var.missing ? true : false|var.missing has no default",
        "\"%{if true}true%{endif}\"|a string template with %{...} directives"
      })
  void whatSourceCannotTellIsUnknownAndSaysWhy(String caseText) throws IOException {
    String[] parts = caseText.split("\\|");
    write("main.tf", taskDefinition(parts[0]) + "\nlocals {\n  loop = local.loop\n}\n");
    Finding finding = only(scan(Map.of(), "ECS.4"));
    assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
    assertThat(finding.message()).contains(parts[1]);
  }

  @Test
  void givenValuesOverrideTfvarsWhichOverrideDefaults() throws IOException {
    write("variables.tf", "variable \"privileged\" {\n  default = false\n}\n");
    write("main.tf", taskDefinition("var.privileged"));
    assertThat(only(scan(Map.of(), "ECS.4")).status()).isEqualTo(Status.PASSED);
    write("terraform.tfvars", "privileged = true\n");
    assertThat(only(scan(Map.of(), "ECS.4")).status()).isEqualTo(Status.FAILED);
    write("z.auto.tfvars", "privileged = false # auto files come after terraform.tfvars\n");
    assertThat(only(scan(Map.of(), "ECS.4")).status()).isEqualTo(Status.PASSED);
    assertThat(only(scan(Map.of("privileged", "true"), "ECS.4")).status()).isEqualTo(Status.FAILED);
    assertThat(scan(Map.of("privileged", "true", "privileges", "x"), "ECS.4").notes())
        .extracting(Note::message)
        .containsExactly(
            "--tf-var privileges: this module declares no variable of that name; ignored here");
  }

  @Test
  void environmentValuesComeFirstAndNamedVariableFilesAfterTheModulesOwn(@TempDir Path elsewhere)
      throws IOException {
    write("variables.tf", "variable \"privileged\" {}\n");
    write("main.tf", taskDefinition("var.privileged"));
    Path production =
        Files.writeString(elsewhere.resolve("production.tfvars"), "privileged = true\n");
    Path staging =
        Files.writeString(elsewhere.resolve("staging.tfvars.json"), "{\"privileged\": false}");
    Map<String, String> environment = Map.of("privileged", "true");
    // TF_VAR_privileged alone
    assertThat(
            only(scan(new TerraformVariables(environment, List.of(), Map.of()), "ECS.4")).status())
        .isEqualTo(Status.FAILED);
    // under the module's terraform.tfvars
    write("terraform.tfvars", "privileged = false\n");
    assertThat(
            only(scan(new TerraformVariables(environment, List.of(), Map.of()), "ECS.4")).status())
        .isEqualTo(Status.PASSED);
    // named files over the module's own, a later one over an earlier one
    assertThat(
            only(scan(new TerraformVariables(environment, List.of(production), Map.of()), "ECS.4"))
                .status())
        .isEqualTo(Status.FAILED);
    assertThat(
            only(scan(
                    new TerraformVariables(environment, List.of(production, staging), Map.of()),
                    "ECS.4"))
                .status())
        .isEqualTo(Status.PASSED);
    // --tf-var over every file
    ScanResult given =
        scan(
            new TerraformVariables(
                environment, List.of(production, staging), Map.of("privileged", "true")),
            "ECS.4");
    assertThat(only(given).status()).isEqualTo(Status.FAILED);
    // a variable of the environment that no module declares is no concern of the scan
    assertThat(
            scan(new TerraformVariables(Map.of("unrelated", "x"), List.of(), Map.of()), "ECS.4")
                .notes())
        .isEmpty();
  }

  @Test
  void aNamedVariableFileThatCannotBeParsedIsAnErrorOfThatFile(@TempDir Path elsewhere)
      throws IOException {
    write("variables.tf", "variable \"privileged\" {\n  default = false\n}\n");
    write("main.tf", taskDefinition("var.privileged"));
    Path broken = Files.writeString(elsewhere.resolve("broken.tfvars"), "privileged = \n");
    ScanResult result = scan(new TerraformVariables(Map.of(), List.of(broken), Map.of()), "ECS.4");
    assertThat(result.errors()).singleElement().asString().contains("broken.tfvars");
  }

  @Test
  void jsonVariableFilesAreReadInTerraformsOrder() throws IOException {
    write("variables.tf", "variable \"privileged\" {}\nvariable \"user\" {}\n");
    write(
        "main.tf",
        """
        resource "aws_ecs_task_definition" "app" {
          family                = "app"
          container_definitions = jsonencode([{ name = "app", privileged = var.privileged, user = var.user }])
        }
        """);
    write("terraform.tfvars", "privileged = false\nuser = \"0\"\n");
    // terraform.tfvars.json comes after terraform.tfvars; its strings are never templates
    write("terraform.tfvars.json", "{\"privileged\": true, \"user\": \"${root}\"}");
    assertThat(only(scan(Map.of(), "ECS.4")).status()).isEqualTo(Status.FAILED);
    assertThat(only(scan(Map.of(), "ECS.20")).status()).isEqualTo(Status.PASSED);
    // *.auto.tfvars and *.auto.tfvars.json come last, in name order
    write("a.auto.tfvars.json", "{\"privileged\": false}");
    assertThat(only(scan(Map.of(), "ECS.4")).status()).isEqualTo(Status.PASSED);
    write("b.auto.tfvars", "privileged = true\n");
    assertThat(only(scan(Map.of(), "ECS.4")).status()).isEqualTo(Status.FAILED);
    write("c.auto.tfvars.json", "[true]");
    assertThat(scan(Map.of(), "ECS.4").errors())
        .singleElement()
        .asString()
        .contains(
            "c.auto.tfvars.json",
            "a JSON variable file holds an object"); // Malformed, it is both an unreadable JSON
    // input and unreadable variables: said once.
    write("c.auto.tfvars.json", "{\"privileged\": ");
    assertThat(scan(Map.of(), "ECS.4").errors())
        .singleElement()
        .asString()
        .contains("c.auto.tfvars.json", "malformed JSON");
  }

  @Test
  void containerDefinitionsFromAHeredocAFileOrATemplateFileAreReadAsJson() throws IOException {
    write("containers.json", "[{\"name\": \"file\", \"privileged\": true}]");
    write("containers.json.tpl", "[{\"name\": \"${name}\", \"privileged\": ${privileged}}]");
    write(
        "main.tf",
        """
        resource "aws_ecs_task_definition" "heredoc" {
          family                = "heredoc"
          container_definitions = <<-EOT
            [{"name": "heredoc", "privileged": true}]
          EOT
        }
        resource "aws_ecs_task_definition" "file" {
          family                = "file"
          container_definitions = file("${path.module}/containers.json")
        }
        resource "aws_ecs_task_definition" "template" {
          family                = "template"
          container_definitions = templatefile("containers.json.tpl", { name = "tpl", privileged = true })
        }
        """);
    ScanResult result = scan(Map.of(), "ECS.4");
    assertThat(result.errors()).isEmpty();
    assertThat(result.findings())
        .extracting(
            finding ->
                finding.resourceId() + " " + finding.status() + " " + finding.location().line())
        .containsExactly(
            "aws_ecs_task_definition.heredoc FAILED 3",
            "aws_ecs_task_definition.file FAILED 9",
            "aws_ecs_task_definition.template FAILED 13");
  }

  @Test
  void aHeredocWithUnknownInterpolationsIsStillReadForWhatItWritesLiterally() throws IOException {
    write(
        "containers.json.tpl",
        "[{\"name\": \"app\", \"image\": \"${image}\", \"privileged\": true}]");
    write(
        "main.tf",
        """
        variable "region" {}
        resource "aws_ecs_task_definition" "heredoc" {
          family                = "heredoc"
          container_definitions = <<-EOT
            [{
              "name": "app",
              "image": "${aws_ecr_repository.app.repository_url}:latest",
              "privileged": true,
              "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-region": "${var.region}"}}
            }]
          EOT
        }
        resource "aws_ecs_task_definition" "template" {
          family                = "template"
          container_definitions = templatefile("containers.json.tpl", { image = var.region })
        }
        resource "aws_ecs_task_definition" "unknown_flag" {
          family                = "unknown_flag"
          container_definitions = <<-EOT
            [{"name": "app", "privileged": ${var.region}}]
          EOT
        }
        """);
    ScanResult result = scan(Map.of(), "ECS.4", "ECS.9", "ECSG.7");
    assertThat(result.errors()).isEmpty();
    assertThat(result.findings())
        .extracting(
            finding -> finding.resourceId() + " " + finding.control().id() + " " + finding.status())
        .containsExactly(
            "aws_ecs_task_definition.heredoc ECS.4 FAILED",
            "aws_ecs_task_definition.heredoc ECS.9 PASSED",
            "aws_ecs_task_definition.heredoc ECSG.7 FAILED",
            "aws_ecs_task_definition.template ECS.4 FAILED",
            "aws_ecs_task_definition.template ECS.9 FAILED",
            "aws_ecs_task_definition.template ECSG.7 UNKNOWN",
            "aws_ecs_task_definition.unknown_flag ECS.4 UNKNOWN",
            "aws_ecs_task_definition.unknown_flag ECS.9 FAILED",
            "aws_ecs_task_definition.unknown_flag ECSG.7 PASSED");
  }

  @Test
  void aTemplateFileDataSourceIsRenderedAsTheTemplateProviderRendersIt() throws IOException {
    write(
        "app.json.tpl",
        "[{\"name\": \"app\", \"image\": \"${image}\", \"privileged\": ${privileged}}]");
    write(
        "main.tf",
        """
        variable "privileged" { default = true }
        data "template_file" "app" {
          template = file("${path.module}/app.json.tpl")
          vars = {
            image      = aws_ecr_repository.app.repository_url
            privileged = var.privileged
          }
        }
        resource "aws_ecs_task_definition" "app" {
          family                = "app"
          container_definitions = data.template_file.app.rendered
        }
        """);
    assertThat(only(scan(Map.of(), "ECS.4")).status()).isEqualTo(Status.FAILED);
    assertThat(only(scan(Map.of("privileged", "false"), "ECS.4")).status())
        .isEqualTo(Status.PASSED);
    assertThat(only(scan(Map.of(), "ECSG.7")).status()).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void containerDefinitionFieldsAreMatchedInAnyCaseAsTheProviderDecodesThem() throws IOException {
    // Go's JSON decoding, which the provider uses, matches "Privileged" and readOnlyRootFilesystem
    // to the SDK's fields; Docker labels are the user's own keys, kept as written.
    write(
        "main.tf",
        """
        resource "aws_ecs_task_definition" "pascal" {
          family                = "pascal"
          container_definitions = jsonencode([{
            Name                   = "app"
            Privileged             = true
            readOnlyRootFilesystem = true
            USER                   = "1000"
            DockerLabels           = { Privileged = "false" }
          }])
        }
        resource "aws_ecs_task_definition" "string" {
          family                = "string"
          container_definitions = "[{\\"Name\\": \\"app\\", \\"Privileged\\": true}]"
        }
        """);
    ScanResult result = scan(Map.of(), "ECS.4", "ECS.5", "ECS.20");
    assertThat(result.errors()).isEmpty();
    assertThat(result.findings())
        .extracting(
            finding -> finding.resourceId() + " " + finding.control().id() + " " + finding.status())
        .containsExactlyInAnyOrder(
            "aws_ecs_task_definition.pascal ECS.4 FAILED",
            "aws_ecs_task_definition.pascal ECS.5 PASSED",
            "aws_ecs_task_definition.pascal ECS.20 PASSED",
            "aws_ecs_task_definition.string ECS.4 FAILED",
            "aws_ecs_task_definition.string ECS.5 FAILED",
            "aws_ecs_task_definition.string ECS.20 FAILED");
    // Names in another case are the provider's fields: no note for them
    assertThat(result.notes()).isEmpty();
  }

  @Test
  void containersJsonEncodedCompactedAndJoinedIntoATemplateAreRead() throws IOException {
    write(
        "main.tf",
        """
        locals {
          app     = jsonencode({ name = "app", image = "app:1", privileged = true })
          sidecar = ""
          defs    = "[${join(",", compact([local.app, local.sidecar]))}]"
        }
        resource "aws_ecs_task_definition" "joined" {
          family                = "joined"
          container_definitions = local.defs
        }
        """);
    assertThat(only(scan(Map.of(), "ECS.4")).status()).isEqualTo(Status.FAILED);
  }

  @Test
  void anEcsResourceDeclaredTwiceIsNotedAndBothAreChecked() throws IOException {
    write("a.tf", "resource \"aws_ecs_cluster\" \"c\" {\n  name = \"c\"\n}\n");
    write("b.tf", "resource \"aws_ecs_cluster\" \"c\" {\n  name = \"d\"\n}\n");
    ScanResult result = scan(Map.of(), "ECS.12");
    assertThat(result.findings()).hasSize(2);
    assertThat(result.notes())
        .extracting(Note::message)
        .containsExactly(
            "aws_ecs_cluster.c is declared twice (a.tf:1 and b.tf:1), which Terraform refuses;"
                + " ecsguard checks each block, both under that address");
  }

  @Test
  void aContainerMemberThatIsNoFieldIsNotedAsTheProviderDropsIt() throws IOException {
    write(
        "main.tf",
        """
        resource "aws_ecs_task_definition" "typo" {
          family                = "typo"
          container_definitions = jsonencode([{ name = "app", image = "app:1", privilege = true }])
        }
        """);
    ScanResult result = scan(Map.of(), "ECS.4");
    assertThat(only(result).status()).isEqualTo(Status.PASSED);
    assertThat(result.notes())
        .extracting(Note::message)
        .singleElement()
        .asString()
        .startsWith(
            "aws_ecs_task_definition.typo: container \"app\": privilege is no field of an ECS"
                + " container definition (misspelt?), so ecsguard reads it as absent");
  }

  @Test
  void dynamicBlocksAndProviderDefaultTagsThatAreUnknownMakeTheirControlsUnknown()
      throws IOException {
    write(
        "main.tf",
        """
        provider "aws" {
          default_tags {
            tags = var.default_tags
          }
        }
        resource "aws_ecs_task_definition" "app" {
          family = "app"
          container_definitions = jsonencode([{ name = "app" }])
          dynamic "volume" {
            for_each = var.volumes
            content {
              name = volume.key
            }
          }
        }
        """);
    ScanResult result = scan(Map.of(), "ECS.15", "ECS.18");
    assertThat(result.findings())
        .extracting(f -> f.control().id() + " " + f.status())
        .containsExactly("ECS.15 UNKNOWN", "ECS.18 UNKNOWN");
    assertThat(result.findings().get(1).message())
        .contains("dynamic \"volume\" blocks are made for each item of for_each");
    ScanResult tagged = scan(Map.of("default_tags", "{ team = \"web\" }"), "ECS.15");
    assertThat(only(tagged).status()).isEqualTo(Status.PASSED);
  }

  @Test
  void eachInstanceOfCountAndForEachIsCheckedUnderItsPlanAddress() throws IOException {
    write(
        "main.tf",
        """
        variable "services" {
          default = { api = true, web = false }
        }
        resource "aws_ecs_task_definition" "per_service" {
          for_each              = var.services
          family                = each.key
          container_definitions = jsonencode([{ name = each.key, privileged = each.value }])
        }
        resource "aws_ecs_task_definition" "shard" {
          count                 = 2
          family                = "shard-${count.index}"
          container_definitions = jsonencode([{ name = "s", privileged = count.index == 1 }])
        }
        resource "aws_ecs_task_definition" "unknowable" {
          for_each              = toset(data.aws_ssm_parameter.names.value)
          family                = "x"
          container_definitions = jsonencode([{ name = "u", privileged = each.value == "a" }])
        }
        """);
    ScanResult result = scan(Map.of(), "ECS.4");
    assertThat(result.findings())
        .extracting(f -> f.resourceId() + " " + f.status())
        .containsExactly(
            "aws_ecs_task_definition.per_service[\"api\"] FAILED",
            "aws_ecs_task_definition.per_service[\"web\"] PASSED",
            "aws_ecs_task_definition.shard[0] PASSED",
            "aws_ecs_task_definition.shard[1] FAILED",
            "aws_ecs_task_definition.unknowable UNKNOWN");
    assertThat(result.findings().get(4).message())
        .contains("known only for each instance of for_each");
  }

  @Test
  void resourcesWithNoInstancesAreSkippedWithANote() throws IOException {
    write("main.tf", "resource \"aws_ecs_cluster\" \"off\" {\n  count = 0\n  name  = \"off\"\n}\n");
    ScanResult result = scan(Map.of(), "ECS.12");
    assertThat(result.findings()).isEmpty();
    assertThat(result.notes())
        .extracting(Note::message)
        .containsExactly(
            "aws_ecs_cluster.off: count makes no instances, so it is not created; not checked");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "resource \"aws_ecs_cluster\" \"a\" {\n  name = \"a\"\n|3:1|a block is not closed",
        "resource \"aws_ecs_cluster\" \"a\" {\n  name = \"a\n}\n|2:12|a string is not closed",
        "resource \"aws_ecs_cluster\" \"a\" {\n  name = \"a\" \"b\"\n}\n|2:14|unexpected text after the value",
        "resource \"aws_ecs_cluster\" \"a\" {\n  name = \n}\n|2:10|an expression was expected",
        "locals {\n  a = <<EOT\nno end\n}\n|2:7|a heredoc is not closed",
        "locals {\n  a = \"\\q\"\n}\n|2:8|an unknown escape sequence",
        "locals {\n  a = [1, 2\n}\n|3:1|, or ] expected in a list",
        "locals {\n  a = f(1 2)\n}\n|2:11|, or ) expected in the arguments of f",
        "/* never closed\n|1:1|a /* comment is not closed",
        "resource \"aws_ecs_cluster\" \"a\" {\n  name = \"a\"\n  name = \"b\"\n}\n|3:3|the argument name is already set on line 2"
      })
  void malformedHclNamesTheFileLineAndColumn(String caseText) throws IOException {
    String[] parts = caseText.split("\\|");
    write("main.tf", parts[0]);
    ScanResult result = scan(Map.of(), "ECS.12");
    assertThat(result.errors())
        .extracting(InputException::getMessage)
        .singleElement()
        .asString()
        .startsWith(module.resolve("main.tf") + ":" + parts[1] + ": malformed HCL: " + parts[2]);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "locals {\n  on = true\n}\n|locals {\n  on = false\n}\n|local.on|local.on is declared twice (a.tf:2 and b.tf:2)",
        "variable \"on\" {\n  default = true\n}\n|variable \"on\" {\n  default = false\n}\n|var.on|var.on is declared twice (a.tf:1 and b.tf:1)",
        "variable \"on\" {}\n|variable \"on\" {}\n|var.on|var.on is declared twice (a.tf:1 and b.tf:1)"
      })
  void aNameDeclaredTwiceHasNoValueAsTerraformRefusesIt(String caseText) throws IOException {
    // Terraform refuses the module; taking either declaration would pass on a guess
    String[] parts = caseText.split("\\|");
    write("a.tf", parts[0]);
    write("b.tf", parts[1]);
    write("main.tf", taskDefinition(parts[2]));
    Finding finding = only(scan(Map.of("on", "false"), "ECS.4"));
    assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
    assertThat(finding.message()).contains(parts[3] + ", which Terraform refuses");
  }

  @Test
  void defaultTagsOfAnAwsProviderConfiguredTwiceAreUnknown() throws IOException {
    write(
        "a.tf",
        "provider \"aws\" {\n  default_tags {\n    tags = { team = \"a\" }\n  }\n}\n"
            + "resource \"aws_ecs_cluster\" \"c\" {\n  name = \"c\"\n}\n");
    write("b.tf", "provider \"aws\" {\n  region = \"eu-west-1\"\n}\n");
    write("c.tf", "provider \"aws\" {\n  alias  = \"other\"\n}\n");
    Finding finding = only(scan(Map.of(), "ECS.14"));
    assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
    assertThat(finding.message())
        .contains("provider.aws is declared twice (a.tf:1 and b.tf:1), which Terraform refuses");
  }

  @Test
  void aCalledModulesVariableOrOutputDeclaredTwiceHasNoValue() throws IOException {
    Files.createDirectory(module.resolve("child"));
    Files.writeString(
        module.resolve("child/variables.tf"),
        "variable \"on\" {}\nvariable \"on\" {}\noutput \"on\" {\n  value = true\n}\n");
    Files.writeString(
        module.resolve("child/main.tf"),
        taskDefinition("var.on") + "output \"on\" {\n  value = false\n}\n");
    write(
        "main.tf",
        "module \"child\" {\n  source = \"./child\"\n  on     = false\n}\n"
            + taskDefinition("module.child.on").replace("\"app\" {", "\"root\" {"));
    ScanResult result = scan(Map.of(), "ECS.4");
    assertThat(result.errors()).isEmpty();
    assertThat(result.findings())
        .extracting(Finding::status, Finding::message)
        .containsExactlyInAnyOrder(
            tuple(
                Status.UNKNOWN,
                "Cannot decide: Container \"app\": var.on is declared twice (variables.tf:1 and"
                    + " variables.tf:2), which Terraform refuses."),
            tuple(
                Status.UNKNOWN,
                "Cannot decide: Container \"app\": output.on is declared twice (main.tf:8 and"
                    + " variables.tf:3), which Terraform refuses."));
  }

  @Test
  void deepNestingIsRefusedWithoutExhaustingTheStack() throws IOException {
    write("main.tf", "locals {\n  a = " + "[".repeat(5000) + "]".repeat(5000) + "\n}\n");
    assertThat(scan(Map.of(), "ECS.12").errors())
        .extracting(InputException::problem)
        .allMatch(problem -> problem.contains("nested too deeply"));
  }

  @Test
  void localsThatDoubleThemselvesAndFilesThatNeverEndDoNotHang() throws IOException {
    StringBuilder locals =
        new StringBuilder("locals {\n  l0 = [{ name = \"a\" }]\n  s0 = \"ab\"\n");
    for (int i = 1; i <= 40; i++) {
      locals
          .append("  l")
          .append(i)
          .append(" = concat(local.l")
          .append(i - 1)
          .append(", local.l")
          .append(i - 1)
          .append(")\n");
      locals
          .append("  s")
          .append(i)
          .append(" = \"${local.s")
          .append(i - 1)
          .append("}${local.s")
          .append(i - 1)
          .append("}\"\n");
    }
    locals.append("}\n");
    write("locals.tf", locals.toString());
    write(
        "main.tf",
        """
        resource "aws_ecs_task_definition" "big" {
          family                = local.s40
          container_definitions = jsonencode(local.l40)
        }
        resource "aws_ecs_task_definition" "zero" {
          family                = "zero"
          container_definitions = file("/dev/zero")
        }
        """);
    ScanResult result = scan(Map.of(), "ECS.4");
    assertThat(result.errors()).isEmpty();
    assertThat(result.findings())
        .extracting(Finding::status)
        .containsExactly(Status.UNKNOWN, Status.UNKNOWN);
    assertThat(result.findings().get(0).message())
        .contains("concat(): over 100000 elements iterated or built for one value");
    assertThat(result.findings().get(1).message())
        .contains("file(\"/dev/zero\") is outside the scanned tree");
  }
}
