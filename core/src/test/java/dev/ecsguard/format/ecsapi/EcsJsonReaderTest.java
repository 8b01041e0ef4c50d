package dev.ecsguard.format.ecsapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.model.Cluster;
import dev.ecsguard.model.ContainerDefinition;
import dev.ecsguard.model.Resource;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.Service;
import dev.ecsguard.model.TaskDefinition;
import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import dev.ecsguard.tree.Node;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EcsJsonReaderTest {
  private final List<Resource> resources = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private boolean read(String json) throws InputException {
    return new EcsJsonReader()
        .read(
            new DocumentReader(InputLimits.DEFAULT)
                .read(json.getBytes(StandardCharsets.UTF_8), "t.json"),
            new EcsJsonReader.Sink() {
              @Override
              public void resource(Resource resource, java.util.Map<String, String> labels) {
                resources.add(resource);
              }

              @Override
              public void note(Node where, String message) {
                notes.add(message);
              }
            });
  }

  @Test
  void registerInputIsATaskDefinitionNamedByFamily() throws InputException {
    assertThat(
            read(
                "{\"family\":\"web\",\"containerDefinitions\":[{\"name\":\"app\",\"privileged\":true}],\"tags\":[{\"key\":\"team\",\"value\":\"x\"}]}"))
        .isTrue();
    TaskDefinition taskDefinition = (TaskDefinition) resources.get(0);
    assertThat(taskDefinition.id()).isEqualTo("web");
    ContainerDefinition container = taskDefinition.containers().get().get(0);
    assertThat(container.label()).isEqualTo("container \"app\"");
    assertThat(container.privileged().get()).isTrue();
    assertThat(container.readonlyRootFilesystem().isAbsent()).isTrue();
    assertThat(taskDefinition.tags().get()).hasSize(1);
  }

  @Test
  void describeTaskDefinitionOutputIsNamedByArnWithTagsBeside() throws InputException {
    read(
        "{\"taskDefinition\":{\"taskDefinitionArn\":\"arn:aws:ecs:eu-west-1:1:task-definition/web:3\",\"family\":\"web\",\"containerDefinitions\":[]},\"tags\":[]}");
    assertThat(resources)
        .singleElement()
        .extracting(Resource::id)
        .isEqualTo("arn:aws:ecs:eu-west-1:1:task-definition/web:3");
    assertThat(((TaskDefinition) resources.get(0)).tags().isKnown()).isTrue();
  }

  @Test
  void describeOutputWithoutTagsLeavesTagsUnknown() throws InputException {
    read("{\"taskDefinition\":{\"family\":\"web\",\"containerDefinitions\":[]}}");
    assertThat(((TaskDefinition) resources.get(0)).tags().reason()).contains("--include TAGS");
  }

  @Test
  void describeEnvelopesOfEveryTypeAreRead() throws InputException {
    read(
        "[{\"services\":[{\"serviceName\":\"s\"}]},{\"clusters\":[{\"clusterName\":\"c\",\"settings\":[]}]},"
            + "{\"taskSets\":[{\"id\":\"ts\"}]},{\"capacityProviders\":[{\"name\":\"cp\"}]}]");
    assertThat(resources)
        .extracting(Resource::type)
        .containsExactly(
            ResourceType.SERVICE,
            ResourceType.CLUSTER,
            ResourceType.TASK_SET,
            ResourceType.CAPACITY_PROVIDER);
    assertThat(resources).extracting(Resource::id).containsExactly("s", "c", "ts", "cp");
    assertThat(((Cluster) resources.get(1)).containerInsights().isAbsent()).isTrue();
  }

  @Test
  void bareObjectsAreToldApartByTheirOwnFields() throws InputException {
    read(
        "[{\"clusterName\":\"c\",\"capacityProviders\":[\"FARGATE\"]},{\"serviceName\":\"s\",\"clusterArn\":\"arn:c\"},"
            + "{\"taskSetArn\":\"arn:ts\",\"serviceArn\":\"arn:s\"},{\"name\":\"cp\",\"autoScalingGroupProvider\":{}}]");
    assertThat(resources)
        .extracting(Resource::type)
        .containsExactly(
            ResourceType.CLUSTER,
            ResourceType.SERVICE,
            ResourceType.TASK_SET,
            ResourceType.CAPACITY_PROVIDER);
  }

  @Test
  void serviceNetworkAndStrategyAreRead() throws InputException {
    read(
        "{\"serviceName\":\"s\",\"capacityProviderStrategy\":[{\"capacityProvider\":\"FARGATE_SPOT\"}],"
            + "\"networkConfiguration\":{\"awsvpcConfiguration\":{\"assignPublicIp\":\"ENABLED\"}}}");
    Service service = (Service) resources.get(0);
    assertThat(service.assignPublicIp().get()).isEqualTo("ENABLED");
    assertThat(service.capacityProviders().get().get(0).get()).isEqualTo("FARGATE_SPOT");
  }

  @Test
  void wrongTypesAreUnknownWithTheFieldNamedAndNoValueQuoted() throws InputException {
    read(
        "{\"family\":\"web\",\"networkMode\":7,\"containerDefinitions\":[{\"name\":\"app\",\"privileged\":\"yes\"},\"oops\"]}");
    TaskDefinition taskDefinition = (TaskDefinition) resources.get(0);
    assertThat(taskDefinition.networkMode().reason())
        .isEqualTo("networkMode is a number, expected a string");
    ContainerDefinition app = taskDefinition.containers().get().get(0);
    assertThat(app.privileged().reason())
        .isEqualTo("containerDefinitions[0].privileged is a string, expected true or false")
        .doesNotContain("yes");
    ContainerDefinition oops = taskDefinition.containers().get().get(1);
    assertThat(oops.label()).isEqualTo("container containerDefinitions[1]");
    assertThat(oops.privileged().reason())
        .isEqualTo("containerDefinitions[1] is a string, expected an object");
  }

  @Test
  void absentNullAndEmptyStringAllMeanNotSet() throws InputException {
    read(
        "{\"family\":\"web\",\"pidMode\":null,\"networkMode\":\"\",\"containerDefinitions\":[{\"name\":\"a\",\"user\":\"\"}]}");
    TaskDefinition taskDefinition = (TaskDefinition) resources.get(0);
    assertThat(taskDefinition.pidMode().isAbsent()).isTrue();
    assertThat(taskDefinition.networkMode().isAbsent()).isTrue();
    assertThat(taskDefinition.ipcMode().isAbsent()).isTrue();
    assertThat(taskDefinition.containers().get().get(0).user().isAbsent()).isTrue();
  }

  @Test
  void aServiceWithTaskSetsIsAServiceAndItsTaskSetsAreRead() throws InputException {
    read(
        "{\"serviceName\":\"web\",\"taskSets\":[{\"id\":\"ecs-svc/1\",\"taskSetArn\":\"arn:ts\"}]}");
    assertThat(resources)
        .extracting(Resource::type)
        .containsExactly(ResourceType.SERVICE, ResourceType.TASK_SET);
    resources.clear();
    read("{\"services\":[{\"serviceName\":\"web\",\"taskSets\":[{\"id\":\"ecs-svc/1\"}]}]}");
    assertThat(resources).extracting(Resource::id).containsExactly("web", "ecs-svc/1");
  }

  @Test
  void anEnvelopeElementThatIsNotAnObjectIsNotedAndTheOthersAreRead() throws InputException {
    assertThat(read("{\"services\":[{\"serviceName\":\"web\"}, null],\"failures\":[]}")).isTrue();
    assertThat(resources).extracting(Resource::id).containsExactly("web");
    assertThat(notes)
        .singleElement()
        .asString()
        .isEqualTo("services[1] is null, expected an object; skipped, so it is not checked");
  }

  @Test
  void jsonThatIsNotEcsIsNotReadAndArrayElementsAreNoted() throws InputException {
    assertThat(read("{\"AWSTemplateFormatVersion\":\"2010-09-09\"}")).isFalse();
    assertThat(read("[{\"family\":\"web\",\"containerDefinitions\":[]}, 3]")).isTrue();
    assertThat(notes).singleElement().asString().contains("[1]").contains("not ECS JSON");
  }

  @Test
  void otherYamlWithAServiceOrClustersMemberIsNotEcs() throws InputException {
    // an OpenTelemetry collector's configuration (AWS's ECS blueprints ship one) and a kubeconfig
    assertThat(read("{\"receivers\":{},\"service\":{\"pipelines\":{}}}")).isFalse();
    assertThat(read("{\"clusters\":[{\"cluster\":{\"server\":\"https://k\"},\"name\":\"prod\"}]}"))
        .isFalse();
    assertThat(resources).isEmpty();
    assertThat(read("{\"service\":{\"serviceArn\":\"arn:s\",\"serviceName\":\"web\"}}")).isTrue();
    assertThat(read("{\"services\":[{\"serviceName\":\"web\"},{\"status\":\"ACTIVE\"}]}")).isTrue();
    assertThat(resources).extracting(Resource::id).containsExactly("arn:s", "web");
    assertThat(notes)
        .singleElement()
        .asString()
        .isEqualTo("services[1] has no serviceArn or serviceName; skipped, so it is not checked");
  }

  @Test
  void otherToolsConfigurationNamingAServiceOrClusterIsNotEcs() throws InputException {
    // a Serverless Framework service, a Google App Engine service, Helm values of an EKS add-on,
    // an assume-role configuration: the word is ECS's, the rest is not
    assertThat(read("{\"service\":\"billing\",\"provider\":{\"name\":\"aws\"},\"functions\":{}}"))
        .isFalse();
    assertThat(read("{\"runtime\":\"python312\",\"service\":\"worker\"}")).isFalse();
    assertThat(read("{\"clusterName\":\"eks-prod\",\"replicaCount\":2,\"region\":\"eu-west-1\"}"))
        .isFalse();
    assertThat(read("{\"roleArn\":\"arn:aws:iam::1:role/r\",\"externalId\":\"x\",\"scale\":1}"))
        .isFalse();
    assertThat(read("{\"clusterArn\":\"arn:aws:eks:eu-west-1:1:cluster/k\",\"nodeGroups\":[]}"))
        .isFalse();
    assertThat(resources).isEmpty();
  }

  @Test
  void whatUpdateServiceLeavesOutTheServiceKeepsSoItIsUnknown() throws InputException {
    assertThat(read("{\"service\":\"web\",\"cluster\":\"prod\",\"desiredCount\":2}")).isTrue();
    Service kept = (Service) resources.get(0);
    // never absent: an absent network configuration would pass ECS.2
    assertThat(kept.assignPublicIp().isUnknown()).isTrue();
    assertThat(kept.assignPublicIp().reason()).contains("update-service keeps the service's");
    assertThat(kept.launchType().isUnknown()).isTrue();
    assertThat(kept.tags().isUnknown()).isTrue();
    assertThat(kept.tags().reason()).contains("update-service cannot change the service's tags");
    resources.clear();
    String network =
        "\"networkConfiguration\":{\"awsvpcConfiguration\":{\"subnets\":[\"s\"],\"assignPublicIp\":\"ENABLED\"}}";
    assertThat(
            read(
                "{\"service\":\"web\",\"capacityProviderStrategy\":[{\"capacityProvider\":\"FARGATE\"}],"
                    + network
                    + "}"))
        .isTrue();
    Service changed = (Service) resources.get(0);
    assertThat(changed.assignPublicIp().get()).isEqualTo("ENABLED");
    assertThat(changed.launchType().isAbsent()).isTrue(); // a strategy is given instead
    // create-service input is the whole service: what it leaves out is not set
    resources.clear();
    assertThat(read("{\"serviceName\":\"web\",\"taskDefinition\":\"web:3\"}")).isTrue();
    assertThat(((Service) resources.get(0)).assignPublicIp().isAbsent()).isTrue();
  }

  @Test
  void ecsInputsAndOutputsNamedByACommonWordAreStillRead() throws InputException {
    assertThat(read("{\"clusterName\":\"prod\"}")).isTrue(); // create-cluster input
    assertThat(read("{\"service\":\"web\",\"cluster\":\"prod\",\"forceNewDeployment\":true}"))
        .isTrue(); // update-service input
    // an unknown member beside a field only ECS has, or an ECS ARN, as AWS's newer output has
    assertThat(read("{\"serviceName\":\"api\",\"launchType\":\"FARGATE\",\"newField\":1}"))
        .isTrue();
    assertThat(
            read(
                "{\"clusterArn\":\"arn:aws:ecs:eu-west-1:1:cluster/c\",\"clusterName\":\"c\",\"newField\":1}"))
        .isTrue();
    assertThat(read("{\"externalId\":\"blue\",\"service\":\"web\",\"taskDefinition\":\"web:3\"}"))
        .isTrue(); // create-task-set input
    assertThat(resources)
        .extracting(Resource::type)
        .containsExactly(
            ResourceType.CLUSTER,
            ResourceType.SERVICE,
            ResourceType.SERVICE,
            ResourceType.CLUSTER,
            ResourceType.TASK_SET);
  }
}
