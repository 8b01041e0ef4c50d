package dev.ecsguard.fix.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.control.RemedyOptions;
import dev.ecsguard.fix.FileFix;
import dev.ecsguard.fix.shared.FixResult;
import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CloudFormation templates are fixed by edits at their values' positions: the rest of the text
 * stays byte for byte.
 */
class TemplateFixTest {
  private static final RemedyOptions OPTIONS =
      new RemedyOptions("1000:1000", List.of(), "eu-west-1", Map.of(), false);
  private static final String HEAD = "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n";

  private static FixResult fix(String name, String text, RemedyOptions options)
      throws InputException {
    FixResult result = FileFix.fix(name, text, options);
    new DocumentReader(InputLimits.DEFAULT)
        .read(result.fixed().getBytes(StandardCharsets.UTF_8), name); // it parses
    assertThat(FileFix.fix(name, result.fixed(), options).fixed())
        .as("fixing twice changes nothing")
        .isEqualTo(result.fixed());
    return result;
  }

  private static String yaml(String text) throws InputException {
    return fix("t.yaml", text, OPTIONS).fixed();
  }

  @Test
  void aBlockMappingGetsNewKeysAtItsSiblingsIndentationAndKeepsItsComments() throws InputException {
    String original =
        HEAD
            + """
          Task:   # the web task
            Type: AWS::ECS::TaskDefinition
            Properties:
              Family: web
              ContainerDefinitions:
                - Privileged: true  # needed once
                  Name: 'web'
                  Image: "nginx"   # pinned later
              Tags: [{Key: team, Value: web}]
        """;
    assertThat(yaml(original))
        .isEqualTo(
            HEAD
                + """
          Task:   # the web task
            Type: AWS::ECS::TaskDefinition
            Properties:
              Family: web
              ContainerDefinitions:
                - Name: 'web'
                  Image: "nginx"   # pinned later
                  ReadonlyRootFilesystem: true
                  MountPoints:
                    - SourceVolume: tmp
                      ContainerPath: /tmp
                  LogConfiguration:
                    LogDriver: awslogs
                    Options:
                      awslogs-group: /ecs/web
                      awslogs-region: eu-west-1
                      awslogs-stream-prefix: web
                      awslogs-create-group: "true"
                  User: 1000:1000
              Tags: [{Key: team, Value: web}]
              Volumes:
                - Name: tmp
        """);
  }

  @Test
  void aPropertyNameCloudFormationRefusesIsLeftAsWrittenAsTheScanReadsItAsAbsent()
      throws InputException {
    String original =
        HEAD
            + """
          Task:
            Type: AWS::ECS::TaskDefinition
            Properties:
              Tags: [{Key: team, Value: web}]
              ContainerDefinitions:
                - {Name: a, Image: "a:1", privileged: true, user: root, ReadonlyRootFilesystem: true, User: "1000:1000", LogConfiguration: {LogDriver: awslogs}}
        """;
    // The scan passes ECS.4 and ECS.20 (and notes the names): the fix has nothing to do for them,
    // and it neither removes the misspelt properties nor writes their right spelling beside them.
    assertThat(yaml(original)).isEqualTo(original);
  }

  @Test
  void anImageAFunctionComputesGetsAStepThatNamesTheFunctionNotAPinImageOption()
      throws InputException {
    String original =
        "Parameters:\n  ImageUrl: {Type: String}\n"
            + HEAD.substring(HEAD.indexOf("Resources:"))
            + """
          Task:
            Type: AWS::ECS::TaskDefinition
            Properties:
              Tags: [{Key: team, Value: web}]
              ContainerDefinitions:
                - {Name: a, Image: !Ref ImageUrl, ReadonlyRootFilesystem: true, User: "1000:1000", LogConfiguration: {LogDriver: awslogs}}
        """;
    FixResult result = fix("t.yaml", original, OPTIONS);
    assertThat(result.fixed()).isEqualTo(original);
    assertThat(result.instructions())
        .contains(
            "Task: container \"a\" runs an image (computed by Ref ImageUrl); give what it yields a"
                + " version tag or its digest (ECSG.7)")
        .noneMatch(step -> step.contains("--pin-image"));
  }

