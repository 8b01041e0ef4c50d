package dev.ecsguard.format.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.Note;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.engine.Scans;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CloudFormation templates: functions, conditions, spellings, positions and what stays unknown. */
class CloudFormationReaderTest {

  private static ScanResult scan(
      String template, Map<String, String> cfnParameters, String... controls) {
    ScanResult result = Scans.text(template, "stack.yaml", Map.of(), cfnParameters, controls);
    assertThat(result.errors()).isEmpty();
    return result;
  }

  private static Finding only(ScanResult result) {
    assertThat(result.findings()).hasSize(1);
    return result.findings().get(0);
  }

  private static String taskDefinition(String containerProperties) {
    return """
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          Env: {Type: String, Default: prod}
          NoDefault: {Type: String}
          Flag: {Type: String, Default: "false"}
          Latest: {Type: "AWS::SSM::Parameter::Value<String>", Default: /platform/version}
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
          IsFlag: !Equals [!Ref Flag, "true"]
          Unknowable: !Equals [!Ref NoDefault, x]
          ProdOrUnknowable: !Or [!Condition IsProd, !Condition Unknowable]
          NotProdAndUnknowable: !And [!Condition NotProd, !Condition Unknowable]
          NotProd: !Not [!Condition IsProd]
          Circular: !Not [!Condition Circular]
        Mappings:
          Modes: {prod: {privileged: "false", list: [a, b]}, dev: {privileged: "true"}}
        Resources:
          TaskDef:
            Type: AWS::ECS::TaskDefinition
            Properties:
              ContainerDefinitions:
                - Name: app
                  Image: nginx
        """
        + containerProperties.indent(10);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Privileged: true",
        "Privileged: \"true\"",
        "Privileged: \"True\"",
        "Privileged: TRUE",
        "Privileged: yes",
        "Privileged: !If [IsProd, true, false]",
        "Privileged: !If [NotProd, false, \"TRUE\"]",
        "Privileged: !If [ProdOrUnknowable, true, false]",
        "Privileged: !FindInMap [Modes, dev, privileged]",
        "Privileged: !Select [1, [false, true]]",
        "Privileged: !Sub \"t${Rest}\"",
        "Privileged: !Join [\"\", [t, r, u, e]]",
        "Privileged: !Select [0, !Split [\",\", \"true,false\"]]",
        "Privileged: {\"Fn::If\": [IsProd, true, false]}"
      })
  void everySpellingOfTrueIsTrue(String privileged) {
    String template = taskDefinition(privileged).replace("${Rest}", "rue");
    assertThat(only(scan(template, Map.of(), "ECS.4")).status()).isEqualTo(Status.FAILED);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Privileged: false",
        "Privileged: \"False\"",
        "Privileged: !If [NotProdAndUnknowable, true, false]",
        "Privileged: !Ref AWS::NoValue",
        "Privileged: !FindInMap [Modes, !Ref Env, privileged]",
        "Privileged: !If [IsFlag, true, false]"
      })
  void falseAndAbsentPass(String privileged) {
    assertThat(only(scan(taskDefinition(privileged), Map.of(), "ECS.4")).status())
        .isEqualTo(Status.PASSED);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Privileged: !Ref NoDefault|Ref NoDefault: the parameter has no Default (give it with --cfn-param NoDefault=VALUE)",
        "Privileged: !If [Unknowable, true, false]|Fn::If Unknowable: Ref NoDefault",
        "Privileged: !If [Circular, true, false]|condition Circular depends on itself",
        "Privileged: !If [Missing, true, false]|condition Missing is not defined in Conditions",
        "Privileged: !GetAtt Thing.Flag|Fn::GetAtt Thing.Flag is known only after deployment",
        "Privileged: !GetAtt [Thing, Flag]|Fn::GetAtt Thing.Flag is known only after deployment",
        "Privileged: !ImportValue shared-flag|Fn::ImportValue takes its value from another stack",
        "Privileged: !Ref Latest|an SSM parameter, read only at deployment",
        "Privileged: !Ref AWS::Region|Ref AWS::Region is known only at deployment",
        "Privileged: !Ref TaskDef|the id of resource TaskDef is known only after deployment",
        "Privileged: !Ref Nowhere|no parameter or resource of that name",
        "Privileged: !Sub \"${AWS::StackName}\"|Fn::Sub ${AWS::StackName}: Ref AWS::StackName is known only at deployment",
        "Privileged: !Frobnicate x|unknown function Fn::Frobnicate",
        "Privileged: !GetAZs \"\"|Fn::GetAZs is not evaluated by ecsguard",
        "Privileged: !Equals [a, a]|Fn::Equals belongs in Conditions",
        "Privileged: !FindInMap [Modes, test, privileged]|Fn::FindInMap: Modes.test.privileged is not in Mappings",
        "Privileged: !Select [5, [true]]|Fn::Select: index 5 is past the end of the list",
        "Privileged: maybe|Privileged is a string, expected true or false"
      })
  void whatATemplateCannotTellIsUnknownAndSaysWhy(String caseText) {
    String[] parts = caseText.split("\\|");
    Finding finding = only(scan(taskDefinition(parts[0]), Map.of(), "ECS.4"));
    assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
    assertThat(finding.message()).contains(parts[1]);
    assertThat(finding.location().line())
        .isEqualTo(24); // the line of the expression, not of the resource
  }

  @Test
  void anEmptyDefaultIsTheEmptyStringNotAMissingDefault() {
    String template =
        """
        Parameters:
          Role: {Type: String, Default: ""}
        Conditions:
          HasRole: !Not [!Equals [!Ref Role, ""]]
        Resources:
          TaskDef:
            Type: AWS::ECS::TaskDefinition
            Properties:
              ContainerDefinitions:
                - Name: app
                  Image: nginx
                  Privileged: !If [HasRole, false, true]
        """;
    assertThat(only(scan(template, Map.of(), "ECS.4")).status()).isEqualTo(Status.FAILED);
    assertThat(only(scan(template, Map.of("Role", "arn:aws:iam::1:role/r"), "ECS.4")).status())
        .isEqualTo(Status.PASSED);
  }

  @Test
  void givenParameterValuesOverrideDefaultsAndFillTheMissing() {
    String template =
        taskDefinition("Privileged: !If [Unknowable, true, false]\nUser: !Ref AWS::AccountId");
    assertThat(only(scan(template, Map.of("NoDefault", "x"), "ECS.4")).status())
        .isEqualTo(Status.FAILED);
    assertThat(only(scan(template, Map.of("NoDefault", "y"), "ECS.4")).status())
        .isEqualTo(Status.PASSED);
    assertThat(
            only(scan(
                    taskDefinition("Privileged: !If [IsProd, true, false]"),
                    Map.of("Env", "dev"),
                    "ECS.4"))
                .status())
        .isEqualTo(Status.PASSED);
    assertThat(only(scan(template, Map.of("AWS::AccountId", "0"), "ECS.20")).status())
        .isEqualTo(Status.FAILED);
  }

  @Test
  void propertyNamesStartingLowerCaseAreNotedOutsideTheUsersOwnMaps() {
    String template =
        """
        Resources:
          Td:
            Type: AWS::ECS::TaskDefinition
            Properties:
              networkMode: host
              ContainerDefinitions:
                - Name: app
                  privileged: true
                  Privilege: true
                  DockerLabels: {team: a}
                  LogConfiguration: {LogDriver: awslogs, Options: {awslogs-group: g}}
        """;
    ScanResult result = scan(template, Map.of(), "ECS.4");
    // A container's members are judged as in every format: no container field has such a name.
    assertThat(result.notes())
        .extracting(Note::message)
        .containsExactlyInAnyOrder(
            "Td: networkMode: CloudFormation's property names start upper"
                + " case (Privileged, not privileged), so it refuses this template; ecsguard reads"
                + " such a property as absent",
            "Td: container \"app\": privileged (Privileged?), Privilege are no fields of an ECS"
                + " container definition (misspelt?), so ecsguard reads them as absent; ECS and"
                + " CloudFormation refuse such a name, AWS's Terraform provider drops it");
  }

  @Test
  void parameterValuesTheTemplateCannotUseAreNoted() {
    String template =
        "Parameters:\n  Env: {Type: String, Default: prod, AllowedValues: [prod, dev]}\n"
            + "Resources:\n  C:\n    Type: AWS::ECS::Cluster\n";
    ScanResult result = scan(template, Map.of("Evn", "dev", "Env", "qa"), "ECS.12");
    assertThat(result.notes())
        .extracting(Note::message)
        .contains(
            "--cfn-param Evn: this template has no parameter of that name; ignored here",
            "--cfn-param Env: the value is not one of the parameter's AllowedValues, so CloudFormation would refuse it");
  }

  @Test
  void noValueRemovesAContainerFromTheList() {
    String more =
        """
        - !If
          - IsProd
          - !Ref AWS::NoValue
          - Name: debug
            Image: busybox
        - Name: last
          Image: busybox
          ReadonlyRootFilesystem: false
        """;
    String template = taskDefinition("ReadonlyRootFilesystem: true") + more.indent(8);
    Finding finding = only(scan(template, Map.of(), "ECS.5"));
    assertThat(finding.status()).isEqualTo(Status.FAILED);
    assertThat(finding.offenders())
        .extracting(Finding.Element::name)
        .containsExactly("container \"last\"");
    assertThat(finding.offenders().get(0).location().pointer())
        .isEqualTo("/Resources/TaskDef/Properties/ContainerDefinitions/1/ReadonlyRootFilesystem");
    assertThat(finding.offenders().get(0).location().line()).isEqualTo(32);
  }

  @Test
  void cloudFormationSpellingsAreReadAndTheApiOnesAreNot() {
    String template =
        """
        Resources:
          Task:
            Type: AWS::ECS::TaskDefinition
            Properties:
              ContainerDefinitions: [{Name: app, Image: nginx}]
              Volumes:
                - Name: data
                  EFSVolumeConfiguration: {FilesystemId: fs-1, TransitEncryption: DISABLED}
          Service:
            Type: AWS::ECS::Service
            Properties:
              NetworkConfiguration: {AwsvpcConfiguration: {AssignPublicIp: ENABLED, Subnets: [s-1]}}
          Set:
            Type: AWS::ECS::TaskSet
            Properties:
              Cluster: c
              Service: s
              TaskDefinition: t
              NetworkConfiguration: {AwsVpcConfiguration: {AssignPublicIp: ENABLED, Subnets: [s-1]}}
          Cluster:
            Type: AWS::ECS::Cluster
            Properties:
              ClusterSettings: [{Name: containerInsights, Value: enabled}]
              Tags: [{Key: team, Value: a}]
          Provider:
            Type: AWS::ECS::CapacityProvider
            Properties:
              AutoScalingGroupProvider: {AutoScalingGroupArn: asg, ManagedTerminationProtection: ENABLED}
        """;
    ScanResult result =
        scan(template, Map.of(), "ECS.18", "ECS.2", "ECS.16", "ECS.12", "ECS.14", "ECS.19");
    assertThat(result.findings())
        .extracting(
            finding -> finding.resourceId() + " " + finding.control().id() + " " + finding.status())
        .containsExactlyInAnyOrder(
            "Task ECS.18 FAILED",
            "Service ECS.2 FAILED",
            "Set ECS.16 FAILED",
            "Cluster ECS.12 PASSED",
            "Cluster ECS.14 PASSED",
            "Provider ECS.19 PASSED");
  }

  @Test
  void findingsCarryTheLogicalIdTheCdkConstructPathAndTheLine() {
    String template =
        """
        {
          "Resources": {
            "WebTaskDefA1B2C3D4": {
              "Type": "AWS::ECS::TaskDefinition",
              "Metadata": {"aws:cdk:path": "Stack/Web/TaskDef/Resource"},
              "Properties": {
                "ContainerDefinitions": [
                  {"Name": "web", "Image": "nginx",
                   "Privileged": true}
                ]
              }
            }
          }
        }
        """;
    Finding finding =
        only(Scans.text(template, "Stack.template.json", Map.of(), Map.of(), "ECS.4"));
    assertThat(finding.resourceId()).isEqualTo("WebTaskDefA1B2C3D4");
    assertThat(finding.labels()).containsEntry("cdkPath", "Stack/Web/TaskDef/Resource");
    assertThat(finding.location().line()).isEqualTo(9);
    assertThat(finding.location().column()).isEqualTo(26);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<<: *privileged|FAILED",
        "<<: *privileged\n  Privileged: false|PASSED",
        "Privileged: false\n<<: *privileged|PASSED",
        "<<: [*unprivileged, *privileged]|PASSED",
        "<<: [*privileged, *unprivileged]|FAILED"
      })
  void yamlMergeKeysAreAppliedAndFindingsPointAtTheMergedValue(String caseText) {
    String[] parts = caseText.split("\\|");
    String template =
        """
        Metadata:
          Defaults: &privileged
            Privileged: true
          Plain: &unprivileged {Privileged: false}
        Resources:
          TaskDef:
            Type: AWS::ECS::TaskDefinition
            Properties:
              ContainerDefinitions:
                - Name: app
                  Image: nginx
        """
            + parts[0].replace("\n  ", "\n").indent(10);
    Finding finding = only(scan(template, Map.of(), "ECS.4"));
    assertThat(finding.status()).isEqualTo(Status.valueOf(parts[1]));
    if (finding.status() == Status.FAILED) {
      assertThat(finding.offenders().get(0).location().line()).isEqualTo(3);
    }
  }

  private static String loop(String collection, String body) {
    return """
        Transform: AWS::LanguageExtensions
        Parameters:
          Names: {Type: CommaDelimitedList, Default: "Web,Worker"}
          Unset: {Type: CommaDelimitedList}
        Mappings:
          Modes: {Web: {privileged: "false"}, Worker: {privileged: "true"}}
        Resources:
          Fn::ForEach::Tasks:
            - Name
            - %s
            - TaskDef${Name}:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  Family: !Sub "${Name}-family"
                  ContainerDefinitions:
        """
            .formatted(collection)
        + body.indent(14);
  }

  private static final String BY_NAME =
      "- Name: app\n  Image: nginx\n  Privileged: !FindInMap [Modes, !Ref Name, privileged]\n";

  @ParameterizedTest
  @ValueSource(strings = {"[Web, Worker]", "!Ref Names"})
  void forEachLoopsAreExpandedAsCloudFormationExpandsThem(String collection) {
    ScanResult result = scan(loop(collection, BY_NAME), Map.of(), "ECS.4");
    assertThat(result.findings())
        .extracting(Finding::resourceId, Finding::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("TaskDefWeb", Status.PASSED),
            org.assertj.core.groups.Tuple.tuple("TaskDefWorker", Status.FAILED));
    assertThat(result.findings().get(1).offenders().get(0).location().line()).isEqualTo(18);
    assertThat(result.notes()).isEmpty();
  }

  @Test
  void forEachSubstitutesAmpersandIdentifiersWithoutPunctuationAndNestsLoops() {
    String template =
        """
        Transform: AWS::LanguageExtensions
        Resources:
          Fn::ForEach::Outer:
            - Env
            - [prod-eu, dev]
            - Fn::ForEach::Inner:
                - Tier
                - [Web, Worker]
                - Cluster&{Env}${Tier}:
                    Type: AWS::ECS::Cluster
                    Properties:
                      ClusterName: !Sub "${Env}-${Tier}"
                      ClusterSettings: [{Name: containerInsights, Value: enabled}]
        """;
    ScanResult result = scan(template, Map.of(), "ECS.12");
    assertThat(result.findings())
        .extracting(Finding::resourceId)
        .containsExactly(
            "ClusterprodeuWeb", "ClusterprodeuWorker", "ClusterdevWeb", "ClusterdevWorker");
    assertThat(result.findings()).extracting(Finding::status).containsOnly(Status.PASSED);
  }

  @Test
  void aForEachWhoseCollectionIsNotKnownMakesItsResourcesUnknownAndSaysSo() {
    ScanResult result =
        scan(loop("!Ref Unset", "- Name: app\n  Image: nginx\n"), Map.of(), "ECS.4");
    Finding finding = only(result);
    assertThat(finding.resourceId()).isEqualTo("TaskDef${Name}");
    assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
    assertThat(finding.message()).contains("Fn::ForEach::Tasks");
    assertThat(result.notes())
        .extracting(Note::message)
        .containsExactly(
            "Fn::ForEach::Tasks: its collection is not known (Ref Unset: the parameter has no Default (give it with --cfn-param Unset=VALUE)); "
                + "the resources it would create (TaskDef${Name}) are UNKNOWN");
  }

  @Test
  void anUnknownLoopInsideAKnownOneKeepsWhatIsKnownAndLosesNothing() {
    String template =
        """
        Transform: AWS::LanguageExtensions
        Parameters:
          Unset: {Type: CommaDelimitedList}
        Resources:
          Fn::ForEach::Outer:
            - Env
            - [prod]
            - Fn::ForEach::Inner:
                - Tier
                - !Ref Unset
                - Cluster${Env}${Tier}:
                    Type: AWS::ECS::Cluster
          Other:
            Type: AWS::ECS::Cluster
            Properties:
              Fn::ForEach::Settings: [S, !Ref Unset, {"${S}": x}]
        """;
    ScanResult result = scan(template, Map.of(), "ECS.12");
    assertThat(result.findings())
        .extracting(Finding::resourceId, Finding::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Clusterprod${Tier}", Status.UNKNOWN),
            org.assertj.core.groups.Tuple.tuple("Other", Status.UNKNOWN));
    assertThat(result.notes()).hasSize(2);
  }

  @Test
  void aResourceWhoseConditionIsFalseIsSkippedAndOneThatMayNotExistIsCheckedWithANote() {
    String template =
        """
        Parameters:
          Env: {Type: String, Default: prod}
          Other: {Type: String}
        Conditions:
          IsDev: !Equals [!Ref Env, dev]
          Maybe: !Equals [!Ref Other, x]
        Resources:
          DevCluster:
            Type: AWS::ECS::Cluster
            Condition: IsDev
          MaybeCluster:
            Type: AWS::ECS::Cluster
            Condition: Maybe
        """;
    ScanResult result = scan(template, Map.of(), "ECS.12");
    assertThat(result.findings()).extracting(Finding::resourceId).containsExactly("MaybeCluster");
    assertThat(result.notes())
        .extracting(Note::message)
        .anySatisfy(
            message ->
                assertThat(message)
                    .contains(
                        "DevCluster is created only when condition IsDev holds, and it does not"))
        .anySatisfy(
            message ->
                assertThat(message)
                    .contains(
                        "MaybeCluster is created only when condition Maybe holds, which is not known"));
  }

  @Test
  void aClusterWithoutPropertiesIsStillChecked() {
    Finding finding =
        only(scan("Resources:\n  Bare:\n    Type: AWS::ECS::Cluster\n", Map.of(), "ECS.12"));
    assertThat(finding.status()).isEqualTo(Status.FAILED);
    assertThat(finding.location().line()).isEqualTo(2);
  }

  @Test
  void subAndJoinBuildNamesFromParametersAndLists() {
    String template =
        """
        Parameters:
          Env: {Type: String, Default: prod}
          Keys: {Type: CommaDelimitedList, Default: "team,owner"}
        Resources:
          Cluster:
            Type: AWS::ECS::Cluster
            Properties:
              Tags:
                - Key: !Sub
                    - "${Prefix}-${Env}-${!Literal}"
                    - Prefix: !Select [1, !Ref Keys]
                  Value: x
                - Key: !Join [":", !Ref Keys]
                  Value: y
        """;
    ScanResult wanted =
        Scans.text(
            template,
            "s.yaml",
            Map.of("ECS.14.requiredTagKeys", "owner-prod-${Literal},team:owner"),
            Map.of(),
            "ECS.14");
    assertThat(only(wanted).status()).isEqualTo(Status.PASSED);
  }

  @Test
  void aPartlyKnownImageIsJudgedByItsKnownEndingWhichMessagesShowMasked() {
    String template =
        """
        Parameters:
          Registry: {Type: String}
        Resources:
          TaskDef:
            Type: AWS::ECS::TaskDefinition
            Properties:
              ContainerDefinitions:
                - Name: app
                  Image: !Sub "${Registry}/AKIAZ3MHXQ4TPLWRN2QA/app"
        """;
    Finding finding = only(scan(template, Map.of(), "ECSG.7"));
    assertThat(finding.status()).isEqualTo(Status.FAILED);
    assertThat(finding.message())
        .contains("an image ending \"/(value not shown)/app\" (the rest known at deployment)")
        .contains("no tag")
        .doesNotContain("AKIA");
    Map<String, String> requireDigest = Map.of("ECSG.7.requireDigest", "true");
    ScanResult digest =
        Scans.text(
            template.replace("/app\"", "/app@sha256:0d2f\""),
            "stack.yaml",
            requireDigest,
            Map.of(),
            "ECSG.7");
    assertThat(only(digest).status()).isEqualTo(Status.PASSED);
    ScanResult tag =
        Scans.text(
            template.replace("/app\"", "/app:1.2\""),
            "stack.yaml",
            requireDigest,
            Map.of(),
            "ECSG.7");
    assertThat(only(tag).message()).contains("ending \"/(value not shown)/app:1.2\"", "no digest");
  }

  @Test
  void templatesWithoutEcsResourcesAreSaidToHoldNothingToCheck() {
    ScanResult result =
        Scans.text(
            "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n", "s.yaml", Map.of(), Map.of());
    assertThat(result.resources()).isZero();
    assertThat(result.notes())
        .extracting(Note::message)
        .anySatisfy(message -> assertThat(message).contains("no ECS task definition"));
  }

  @Test
  void otherYamlIsNotMistakenForATemplate() {
    ScanResult result = Scans.text("apiVersion: v1\nkind: Pod\n", "pod.yaml", Map.of(), Map.of());
    assertThat(result.resources()).isZero();
    assertThat(result.notes())
        .extracting(Note::message)
        .containsExactly(
            "not a CloudFormation template, a Terraform plan, an AWS Config configuration item nor ECS JSON (no task definition, service, cluster, task set or capacity provider found); skipped");
    assertThat(result.errors()).isEmpty();
  }
}
