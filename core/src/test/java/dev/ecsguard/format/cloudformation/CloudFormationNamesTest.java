package dev.ecsguard.format.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.format.ResourceShapes;
import dev.ecsguard.format.Spelling;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.InputLimits;
import dev.ecsguard.tree.ObjectNode;
import dev.ecsguard.tree.ScalarNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The one casing table: each field the reader names round-trips, and the fix's name for it is the
 * reader's.
 */
class CloudFormationNamesTest {
  private static final Path PARITY =
      Path.of("src/test/resources/dev/ecsguard/parity/cloudformation.yaml");

  /** The types the parity template has none of. */
  private static final String MORE =
      """
      {"Resources": {
        "Blue": {"Type": "AWS::ECS::TaskSet", "Properties": {"NetworkConfiguration": {"AwsVpcConfiguration": {"AssignPublicIp": "ENABLED"}}}},
        "Asg": {"Type": "AWS::ECS::CapacityProvider", "Properties": {
          "AutoScalingGroupProvider": {"ManagedTerminationProtection": "DISABLED"}, "Tags": [{"Key": "team", "Value": "a"}]}}}}
      """;

  @Test
  void everyFieldTheReaderNamesRoundTripsAndTheFixNamesItAlike() throws Exception {
    DocumentReader documents = new DocumentReader(InputLimits.DEFAULT);
    Set<ResourceType> seen = new HashSet<>();
    int steps = 0;
    for (ObjectNode template :
        List.of(
            (ObjectNode) documents.read(PARITY, PARITY.toString()).root(),
            (ObjectNode)
                documents.read(MORE.getBytes(StandardCharsets.UTF_8), "more.json").root())) {
      steps += check((ObjectNode) template.get("Resources"), seen);
    }
    assertThat(seen).containsExactlyInAnyOrder(ResourceType.values());
    assertThat(steps).isGreaterThan(30);
  }

  /** The number of steps the reader named in {@code resources}. */
  private static int check(ObjectNode resources, Set<ResourceType> seen) {
    int steps = 0;
    for (String logicalId : resources.names()) {
      ObjectNode resource = (ObjectNode) resources.get(logicalId);
      String typeName = ((ScalarNode) resource.get("Type")).text();
      ResourceType type =
          Arrays.stream(ResourceType.values())
              .filter(t -> t.awsName().equals(typeName))
              .findFirst()
              .orElseThrow();
      List<String> named = new ArrayList<>();
      ResourceShapes shapes =
          new ResourceShapes(
              Spelling.lenient(
                  step -> {
                    named.add(step);
                    return CloudFormationNames.SPELLING.name(step);
                  }));
      ObjectNode properties = (ObjectNode) resource.get("Properties");
      switch (type) {
        case TASK_DEFINITION ->
            shapes.taskDefinition(logicalId, properties, shapes.tags(properties), null);
        case SERVICE ->
            shapes.service(
                logicalId, properties, shapes.tags(properties), shapes.taskDefinitions(properties));
        case CLUSTER ->
            shapes.cluster(
                logicalId,
                properties,
                shapes.setting(properties, "settings", "containerInsights"),
                shapes.tags(properties));
        case TASK_SET -> shapes.taskSet(logicalId, properties, shapes.taskDefinitions(properties));
        case CAPACITY_PROVIDER ->
            shapes.capacityProvider(logicalId, properties, shapes.tags(properties));
      }
      seen.add(type);
      for (String step : named) {
        String field = Spelling.unqualified(step);
        String template = CloudFormationNames.SPELLING.name(step);
        assertThat(CloudFormationNames.apiName(template))
            .as("%s: %s → %s → API", type, step, template)
            .isEqualTo(field);
        assertThat(CloudFormationNames.templateName(type, field))
            .as("the fix's name for %s's %s", type, field)
            .isEqualTo(template);
      }
      steps += named.size();
    }
    return steps;
  }

  @Test
  void theExceptionsGoBothWays() {
    assertThat(
            CloudFormationNames.templateName(
                ResourceType.TASK_DEFINITION, "efsVolumeConfiguration"))
        .isEqualTo("EFSVolumeConfiguration");
    assertThat(CloudFormationNames.templateName(ResourceType.CLUSTER, "settings"))
        .isEqualTo("ClusterSettings");
    assertThat(CloudFormationNames.templateName(ResourceType.TASK_SET, "awsvpcConfiguration"))
        .isEqualTo("AwsVpcConfiguration");
    assertThat(CloudFormationNames.templateName(ResourceType.SERVICE, "awsvpcConfiguration"))
        .isEqualTo("AwsvpcConfiguration");
    for (String template :
        List.of(
            "EFSVolumeConfiguration",
            "ClusterSettings",
            "AwsVpcConfiguration",
            "AwsvpcConfiguration")) {
      assertThat(CloudFormationNames.apiName(template))
          .isIn("efsVolumeConfiguration", "settings", "awsvpcConfiguration");
    }
  }
}