  @Test
  void flowMappingsAndListsGetFlowMembersWithCommas() throws InputException {
    String original =
        HEAD
            + """
          Task:
            Type: AWS::ECS::TaskDefinition
            Properties: {Family: f, Volumes: [], Tags: [{Key: a, Value: b}],
              ContainerDefinitions: [{Name: a, Privileged: true, User: root, ReadonlyRootFilesystem: "false", LogConfiguration: {LogDriver: awslogs}}]}
        """;
    assertThat(yaml(original))
        .isEqualTo(
            HEAD
                + """
          Task:
            Type: AWS::ECS::TaskDefinition
            Properties: {Family: f, Volumes: [{Name: tmp}], Tags: [{Key: a, Value: b}],
              ContainerDefinitions: [{Name: a, User: 1000:1000, ReadonlyRootFilesystem: true, LogConfiguration: {LogDriver: awslogs}, MountPoints: [{SourceVolume: tmp, ContainerPath: /tmp}]}]}
        """);
  }

  @Test
  void jsonGetsNewMembersAtTheIndentationOfTheLastAndKeepsEverythingElse() throws InputException {
    String original =
        """
        {
            "Resources": {
                "Provider": {"Type": "AWS::ECS::CapacityProvider", "Properties": {"AutoScalingGroupProvider": {
                    "AutoScalingGroupArn": "asg",
                    "ManagedScaling": {"Status": "ENABLED"}}}},
                "Service": {
                    "Type": "AWS::ECS::Service",
                    "Properties": {
                        "LaunchType": "FARGATE", "PlatformVersion": "1.3.0",
                        "NetworkConfiguration": {"AwsvpcConfiguration": {"AssignPublicIp": "ENABLED", "Subnets": ["s"]}},
                        "Tags": [{"Key": "a", "Value": "b"}]
                    }
                },
                "Set": {"Type": "AWS::ECS::TaskSet", "Properties": {"NetworkConfiguration": {"AwsVpcConfiguration": {"AssignPublicIp": "ENABLED"}}}}
            }
        }
        """;
    FixResult result = fix("t.json", original, OPTIONS);
    assertThat(result.fixed())
        .isEqualTo(
            """
        {
            "Resources": {
                "Provider": {"Type": "AWS::ECS::CapacityProvider", "Properties": {"AutoScalingGroupProvider": {
                    "AutoScalingGroupArn": "asg",
                    "ManagedScaling": {"Status": "ENABLED"},
                    "ManagedTerminationProtection": "ENABLED"}}},
                "Service": {
                    "Type": "AWS::ECS::Service",
                    "Properties": {
                        "LaunchType": "FARGATE", "PlatformVersion": "LATEST",
                        "NetworkConfiguration": {"AwsvpcConfiguration": {"AssignPublicIp": "DISABLED", "Subnets": ["s"]}},
                        "Tags": [{"Key": "a", "Value": "b"}]
                    }
                },
                "Set": {"Type": "AWS::ECS::TaskSet", "Properties": {"NetworkConfiguration": {"AwsVpcConfiguration": {"AssignPublicIp": "DISABLED"}}}}
            }
        }
        """);
    assertThat(result.removed()).containsOnlyKeys("ECS.2", "ECS.10", "ECS.16", "ECS.19");
  }

  @Test
  void aClusterWithoutPropertiesGetsThemAndAJsonKeyIsRemovedWithItsComma() throws InputException {
    String original =
        """
        {"Resources": {
          "Cluster": {"Type": "AWS::ECS::Cluster"},
          "Task": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"ContainerDefinitions": [
            {"Name": "a", "ReadonlyRootFilesystem": true, "User": "1", "LogConfiguration": {"LogDriver": "awslogs"}, "Privileged": true}]}}
        }}
        """;
    assertThat(fix("t.template", original, OPTIONS).fixed())
        .isEqualTo(
            """
        {"Resources": {
          "Cluster": {"Type": "AWS::ECS::Cluster", "Properties": {"ClusterSettings": [{"Name": "containerInsights", "Value": "enabled"}]}},
          "Task": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"ContainerDefinitions": [
            {"Name": "a", "ReadonlyRootFilesystem": true, "User": "1", "LogConfiguration": {"LogDriver": "awslogs"}}]}}
        }}
        """);
  }

