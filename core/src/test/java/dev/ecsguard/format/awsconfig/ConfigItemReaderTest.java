package dev.ecsguard.format.awsconfig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.Scans;
import dev.ecsguard.format.InputReader;
import dev.ecsguard.model.Cluster;
import dev.ecsguard.model.Resource;
import dev.ecsguard.model.Service;
import dev.ecsguard.model.TaskDefinition;
import dev.ecsguard.model.TaskSet;
import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import dev.ecsguard.tree.Node;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration items as Config delivers them (a rule's event) and as its API returns them. */
class ConfigItemReaderTest {
  private static final String TASK_DEFINITION_ARN =
      "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3";

  private final List<Resource> resources = new ArrayList<>();
  private final List<TaskDefinition> deregistered = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private boolean read(String json) throws InputException {
    DocumentReader documents = new DocumentReader(InputLimits.DEFAULT);
    return new ConfigItemReader(documents)
        .read(
            documents.read(json.getBytes(StandardCharsets.UTF_8), "item.json"),
            new InputReader.Sink() {
              @Override
              public void resource(Resource resource, Map<String, String> labels) {
                resources.add(resource);
              }

              @Override
              public void note(Node where, String message) {
                notes.add(message);
              }

              @Override
              public void deregistered(TaskDefinition taskDefinition) {
                deregistered.add(taskDefinition);
              }
            });
  }

  /** A change notification's item: {@code ARN}, {@code awsAccountId}, configuration an object. */
  static String eventItem(String type, String resourceId, String configuration, String status) {
    return """
        {"configurationItemCaptureTime": "2026-12-01T10:00:00.000Z", "awsAccountId": "123456789012",
         "configurationItemStatus": "%s", "resourceId": "%s", "ARN": "%s", "awsRegion": "us-east-1",
         "resourceType": "%s", "tags": {"team": "web"}, "relationships": [],
         "configuration": %s}
        """
        .formatted(
            status,
            resourceId,
            type.equals("AWS::ECS::TaskDefinition") ? TASK_DEFINITION_ARN : resourceId,
            type,
            configuration);
  }

  private static final String TASK_DEFINITION =
      """
      {"Family": "web", "TaskDefinitionArn": "%s", "Status": "ACTIVE", "Cpu": "256",
       "NetworkMode": "awsvpc",
       "ContainerDefinitions": [{"Name": "app", "Image": "nginx", "Privileged": true, "Memory": "512"}],
       "Volumes": [{"Name": "data", "EfsVolumeConfiguration": {"FileSystemId": "fs-1", "TransitEncryption": "DISABLED"}}]}
      """
          .formatted(TASK_DEFINITION_ARN);

  @Test
  void aChangeNotificationsTaskDefinitionItemIsReadInConfigsNames() throws InputException {
    assertThat(read(eventItem("AWS::ECS::TaskDefinition", "web:3", TASK_DEFINITION, "OK")))
        .isTrue();
    TaskDefinition taskDefinition = (TaskDefinition) resources.get(0);
    assertThat(taskDefinition.id()).isEqualTo(TASK_DEFINITION_ARN);
    assertThat(taskDefinition.containers().get().get(0).privileged().get()).isTrue();
    assertThat(taskDefinition.volumes().get().get(0).onEfs().get()).isTrue();
    assertThat(taskDefinition.volumes().get().get(0).efsTransitEncryption().get())
        .isEqualTo("DISABLED");
    assertThat(taskDefinition.revision().get()).isEqualTo(3); // from the ARN: Config has none
    assertThat(taskDefinition.tags().get()).hasSize(1);
  }

  @Test
  void theApisItemHoldsItsConfigurationAsAJsonString() throws InputException {
    String item =
        """
        {"configurationItems": [{"version": "1.3", "accountId": "123456789012",
          "configurationItemCaptureTime": 1764583200.0, "configurationItemStatus": "OK",
          "arn": "arn:aws:ecs:us-east-1:123456789012:cluster/prod", "resourceType": "AWS::ECS::Cluster",
          "resourceId": "prod", "resourceName": "prod", "awsRegion": "us-east-1", "tags": {},
          "configuration": "{\\"ClusterName\\":\\"prod\\",\\"ClusterSettings\\":[{\\"Name\\":\\"containerInsights\\",\\"Value\\":\\"enabled\\"}]}"}]}
        """;
    assertThat(read(item)).isTrue();
    Cluster cluster = (Cluster) resources.get(0);
    assertThat(cluster.id()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/prod");
    assertThat(cluster.containerInsights().get()).isEqualTo("enabled");
    assertThat(cluster.tags().get()).isEmpty();
  }

  @Test
  void servicesAndTaskSetsSpellTheirNetworkConfigurationApart() throws InputException {
    read(
        "["
            + eventItem(
                "AWS::ECS::Service",
                "arn:aws:ecs:us-east-1:123456789012:service/prod/api",
                """
                {"ServiceName": "api", "TaskDefinition": "%s", "LaunchType": "FARGATE",
                 "NetworkConfiguration": {"AwsvpcConfiguration": {"AssignPublicIp": "ENABLED"}}}
                """
                    .formatted(TASK_DEFINITION_ARN),
                "OK")
            + ","
            + eventItem(
                "AWS::ECS::TaskSet",
                "ecs-svc/1234",
                """
                {"Id": "ecs-svc/1234", "TaskDefinition": "%s",
                 "NetworkConfiguration": {"AwsVpcConfiguration": {"AssignPublicIp": "DISABLED"}}}
                """
                    .formatted(TASK_DEFINITION_ARN),
                "ResourceDiscovered")
            + "]");
    assertThat(((Service) resources.get(0)).assignPublicIp().get()).isEqualTo("ENABLED");
    assertThat(((TaskSet) resources.get(1)).assignPublicIp().get()).isEqualTo("DISABLED");
  }

  @Test
  void anInactiveRevisionIsNotJudgedButKeptForTheServicesThatRunIt() throws InputException {
    read(
        eventItem(
            "AWS::ECS::TaskDefinition",
            "web:3",
            TASK_DEFINITION.replace("\"ACTIVE\"", "\"INACTIVE\""),
            "OK"));
    assertThat(resources).isEmpty();
    assertThat(deregistered).hasSize(1);
    assertThat(notes).singleElement().asString().contains("status INACTIVE");
  }

  @Test
  void aDeletedOrUnrecordedResourceIsNotedNotChecked() throws InputException {
    read(eventItem("AWS::ECS::Cluster", "prod", "null", "ResourceDeleted"));
    assertThat(resources).isEmpty();
    assertThat(notes).singleElement().asString().contains("ResourceDeleted");
  }

  @Test
  void aRulesInvokingEventIsReadThroughItsItem() throws InputException {
    assertThat(
            read(
                "{\"messageType\": \"ConfigurationItemChangeNotification\", \"configurationItem\": "
                    + eventItem("AWS::ECS::TaskDefinition", "web:3", TASK_DEFINITION, "OK")
                    + "}"))
        .isTrue();
    assertThat(resources).hasSize(1);
  }

  @Test
  void aConfigurationThatCannotBeReadMakesEveryControlUnknown() {
    String item = eventItem("AWS::ECS::TaskDefinition", "web:3", "\"{not json SECRETVALUE\"", "OK");
    List<Finding> findings = Scans.json(item, "ECS.4").findings();
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.status()).isEqualTo(Status.UNKNOWN);
              assertThat(f.message()).doesNotContain("SECRETVALUE");
            });
  }

  @Test
  void itemsOfOtherTypesInAListAreNotedAndOtherJsonIsLeftToItsFormat() throws InputException {
    read(
        "["
            + eventItem("AWS::ECS::Cluster", "prod", "{\"ClusterName\": \"prod\"}", "OK")
            + ", {\"resourceType\": \"AWS::S3::Bucket\", \"resourceId\": \"b\", \"configuration\": {}}]");
    assertThat(resources).hasSize(1);
    assertThat(notes).singleElement().asString().contains("AWS::S3::Bucket");
    assertThat(read("{\"family\": \"web\", \"containerDefinitions\": []}")).isFalse();
    assertThat(read("{\"Resources\": {\"T\": {\"Type\": \"AWS::ECS::TaskDefinition\"}}}"))
        .isFalse();
  }

  @Test
  void aScanOfItemsJudgesAsTheOtherFormatsDo() {
    List<Finding> findings =
        Scans.json(eventItem("AWS::ECS::TaskDefinition", "web:3", TASK_DEFINITION, "OK"), "ECS.4")
            .findings();
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.status()).isEqualTo(Status.FAILED);
              assertThat(f.location().line()).isPositive();
            });
  }
}
