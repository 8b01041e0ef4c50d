package dev.ecsguard.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.format.cloudformation.CloudFormationReader;
import dev.ecsguard.format.ecsapi.EcsJsonReader;
import dev.ecsguard.format.terraform.TerraformPlanReader;
import dev.ecsguard.format.terraform.TerraformSourceReader;
import dev.ecsguard.format.terraform.TerraformVariables;
import dev.ecsguard.model.Resource;
import dev.ecsguard.model.TaskDefinition;
import dev.ecsguard.model.TaskDefinitionLink;
import dev.ecsguard.model.Value;
import dev.ecsguard.model.Workload;
import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import dev.ecsguard.tree.Node;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How each format's reader names a task definition, and links services and task sets to it. */
class TaskDefinitionLinksTest {
  private static final DocumentReader DOCUMENTS = new DocumentReader(InputLimits.DEFAULT);
  private final List<Resource> resources = new ArrayList<>();
  private final InputReader.Sink sink =
      new InputReader.Sink() {
        @Override
        public void resource(Resource resource, Map<String, String> labels) {
          resources.add(resource);
        }

        @Override
        public void note(Node where, String message) {}
      };

  @TempDir Path directory;

  private void read(InputReader.OfFile reader, String name, String text) throws InputException {
    assertThat(reader.read(DOCUMENTS.read(text.getBytes(StandardCharsets.UTF_8), name), sink))
        .isTrue();
  }

  private TaskDefinition taskDefinition(String id) {
    return resources.stream()
        .filter(r -> r instanceof TaskDefinition && r.id().equals(id))
        .map(TaskDefinition.class::cast)
        .findFirst()
        .orElseThrow();
  }

  private List<String> links(String id) {
    Workload workload =
        resources.stream()
            .filter(r -> r instanceof Workload && r.id().equals(id))
            .map(Workload.class::cast)
            .findFirst()
            .orElseThrow();
    List<String> links = new ArrayList<>();
    for (Value<TaskDefinitionLink> link : workload.taskDefinitions()) {
      links.add(
          link.isKnown()
              ? (link.get().text() != null
                  ? "text " + link.get().text()
                  : "key " + link.get().key())
              : "unknown " + link.reason());
    }
    return links;
  }

  @Test
  void describeOutputsGiveRevisionsAndServicesTheirDeploymentsRevisions() throws InputException {
    read(
        new EcsJsonReader(),
        "td.json",
        """
        {"taskDefinition": {"taskDefinitionArn": "arn:aws:ecs:eu-west-1:1:task-definition/web:3",
          "family": "web", "revision": 3, "status": "ACTIVE", "containerDefinitions": []}}
        """);
    TaskDefinition described = taskDefinition("arn:aws:ecs:eu-west-1:1:task-definition/web:3");
    assertThat(described.family().get()).isEqualTo("web");
    assertThat(described.revision().get()).isEqualTo(3);
    assertThat(described.arn().get()).isEqualTo(described.id());
    assertThat(described.key()).isNull();

    read(
        new EcsJsonReader(),
        "services.json",
        """
        {"services": [{"serviceArn": "arn:aws:ecs:eu-west-1:1:service/c/api", "serviceName": "api",
          "taskDefinition": "arn:aws:ecs:eu-west-1:1:task-definition/web:5",
          "deployments": [
            {"status": "PRIMARY", "taskDefinition": "arn:aws:ecs:eu-west-1:1:task-definition/web:5"},
            {"status": "ACTIVE", "taskDefinition": "arn:aws:ecs:eu-west-1:1:task-definition/web:3"},
            {"status": "INACTIVE", "taskDefinition": "arn:aws:ecs:eu-west-1:1:task-definition/web:1"}],
          "taskSets": [{"taskSetArn": "arn:aws:ecs:eu-west-1:1:task-set/c/api/ts", "taskDefinition": "web:2"}]},
         {"serviceArn": "arn:aws:ecs:eu-west-1:1:service/c/ext", "serviceName": "ext"}]}
        """);
    assertThat(links("arn:aws:ecs:eu-west-1:1:service/c/api"))
        .containsExactly(
            "text arn:aws:ecs:eu-west-1:1:task-definition/web:5",
            "text arn:aws:ecs:eu-west-1:1:task-definition/web:3");
    assertThat(links("arn:aws:ecs:eu-west-1:1:task-set/c/api/ts")).containsExactly("text web:2");
    assertThat(links("arn:aws:ecs:eu-west-1:1:service/c/ext")).isEmpty();
  }

  @Test
  void registerInputHasAFamilyAndNoRevision() throws InputException {
    read(new EcsJsonReader(), "td.json", "{\"family\": \"web\", \"containerDefinitions\": []}");
    assertThat(taskDefinition("web").family().get()).isEqualTo("web");
    assertThat(taskDefinition("web").revision().isAbsent()).isTrue();
  }

  @Test
  void cloudFormationLinksARefOrGetAttToATaskDefinitionOfTheTemplate() throws InputException {
    read(
        new CloudFormationReader(Map.of()),
        "stack.yaml",
        """
        Resources:
          Task:
            Type: AWS::ECS::TaskDefinition
            Properties:
              Family: web
              ContainerDefinitions: []
          ByRef:
            Type: AWS::ECS::Service
            Properties:
              TaskDefinition: !Ref Task
          ByGetAtt:
            Type: AWS::ECS::TaskSet
            Properties:
              TaskDefinition: !GetAtt Task.TaskDefinitionArn
          ByText:
            Type: AWS::ECS::Service
            Properties:
              TaskDefinition: web:7
          ByOther:
            Type: AWS::ECS::Service
            Properties:
              TaskDefinition: !GetAtt Other.Arn
        """);
    assertThat(taskDefinition("Task").key()).isEqualTo("cloudformation:stack.yaml#Task");
    assertThat(taskDefinition("Task").family().get()).isEqualTo("web");
    assertThat(links("ByRef")).containsExactly("key cloudformation:stack.yaml#Task");
    assertThat(links("ByGetAtt")).containsExactly("key cloudformation:stack.yaml#Task");
    assertThat(links("ByText")).containsExactly("text web:7");
    assertThat(links("ByOther")).singleElement().asString().startsWith("unknown Fn::GetAtt");
  }