  @Test
  void aMovedCredentialTakesItsLinesAndTheLastOneLeavesAnEmptyList() throws InputException {
    RemedyOptions secrets =
        new RemedyOptions(
            "1000:1000",
            List.of(),
            "eu-west-1",
            Map.of(
                "AWS_ACCESS_KEY_ID",
                "arn:aws:ssm:eu-west-1:1:parameter/id",
                "AWS_SECRET_ACCESS_KEY",
                "arn:aws:ssm:eu-west-1:1:parameter/key"),
            false);
    String original =
        HEAD
            + """
          Task:
            Type: AWS::ECS::TaskDefinition
            Properties:
              Tags: [{Key: a, Value: b}]
              Volumes: [{Name: tmp}]
              ContainerDefinitions:
                - Name: a
                  User: app
                  ReadonlyRootFilesystem: true
                  LogConfiguration: {LogDriver: awslogs}
                  Environment:
                    # keys for the old API
                    - Name: AWS_ACCESS_KEY_ID
                      Value: AKIAEXAMPLE
                    - Name: AWS_SECRET_ACCESS_KEY
                      Value: >-
                        folded
                        secret
                  MountPoints: [{SourceVolume: tmp, ContainerPath: /tmp}]
        """;
    FixResult result = fix("t.yml", original, secrets);
    assertThat(result.fixed())
        .isEqualTo(
            HEAD
                + """
          Task:
            Type: AWS::ECS::TaskDefinition
            Properties:
              Tags: [{Key: a, Value: b}]
              Volumes: [{Name: tmp}]
              ContainerDefinitions:
                - Name: a
                  User: app
                  ReadonlyRootFilesystem: true
                  LogConfiguration: {LogDriver: awslogs}
                  Environment:
                    # keys for the old API
                    []
                  MountPoints: [{SourceVolume: tmp, ContainerPath: /tmp}]
                  Secrets:
                    - Name: AWS_SECRET_ACCESS_KEY
                      ValueFrom: arn:aws:ssm:eu-west-1:1:parameter/key
                    - Name: AWS_ACCESS_KEY_ID
                      ValueFrom: arn:aws:ssm:eu-west-1:1:parameter/id
        """);
    assertThat(result.diff())
        .contains("(value not shown)")
        .doesNotContain("AKIAEXAMPLE")
        .doesNotContain("folded")
        .doesNotContain("secret\n");
    assertThat(result.remaining()).isEmpty();
  }

  @Test
  void aScalarAFunctionComputesBecomesTheLiteralTheControlNeeds() throws InputException {
    String original =
        HEAD
            + """
          Task:
            Type: AWS::ECS::TaskDefinition
            Properties:
              Family: !Sub "${AWS::StackName}-web"
              Tags: [{Key: a, Value: b}]
              ContainerDefinitions:
                - Name: web
                  User: !Ref AppUser
                  ReadonlyRootFilesystem: !If [Prod, true, false]
                  Privileged:
                    Fn::If: [Prod, false, true]
                  MountPoints: [{SourceVolume: tmp, ContainerPath: /tmp}]
              Volumes: [{Name: tmp}]
        """;
    assertThat(yaml(original))
        .isEqualTo(
            HEAD
                + """
          Task:
            Type: AWS::ECS::TaskDefinition
            Properties:
              Family: !Sub "${AWS::StackName}-web"
              Tags: [{Key: a, Value: b}]
              ContainerDefinitions:
                - Name: web
                  User: !Ref AppUser
                  ReadonlyRootFilesystem: true
                  MountPoints: [{SourceVolume: tmp, ContainerPath: /tmp}]
                  LogConfiguration:
                    LogDriver: awslogs
                    Options:
                      awslogs-group: /ecs/Task
                      awslogs-region: eu-west-1
                      awslogs-stream-prefix: web
                      awslogs-create-group: "true"
              Volumes: [{Name: tmp}]
        """);
  }

