package dev.ecsguard.format.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.Note;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.engine.Scanner;
import dev.ecsguard.engine.Selection;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Module calls, roots and dynamic blocks: the fixture ecs-modules is written in the shape of
 * terraform-aws-modules/terraform-aws-ecs (examples/complete calling modules/cluster, service and
 * container-definition); the rest are small configurations written here.
 */
class TerraformModulesTest {
  @TempDir Path tree;

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(TerraformModulesTest.class.getResource("ecs-modules").toURI()).resolve(name);
  }

  private static ScanResult scan(Path path, String... controls) {
    ScanResult result = new ScanResult();
    new Scanner(
            Selection.of(List.of(controls), List.of(), Map.of()),
            InputLimits.DEFAULT,
            Map.of(),
            Map.of())
        .scan(List.of(path), result);
    return result;
  }

  private void write(String name, String text) throws IOException {
    Files.createDirectories(tree.resolve(name).getParent());
    Files.writeString(tree.resolve(name), text);
  }

  private static List<String> verdicts(ScanResult result) {
    return result.findings().stream()
        .map(f -> f.resourceId() + " " + f.control().id() + " " + f.status())
        .toList();
  }

  @Test
  void everyResourceOfTheExampleIsFoundUnderItsModuleAddressAndNoModuleIsARoot() throws Exception {
    ScanResult result = scan(fixture(""));
    assertThat(result.errors()).isEmpty();
    assertThat(result.findings())
        .extracting(Finding::resourceId)
        .containsOnly(
            "module.ecs_cluster.aws_ecs_cluster.this[0]",
            "module.ecs_service.aws_ecs_service.this[0]",
            "module.ecs_service.aws_ecs_task_definition.this[0]",
            "module.batch.aws_ecs_task_definition.this[0]");
    assertThat(result.files()).isEqualTo(11);
    assertThat(result.resources()).isEqualTo(4);
    assertThat(result.notes())
        .extracting(Note::message)
        .containsExactly(
            "module.batch.aws_ecs_service.this: count makes no instances, so it is not created;"
                + " not checked");
  }

  @Test
  void whatTheCallerPassesIsJudgedNotTheModulesDefaults() throws Exception {
    ScanResult result = scan(fixture(""), "ECS.2", "ECS.4", "ECS.12", "ECS.18");
    assertThat(verdicts(result))
        .containsExactly(
            "module.ecs_cluster.aws_ecs_cluster.this[0] ECS.12 PASSED",
            "module.ecs_service.aws_ecs_service.this[0] ECS.2 FAILED",
            "module.ecs_service.aws_ecs_task_definition.this[0] ECS.4 FAILED",
            "module.ecs_service.aws_ecs_task_definition.this[0] ECS.18 PASSED",
            "module.batch.aws_ecs_task_definition.this[0] ECS.4 PASSED",
            "module.batch.aws_ecs_task_definition.this[0] ECS.18 NOT_APPLICABLE");
  }

  @Test
  void aModuleScannedAloneIsARootWithItsDefaultsAndSaysSo() throws Exception {
    ScanResult result = scan(fixture("modules/service"), "ECS.2", "ECS.17");
    assertThat(verdicts(result))
        .containsExactly(
            "aws_ecs_service.this[0] ECS.2 PASSED",
            "aws_ecs_task_definition.this[0] ECS.17 PASSED");
    assertThat(result.notes())
        .extracting(Note::message)
        .singleElement()
        .asString()
        .startsWith("read as a root module, its variables at their defaults");
  }

  @Test
  void aModuleOutsideTheScannedTreeIsNotReadAndTheScanCannotPass() throws Exception {
    ScanResult result = scan(fixture("examples/complete"));
    assertThat(result.notes())
        .extracting(Note::message)
        .anyMatch(
            note ->
                note.startsWith(
                    "module.ecs_service: its source ../../modules/service lies"
                        + " outside the scanned tree"));
    assertThat(result.findings()).isNotEmpty().allMatch(f -> f.status() == Status.UNKNOWN);
  }

  @Test
  void aRemoteModuleNotDownloadedIsSaidAndNothingPasses() throws IOException {
    write(
        "main.tf",
        """
        module "ecs" {
          source  = "terraform-aws-modules/ecs/aws"
          version = "~> 5.0"
        }
        """);
    ScanResult result = scan(tree);
    assertThat(result.notes())
        .extracting(Note::message)
        .singleElement()
        .asString()
        .contains("the module terraform-aws-modules/ecs/aws is not downloaded")
        .contains("terraform init")
        .contains("plan JSON");
    assertThat(result.findings()).isNotEmpty().allMatch(f -> f.status() == Status.UNKNOWN);
    assertThat(result.findings()).extracting(Finding::resourceId).containsOnly("module.ecs");
  }

  @Test
  void aRegistryModuleKnownToHoldNoEcsResourceIsOnlyANoteEvenItsSubmodules() throws IOException {
    write(
        "main.tf",
        """
        module "vpc" {
          source = "registry.terraform.io/terraform-aws-modules/vpc/aws"
        }
        module "endpoints" {
          source = "terraform-aws-modules/vpc/aws//modules/vpc-endpoints"
          vpc_id = module.vpc.vpc_id
        }
        module "service" {
          source = "terraform-aws-modules/ecs/aws//modules/service"
        }
        module "container" {
          source = "terraform-aws-modules/ecs/aws//modules/container-definition"
        }
        """);
    ScanResult result = scan(tree);
    assertThat(result.notes())
        .extracting(Note::message)
        .anySatisfy(
            message ->
                assertThat(message)
                    .contains("module.vpc: the module")
                    .contains("(it holds no ECS resources) is not downloaded"))
        .anySatisfy(
            message ->
                assertThat(message)
                    .contains("module.endpoints: the module")
                    .contains("(it holds no ECS resources) is not downloaded"))
        .anySatisfy(
            message ->
                assertThat(message)
                    .contains("module.container: the module")
                    .contains("(it holds no ECS resources) is not downloaded"));
    // The ECS module's submodule may hold anything: it stands UNKNOWN; the others stand for
    // nothing.
    assertThat(result.findings()).extracting(Finding::resourceId).containsOnly("module.service");
  }

  @Test
  void downloadedModulesAreFoundThroughModulesJsonWithNestedAddresses() throws IOException {
    write(
        "main.tf",
        """
        module "ecs" {
          source = "terraform-aws-modules/ecs/aws"
          public = true
        }
        """);
    write(
        ".terraform/modules/modules.json",
        """
        {"Modules":[{"Key":"","Source":"","Dir":"."},
         {"Key":"ecs","Source":"registry.terraform.io/terraform-aws-modules/ecs/aws","Version":"5.0.0","Dir":".terraform/modules/ecs"},
         {"Key":"ecs.service","Source":"./modules/service","Dir":".terraform/modules/ecs/modules/service"}]}
        """);
    write(
        ".terraform/modules/ecs/main.tf",
        """
        variable "public" { default = false }
        module "service" {
          source   = "./modules/service"
          for_each = { blue = var.public, green = false }
          public   = each.value
        }
        """);
    write(
        ".terraform/modules/ecs/modules/service/main.tf",
        """
        variable "public" {}
        resource "aws_ecs_service" "this" {
          name = "app"
          network_configuration {
            subnets          = ["subnet-1"]
            assign_public_ip = var.public
          }
        }
        """);
    ScanResult result = scan(tree, "ECS.2");
    assertThat(result.errors()).isEmpty();
    assertThat(verdicts(result))
        .containsExactly(
            "module.ecs.module.service[\"blue\"].aws_ecs_service.this ECS.2 FAILED",
            "module.ecs.module.service[\"green\"].aws_ecs_service.this ECS.2 PASSED");
    assertThat(Scanner.inputAt(List.of(tree), tree.resolve(".terraform/modules/ecs/main.tf")))
        .isNotNull();
  }

  @Test
  void optionalObjectAttributesTakeTheirDefaultsInTheMapOfServicesARootPassesOn()
      throws IOException {
    // As terraform-aws-ecs's root passes var.services to modules/service: each.value.ATTRIBUTE
    // of an attribute the caller leaves out is the type's optional default, or null.
    write(
        "main.tf",
        """
        module "ecs" {
          source   = "./ecs"
          services = {
            api = { assign_public_ip = true }
            web = { volume = { data = { efs_volume_configuration = { file_system_id = "fs-1" } } } }
          }
        }
        """);
    write(
        "ecs/main.tf",
        """
        variable "services" {
          type = map(object({
            create           = optional(bool, true)
            network_mode     = optional(string, "awsvpc")
            assign_public_ip = optional(bool, false)
            volume = optional(map(object({
              efs_volume_configuration = optional(object({
                file_system_id     = string
                transit_encryption = optional(string, "ENABLED")
              }))
            })), {})
          }))
          default = {}
        }
        module "service" {
          source           = "./service"
          for_each         = { for k, v in var.services : k => v if v.create }
          network_mode     = each.value.network_mode
          assign_public_ip = each.value.assign_public_ip
          volume           = each.value.volume
        }
        """);
    write(
        "ecs/service/main.tf",
        """
        variable "network_mode" { default = null }
        variable "assign_public_ip" { default = true }
        variable "volume" { default = null }
        resource "aws_ecs_service" "this" {
          name = "app"
          dynamic "network_configuration" {
            for_each = var.network_mode == "awsvpc" ? [1] : []
            content {
              subnets          = ["subnet-1"]
              assign_public_ip = var.assign_public_ip
            }
          }
        }
        resource "aws_ecs_task_definition" "this" {
          family                = "app"
          network_mode          = var.network_mode
          container_definitions = jsonencode([{ name = "app", image = "app:1" }])
          dynamic "volume" {
            for_each = var.volume != null ? var.volume : {}
            content {
              name = volume.key
              dynamic "efs_volume_configuration" {
                for_each = volume.value.efs_volume_configuration != null ? [volume.value.efs_volume_configuration] : []
                content {
                  file_system_id     = efs_volume_configuration.value.file_system_id
                  transit_encryption = efs_volume_configuration.value.transit_encryption
                }
              }
            }
          }
        }
        """);
    ScanResult result = scan(tree, "ECS.2", "ECS.17", "ECS.18");
    assertThat(result.errors()).isEmpty();
    assertThat(verdicts(result))
        .containsExactly(
            "module.ecs.module.service[\"api\"].aws_ecs_service.this ECS.2 FAILED",
            "module.ecs.module.service[\"api\"].aws_ecs_task_definition.this ECS.17 PASSED",
            "module.ecs.module.service[\"api\"].aws_ecs_task_definition.this ECS.18 NOT_APPLICABLE",
            "module.ecs.module.service[\"web\"].aws_ecs_service.this ECS.2 PASSED",
            "module.ecs.module.service[\"web\"].aws_ecs_task_definition.this ECS.17 PASSED",
            "module.ecs.module.service[\"web\"].aws_ecs_task_definition.this ECS.18 PASSED");
  }

  @Test
  void aContainerDefinitionModulesEncodedListIsJudgedAndALabelModuleHidesNoResources()
      throws IOException {
    // the shape of cloudposse's ECS modules: a label module for names and tags (context.tf), a
    // container-definition module whose output is "[${jsonencode(...)}]", its nulls dropped
    write(
        "context.tf",
        """
        module "this" {
          source  = "cloudposse/label/null"
          version = "0.25.0"
          enabled = var.enabled
        }
        variable "enabled" {
          type    = bool
          default = null
        }
        """);
    write(
        "main.tf",
        """
        module "container" {
          source                   = "./container-definition"
          container_name           = "app"
          container_image          = "nginx:1.27"
          privileged               = var.privileged
          readonly_root_filesystem = false
        }
        resource "aws_ecs_task_definition" "this" {
          count                 = module.this.enabled ? 1 : 0
          family                = module.this.id
          container_definitions = module.container.json_map_encoded_list
          tags                  = module.this.tags
        }
        resource "aws_ecs_service" "this" {
          count = module.this.enabled ? 1 : 0
          name  = module.this.id
          dynamic "network_configuration" {
            for_each = var.network_mode == "awsvpc" ? ["true"] : []
            content {
              subnets          = var.subnet_ids
              assign_public_ip = var.assign_public_ip
            }
          }
        }
        """);
    write(
        "variables.tf",
        """
        variable "privileged" { type = bool }
        variable "network_mode" { default = "awsvpc" }
        variable "assign_public_ip" { default = false }
        variable "subnet_ids" { default = [] }
        """);
    write("terraform.tfvars", "privileged = true\nassign_public_ip = true\n");
    write(
        "container-definition/main.tf",
        """
        variable "container_name" { type = string }
        variable "container_image" { type = string }
        variable "privileged" {
          type    = bool
          default = null
        }
        variable "readonly_root_filesystem" {
          type    = bool
          default = false
        }
        variable "user" {
          type    = string
          default = null
        }
        locals {
          container_definition = {
            name                   = var.container_name
            image                  = var.container_image
            privileged             = var.privileged
            readonlyRootFilesystem = var.readonly_root_filesystem
            user                   = var.user
          }
          without_null = { for k, v in local.container_definition : k => v if v != null }
          json_map     = jsonencode(local.without_null)
        }
        output "json_map_encoded_list" {
          value = "[${local.json_map}]"
        }
        """);
    ScanResult result = scan(tree, "ECS.2", "ECS.4", "ECS.5", "ECS.15");
    assertThat(verdicts(result))
        .containsExactly(
            "aws_ecs_task_definition.this ECS.4 FAILED",
            "aws_ecs_task_definition.this ECS.5 FAILED",
            "aws_ecs_task_definition.this ECS.15 UNKNOWN",
            "aws_ecs_service.this ECS.2 FAILED");
    assertThat(result.notes())
        .extracting(Note::message)
        .singleElement()
        .asString()
        .contains("module.this: the module cloudposse/label/null (it holds no ECS resources)")
        .contains("terraform init");
  }

  @Test
  void aModuleKnownToHoldNoEcsResourceIsKnownAsAGitSourceOfItsRepositoryToo() throws IOException {
    write(
        "main.tf",
        """
        module "network" {
          source = "git::https://github.com/terraform-aws-modules/terraform-aws-vpc.git?ref=v5.1.0"
        }
        module "logs" {
          source = "github.com/terraform-aws-modules/terraform-aws-cloudwatch//modules/log-group"
        }
        module "label" {
          source = "git@github.com:cloudposse/terraform-null-label.git?ref=tags/0.25.0"
        }
        module "ecs" {
          source = "git::https://github.com/terraform-aws-modules/terraform-aws-ecs.git?ref=v6.0.0"
        }
        resource "aws_ecs_cluster" "this" {
          name = "prod"
        }
        """);
    ScanResult result = scan(tree, "ECS.12");
    // the ECS module may hold anything: it stands as a placeholder; the other three hide nothing
    assertThat(verdicts(result))
        .containsExactlyInAnyOrder(
            "module.ecs ECS.12 UNKNOWN", "aws_ecs_cluster.this ECS.12 FAILED");
    assertThat(result.notes())
        .extracting(Note::message)
        .filteredOn(message -> message.contains("(it holds no ECS resources)"))
        .hasSize(3);
  }

  @Test
  void aRequiredVariableTheCallDoesNotGiveIsUnknownNamingIt() throws IOException {
    write(
        "main.tf",
        """
        module "app" {
          source = "./app"
        }
        """);
    write(
        "app/main.tf",
        """
        variable "privileged" {}
        resource "aws_ecs_task_definition" "this" {
          family                = "app"
          container_definitions = jsonencode([{ name = "app", privileged = var.privileged }])
        }
        """);
    assertThat(scan(tree, "ECS.4").findings())
        .singleElement()
        .satisfies(finding -> assertThat(finding.status()).isEqualTo(Status.UNKNOWN))
        .satisfies(
            finding ->
                assertThat(finding.message()).contains("var.privileged is required by module.app"));
  }

  @Test
  void modulesMadeZeroTimesCreateNothing() throws IOException {
    write(
        "main.tf",
        """
        provider "aws" {}
        variable "enabled" { default = false }
        module "off" {
          source = "./app"
          count  = var.enabled ? 1 : 0
        }
        module "none" {
          source   = "./app"
          for_each = {}
        }
        """);
    write("app/main.tf", "resource \"aws_ecs_cluster\" \"this\" {\n  name = \"c\"\n}\n");
    ScanResult result = scan(tree);
    assertThat(result.findings()).isEmpty();
    assertThat(result.notes())
        .extracting(Note::message)
        .containsExactly(
            "module.off: count makes no instances, so nothing in it is created",
            "module.none: for_each makes no instances, so nothing in it is created");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void moduleCyclesAndSelfCallsAreOneErrorEach() throws IOException {
    write("main.tf", "module \"a\" {\n  source = \"./a\"\n}\n");
    write("a/main.tf", "module \"b\" {\n  source = \"../b\"\n}\n");
    write("b/main.tf", "module \"a\" {\n  source = \"../a\"\n}\n");
    write("self/main.tf", "module \"again\" {\n  source = \"./\"\n}\n");
    assertThat(scan(tree).errors())
        .extracting(InputException::getMessage)
        .containsExactlyInAnyOrder(
            tree.resolve("b/main.tf")
                + ":1:1: module.a.module.b.module.a: calls ../a, a module that is already calling"
                + " it (a cycle)",
            tree.resolve("self/main.tf")
                + ":1:1: module.again: calls ./, a module that is already calling it (a cycle)");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void modulesNestedTooDeepStopWithOneError() throws IOException {
    write("main.tf", "module \"m\" {\n  source = \"./m0\"\n}\n");
    String path = "";
    for (int level = 0; level < 40; level++) {
      path += "m" + level + "/";
      write(path + "main.tf", "module \"m\" {\n  source = \"./m" + (level + 1) + "\"\n}\n");
    }
    assertThat(scan(tree).errors())
        .extracting(InputException::problem)
        .singleElement()
        .asString()
        .endsWith("modules nested deeper than 32; not followed");
  }

  @Test
  void dynamicBlocksAreMadeForEachItemOfListsMapsAndSets() throws IOException {
    write(
        "main.tf",
        """
        variable "volumes" {
          default = {
            plain     = { encryption = "ENABLED" }
            clear     = { encryption = "DISABLED" }
          }
        }
        resource "aws_ecs_task_definition" "map" {
          family                = "map"
          container_definitions = jsonencode([{ name = "app" }])
          dynamic "volume" {
            for_each = var.volumes
            content {
              name = volume.key
              efs_volume_configuration {
                file_system_id     = "fs-1"
                transit_encryption = volume.value.encryption
              }
            }
          }
        }
        resource "aws_ecs_task_definition" "list" {
          family                = "list"
          container_definitions = jsonencode([{ name = "app" }])
          dynamic "volume" {
            for_each = ["a", "b"]
            iterator = v
            content {
              name = "v${v.key}-${v.value}"
              dynamic "efs_volume_configuration" {
                for_each = [v.value]
                content {
                  file_system_id     = "fs-${efs_volume_configuration.value}"
                  transit_encryption = "ENABLED"
                }
              }
            }
          }
        }
        resource "aws_ecs_task_definition" "none" {
          family                = "none"
          container_definitions = jsonencode([{ name = "app" }])
          dynamic "volume" {
            for_each = []
            content {
              name = volume.value
            }
          }
        }
        """);
    ScanResult result = scan(tree, "ECS.18");
    assertThat(verdicts(result))
        .containsExactly(
            "aws_ecs_task_definition.map ECS.18 FAILED",
            "aws_ecs_task_definition.list ECS.18 PASSED",
            "aws_ecs_task_definition.none ECS.18 NOT_APPLICABLE");
    assertThat(result.findings().get(0).message()).contains("clear").doesNotContain("plain");
  }

  @Test
  void aCalledModuleInheritsTheCallersDefaultTags() throws IOException {
    write(
        "main.tf",
        """
        variable "team" { default = "web" }
        provider "aws" {
          default_tags {
            tags = { team = var.team }
          }
        }
        module "cluster" {
          source = "./cluster"
        }
        """);
    write("cluster/main.tf", "resource \"aws_ecs_cluster\" \"this\" {\n  name = \"c\"\n}\n");
    assertThat(verdicts(scan(tree, "ECS.14")))
        .containsExactly("module.cluster.aws_ecs_cluster.this ECS.14 PASSED");
  }
}