  @Test
  void terraformSourceLinksReferencesInTheModuleThroughVariablesAndOutputs() throws IOException {
    Files.writeString(
        directory.resolve("main.tf"),
        """
        resource "aws_ecs_task_definition" "app" {
          family                = "app"
          container_definitions = "[]"
        }
        resource "aws_ecs_service" "direct" {
          name            = "direct"
          task_definition = aws_ecs_task_definition.app.arn
        }
        resource "aws_ecs_service" "template" {
          name            = "template"
          task_definition = "${aws_ecs_task_definition.app.family}:${max(aws_ecs_task_definition.app.revision, 1)}"
        }
        resource "aws_ecs_service" "named" {
          name            = "named"
          task_definition = "app:4"
        }
        resource "aws_ecs_service" "output" {
          name            = "output"
          task_definition = module.td.arn
        }
        module "svc" {
          source = "./svc"
          td     = aws_ecs_task_definition.app.arn_without_revision
        }
        module "td" {
          source = "./td"
        }
        """);
    Files.createDirectories(directory.resolve("svc"));
    Files.writeString(
        directory.resolve("svc/main.tf"),
        """
        variable "td" {}
        resource "aws_ecs_service" "this" {
          name            = "inner"
          task_definition = var.td
        }
        """);
    Files.createDirectories(directory.resolve("td"));
    Files.writeString(
        directory.resolve("td/main.tf"),
        """
        resource "aws_ecs_task_definition" "this" {
          family                = "inner"
          container_definitions = "[]"
        }
        output "arn" {
          value = aws_ecs_task_definition.this.arn
        }
        """);
    new TerraformSourceReader(DOCUMENTS, InputLimits.DEFAULT, TerraformVariables.NONE)
        .read(
            new InputReader.Directory(directory, directory, List.of(directory.resolve("main.tf"))),
            sink,
            e -> {
              throw new AssertionError(e.getMessage());
            });
    String root = "key terraform:" + directory + "#";
    assertThat(taskDefinition("aws_ecs_task_definition.app").key())
        .isEqualTo("terraform:" + directory + "#aws_ecs_task_definition.app");
    assertThat(taskDefinition("module.td.aws_ecs_task_definition.this").key())
        .isEqualTo("terraform:" + directory + "#module.td.aws_ecs_task_definition.this");
    assertThat(links("aws_ecs_service.direct"))
        .containsExactly(root + "aws_ecs_task_definition.app");
    assertThat(links("aws_ecs_service.template"))
        .containsExactly(root + "aws_ecs_task_definition.app");
    assertThat(links("aws_ecs_service.named")).containsExactly("text app:4");
    assertThat(links("module.svc.aws_ecs_service.this"))
        .containsExactly(root + "aws_ecs_task_definition.app");
    assertThat(links("aws_ecs_service.output"))
        .containsExactly(root + "module.td.aws_ecs_task_definition.this");
  }

  @Test
  void terraformPlanLinksByTheConfigurationsReferenceWhenTheValueIsKnownOnlyAfterApply()
      throws InputException {
    read(
        new TerraformPlanReader(DOCUMENTS),
        "plan.json",
        """
        {"format_version": "1.2", "terraform_version": "1.9.0", "resource_changes": [
          {"address": "module.m.aws_ecs_task_definition.app", "module_address": "module.m",
           "mode": "managed", "type": "aws_ecs_task_definition", "name": "app",
           "change": {"actions": ["create"], "after": {"family": "app", "container_definitions": "[]"},
                      "after_unknown": {"arn": true, "revision": true}}},
          {"address": "module.m.aws_ecs_service.svc", "module_address": "module.m",
           "mode": "managed", "type": "aws_ecs_service", "name": "svc",
           "change": {"actions": ["create"], "after": {"name": "svc"},
                      "after_unknown": {"task_definition": true}}},
          {"address": "aws_ecs_service.kept", "mode": "managed", "type": "aws_ecs_service", "name": "kept",
           "change": {"actions": ["no-op"], "after": {"name": "kept", "task_definition": "arn:aws:ecs:eu-west-1:1:task-definition/app:2"},
                      "after_unknown": {}}}],
         "configuration": {"root_module": {"module_calls": {"m": {"module": {"resources": [
           {"address": "aws_ecs_service.svc", "mode": "managed", "type": "aws_ecs_service", "name": "svc",
            "expressions": {"task_definition": {"references": ["aws_ecs_task_definition.app.arn", "aws_ecs_task_definition.app"]}}}]}}}}}}
        """);
    assertThat(taskDefinition("module.m.aws_ecs_task_definition.app").key())
        .isEqualTo("terraform-plan:plan.json#module.m.aws_ecs_task_definition.app");
    assertThat(taskDefinition("module.m.aws_ecs_task_definition.app").revision().isUnknown())
        .isTrue();
    assertThat(links("module.m.aws_ecs_service.svc"))
        .containsExactly("key terraform-plan:plan.json#module.m.aws_ecs_task_definition.app");
    assertThat(links("aws_ecs_service.kept"))
        .containsExactly("text arn:aws:ecs:eu-west-1:1:task-definition/app:2");
  }
}