  @Test
  void aStructureAFunctionComputesLeavesItsResourceUnchangedWithAnInstruction()
      throws InputException {
    String original =
        HEAD
            + """
          Listed:
            Type: AWS::ECS::TaskDefinition
            Properties:
              ContainerDefinitions: !If [Prod, [{Name: a, Image: x}], [{Name: b, Image: y, Privileged: true}]]
          Mounted:
            Type: AWS::ECS::TaskDefinition
            Properties:
              Volumes: !If [Prod, [{Name: data}], !Ref AWS::NoValue]
              ContainerDefinitions: [{Name: a, Privileged: true}]
          Named:
            Type: AWS::ECS::TaskDefinition
            Properties:
              ContainerDefinitions: [{Name: !Sub "${AWS::StackName}", ReadonlyRootFilesystem: true, User: app}]
        """;
    FixResult result = FileFix.fix("t.yaml", original, OPTIONS);
    assertThat(result.fixed()).isEqualTo(original);
    assertThat(result.instructions())
        .contains(
            "Mounted: left unchanged: Volumes is computed by a function, and ecsguard does not guess what it yields; fix by hand what ecsguard scan reports")
        .contains(
            "Named: left unchanged: ContainerDefinitions[0].LogConfiguration is computed by a function, and ecsguard does not guess what it yields;"
                + " fix by hand what ecsguard scan reports")
        .anyMatch(step -> step.startsWith("Listed: add tags"));
  }

  @Test
  void oddShapesLeaveTheirResourceUnchangedWithANoteAndTheOthersAreFixed() throws InputException {
    String original =
        HEAD
            + """
          Listed:
            Type: AWS::ECS::Cluster
            Properties: [a]
          Typed:
            Type: AWS::ECS::TaskDefinition
            Properties:
              Volumes: tmp
              ContainerDefinitions: [{Name: a}]
          Computed:
            Type: AWS::ECS::Service
            Properties: !If [Prod, {}, {}]
          Good:
            Type: AWS::ECS::CapacityProvider
            Properties:
              AutoScalingGroupProvider:
                ManagedScaling:
                  Status: ENABLED
        """;
    FixResult result = fix("t.yaml", original, OPTIONS);
    assertThat(result.instructions())
        .containsExactly(
            "Listed: left unchanged: its Properties are a list, not a mapping",
            "Typed: left unchanged: a property has a type AWS::ECS::TaskDefinition does not accept",
            "Computed: left unchanged: its Properties are computed by Fn::If, not a mapping");
    assertThat(result.fixed())
        .isEqualTo(
            original.replace(
                "Status: ENABLED\n",
                "Status: ENABLED\n        ManagedTerminationProtection: ENABLED\n"));
  }

  @Test
  void aTemplateWithYamlAliasesIsLeftAsItIs() throws InputException {
    String original =
        HEAD
            + """
          Task:
            Type: AWS::ECS::TaskDefinition
            Properties:
              Tags: &tags [{Key: a, Value: b}]
              ContainerDefinitions: [{Name: a, Privileged: true}]
          Service:
            Type: AWS::ECS::Service
            Properties: {Tags: *tags}
        """;
    FixResult result = FileFix.fix("t.yaml", original, OPTIONS);
    assertThat(result.fixed()).isEqualTo(original);
    assertThat(result.instructions())
        .containsExactly("the template is left unchanged: it uses YAML aliases (*name)");
  }

  @Test
  void aTemplateWithYamlMergeKeysIsLeftAsItIsWithAStep() throws InputException {
    // The merged Privileged: true is read where the merge stands; an edit there would miss it or
    // change the anchor for every user.
    for (String merge : List.of("<<: {Privileged: true}", "<<: *defaults")) {
      String original =
          "Metadata:\n  Defaults: &defaults {Privileged: true}\n"
              + HEAD.substring(HEAD.indexOf("Resources"))
              + """
            Task:
              Type: AWS::ECS::TaskDefinition
              Properties:
                ContainerDefinitions:
                  - Name: app
                    Image: nginx
          """
              + merge.indent(10);
      FixResult result = FileFix.fix("t.yaml", original, OPTIONS);
      assertThat(result.fixed()).as(merge).isEqualTo(original);
      assertThat(result.instructions())
          .as(merge)
          .containsExactly("the template is left unchanged: it uses YAML merge keys (<<)");
    }
  }

  @Test
  void resourcesMadeByAForEachLoopAreLeftToTheUserWithAStep() throws InputException {
    String original =
        "Transform: AWS::LanguageExtensions\n"
            + HEAD
            + """
          Fn::ForEach::Tasks:
            - Name
            - [Web, Worker]
            - TaskDef${Name}:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  ContainerDefinitions: [{Name: app, Image: nginx, Privileged: true}]
        """;
    for (String template : List.of(original, original + "  Cluster: {Type: AWS::ECS::Cluster}\n")) {
      FixResult result = FileFix.fix("t.yaml", template, OPTIONS);
      assertThat(result.fixed()).startsWith(original); // another resource is still fixed
      assertThat(result.instructions())
          .contains(
              "Fn::ForEach::Tasks: left unchanged: it makes one resource per item, each from the same text; harden them in the loop's body by hand");
    }
  }

  @Test
  void emptyValuesBlockScalarsAndWindowsLineBreaksKeepTheirPlace() throws InputException {
    String original =
        (HEAD
                + """
          Task:
            Type: AWS::ECS::TaskDefinition
            Properties:
              Tags: [{Key: a, Value: b}]
              ContainerDefinitions:
                - Name: a
                  LogConfiguration:
                  Command: |
                    run
                    it
              Volumes:
                - Name: tmp
                  Host: {}
        # the end
        """)
            .replace("\n", "\r\n");
    assertThat(yaml(original))
        .isEqualTo(
            (HEAD
                    + """
          Task:
            Type: AWS::ECS::TaskDefinition
            Properties:
              Tags: [{Key: a, Value: b}]
              ContainerDefinitions:
                - Name: a
                  LogConfiguration: {LogDriver: awslogs, Options: {awslogs-group: /ecs/Task, awslogs-region: eu-west-1, awslogs-stream-prefix: a, awslogs-create-group: "true"}}
                  Command: |
                    run
                    it
                  ReadonlyRootFilesystem: true
                  MountPoints:
                    - SourceVolume: tmp
                      ContainerPath: /tmp
                  User: 1000:1000
              Volumes:
                - Name: tmp
                  Host: {}
        # the end
        """)
                .replace("\n", "\r\n"));
  }

  @Test
  void charactersBeyondTheBasicPlaneKeepTheirOffsets() throws InputException {
    String json =
        "{\"Resources\": {\"C\": {\"Type\": \"AWS::ECS::Cluster\", \"Properties\": {\"Tags\": [{\"Key\": \"\uD83D\uDE80\", \"Value\": \"v\"}]}}}}";
    assertThat(fix("t.json", json, OPTIONS).fixed())
        .isEqualTo(
            json.replace(
                "}]}}}}",
                "}], \"ClusterSettings\": [{\"Name\": \"containerInsights\", \"Value\": \"enabled\"}]}}}}"));
    String yaml =
        HEAD
            + "  C:  # \uD83D\uDE80 launch\n    Type: AWS::ECS::Cluster\n    Properties: {Tags: [{Key: \uD83D\uDE80, Value: v}]}\n";
    assertThat(yaml(yaml))
        .isEqualTo(
            yaml.replace(
                "v}]}", "v}], ClusterSettings: [{Name: containerInsights, Value: enabled}]}"));
  }

  @Test
  void aStepNamesTheParameterARefReads() throws Exception {
    String original =
        """
        Parameters:
          ServiceName: {Type: String, Default: web}
          ImageUrl: {Type: String, Default: nginx}
        Resources:
          Task:
            Type: AWS::ECS::TaskDefinition
            Properties:
              Tags: [{Key: team, Value: a}]
              ContainerDefinitions:
                - Name: !Ref ServiceName
                  Image: {"Ref": "ImageUrl"}
                  ReadonlyRootFilesystem: true
                  User: app
        """;
    FixResult result = FileFix.fix("t.yaml", original, OPTIONS);
    assertThat(result.instructions())
        .anyMatch(
            step ->
                step.startsWith(
                    "Task: container \"(computed by Ref ServiceName)\" runs an image (computed by"
                        + " Ref ImageUrl)"));
  }
}
