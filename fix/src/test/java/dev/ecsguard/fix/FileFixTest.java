package dev.ecsguard.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.control.Consent;
import dev.ecsguard.control.RemedyOptions;
import dev.ecsguard.fix.shared.FixResult;
import dev.ecsguard.tree.InputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileFixTest {
  private static final RemedyOptions OPTIONS =
      new RemedyOptions("1000:1000", List.of(), "eu-west-1", Map.of(), false);

  @Test
  void everySpellingOfUidZeroThatEcsg1FailsIsFixed() throws InputException {
    for (String user : List.of("root", "0", "000", "0:0", "root:wheel")) {
      String original =
          "{\"family\": \"f\", \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"x\", \"user\": \""
              + user
              + "\"}]}";
      FixResult result = FileFix.fix("td.json", original, OPTIONS);
      assertThat(result.fixed()).as(user).contains("\"user\": \"1000:1000\"");
      assertThat(result.remaining()).as(user).doesNotContainKeys("ECS.20", "ECSG.1");
    }
  }

  @Test
  void hostIpcModeGoesOnlyWithConsent() throws InputException {
    String json =
        "{\"family\": \"f\", \"ipcMode\": \"host\", \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"x\"}]}";
    String yaml =
        "Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      IpcMode: HOST\n"
            + "      ContainerDefinitions:\n        - Name: a\n          Image: x\n";
    RemedyOptions consent = new RemedyOptions("1000:1000", List.of(), "eu-west-1", Map.of(), true);
    for (String[] file : new String[][] {{"td.json", json}, {"stack.yaml", yaml}}) {
      FixResult kept = FileFix.fix(file[0], file[1], OPTIONS);
      assertThat(kept.remaining()).as(file[0]).containsKey("ECSG.4");
      assertThat(kept.instructions())
          .as(file[0])
          .anySatisfy(step -> assertThat(step).contains("IPC").contains("--allow-network-change"));
      FixResult removed = FileFix.fix(file[0], file[1], consent);
      assertThat(removed.fixed()).as(file[0]).doesNotContainIgnoringCase("ipcMode");
      assertThat(removed.removed()).as(file[0]).containsEntry("ECSG.4", 1);
    }
  }

  @Test
  void forbiddenCapabilitiesLeaveTheAddListOnlyWithConsentAndNothingElseDoes()
      throws InputException {
    String json =
        "{\"family\": \"f\", \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"x:1\","
            + " \"linuxParameters\": {\"capabilities\": {\"add\": [\"NET_BIND_SERVICE\", \"cap_sys_admin\", \"NET_ADMIN\"],"
            + " \"drop\": [\"ALL\"]}}},"
            + " {\"name\": \"b\", \"image\": \"x:1\", \"linuxParameters\": {\"capabilities\": {\"add\": [\"SYS_PTRACE\"]}}}]}";
    String yaml =
        "Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n"
            + "      ContainerDefinitions:\n        - Name: a\n          Image: x:1\n"
            + "          LinuxParameters:\n            Capabilities:\n"
            + "              Add: [NET_BIND_SERVICE, cap_sys_admin, NET_ADMIN]\n              Drop: [ALL]\n"
            + "        - Name: b\n          Image: x:1\n"
            + "          LinuxParameters:\n            Capabilities:\n              Add: [SYS_PTRACE]\n";
    RemedyOptions consent = OPTIONS.allowing(List.of(Consent.CAPABILITY_DROP));
    for (String[] file : new String[][] {{"td.json", json}, {"stack.yaml", yaml}}) {
      FixResult kept = FileFix.fix(file[0], file[1], OPTIONS);
      assertThat(kept.fixed()).as(file[0]).contains("cap_sys_admin", "NET_ADMIN", "SYS_PTRACE");
      assertThat(kept.remaining()).as(file[0]).containsKey("ECSG.2");
      assertThat(kept.instructions())
          .as(file[0])
          .anySatisfy(
              step ->
                  assertThat(step)
                      .contains(
                          "container \"a\"",
                          "cap_sys_admin, NET_ADMIN",
                          "--allow-capability-drop"));
      FixResult dropped = FileFix.fix(file[0], file[1], consent);
      assertThat(dropped.fixed())
          .as(file[0])
          .doesNotContain("cap_sys_admin", "NET_ADMIN", "SYS_PTRACE")
          .contains("NET_BIND_SERVICE", "ALL");
      assertThat(dropped.removed()).as(file[0]).containsEntry("ECSG.2", 1);
      assertThat(dropped.remaining()).as(file[0]).doesNotContainKey("ECSG.2");
      FixResult keptByUser =
          FileFix.fix(
              file[0],
              file[1],
              new RemedyOptions("1000:1000", List.of("NET_ADMIN"), "eu-west-1", Map.of(), false)
                  .allowing(List.of(Consent.CAPABILITY_DROP)));
      assertThat(keptByUser.fixed())
          .as(file[0])
          .contains("NET_ADMIN")
          .doesNotContain("cap_sys_admin");
    }
  }

  @Test
  void hostDevicesAndConfinementOffGoOnlyWithTheirConsent() throws InputException {
    String json =
        "{\"family\": \"f\", \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"x:1\","
            + " \"linuxParameters\": {\"initProcessEnabled\": true, \"devices\": [{\"hostPath\": \"/dev/fuse\"}]},"
            + " \"dockerSecurityOptions\": [\"no-new-privileges:true\", \"seccomp=unconfined\"]}]}";
    String yaml =
        "Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n"
            + "      ContainerDefinitions:\n        - Name: a\n          Image: x:1\n"
            + "          LinuxParameters:\n            InitProcessEnabled: true\n"
            + "            Devices:\n              - HostPath: /dev/fuse\n"
            + "          DockerSecurityOptions: [\"no-new-privileges:true\", \"seccomp=unconfined\"]\n";
    RemedyOptions consent =
        OPTIONS.allowing(List.of(Consent.DEVICE_REMOVAL, Consent.SECURITY_OPTION_REMOVAL));
    for (String[] file : new String[][] {{"td.json", json}, {"stack.yaml", yaml}}) {
      FixResult kept = FileFix.fix(file[0], file[1], OPTIONS);
      assertThat(kept.fixed()).as(file[0]).contains("/dev/fuse", "seccomp=unconfined");
      assertThat(kept.remaining()).as(file[0]).containsKeys("ECSG.9", "ECSG.10");
      assertThat(kept.instructions())
          .as(file[0])
          .anySatisfy(step -> assertThat(step).contains("/dev/fuse", "--allow-device-removal"))
          .anySatisfy(
              step ->
                  assertThat(step)
                      .contains("seccomp=unconfined", "--allow-security-option-removal"));
      FixResult removed = FileFix.fix(file[0], file[1], consent);
      assertThat(removed.fixed())
          .as(file[0])
          .doesNotContain("/dev/fuse", "seccomp=unconfined")
          .contains("no-new-privileges:true")
          .containsIgnoringCase("initProcessEnabled");
      assertThat(removed.removed())
          .as(file[0])
          .containsEntry("ECSG.9", 1)
          .containsEntry("ECSG.10", 1);
      assertThat(removed.remaining()).as(file[0]).doesNotContainKeys("ECSG.9", "ECSG.10");
    }
  }

  @Test
  void anImageIsPinnedOnlyToTheDigestTheUserGivesForIt() throws InputException {
    String digest = "sha256:" + "0123456789abcdef".repeat(4);
    String json =
        "{\"family\": \"f\", \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"nginx:latest\"},"
            + " {\"name\": \"b\", \"image\": \"example/worker\"}]}";
    String yaml =
        "Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n"
            + "      ContainerDefinitions:\n        - Name: a\n          Image: nginx:latest\n"
            + "        - Name: b\n          Image: example/worker\n";
    RemedyOptions pinned = OPTIONS.withPinnedImages(Map.of("nginx:latest", digest));
    for (String[] file : new String[][] {{"td.json", json}, {"stack.yaml", yaml}}) {
      FixResult unpinned = FileFix.fix(file[0], file[1], OPTIONS);
      assertThat(unpinned.fixed()).as(file[0]).doesNotContain("@sha256:");
      assertThat(unpinned.remaining()).as(file[0]).containsKey("ECSG.7");
      assertThat(unpinned.instructions())
          .as(file[0])
          .anySatisfy(
              step ->
                  assertThat(step).contains("container \"a\"", "\"nginx:latest\"", "--pin-image"));
      FixResult result = FileFix.fix(file[0], file[1], pinned);
      assertThat(result.fixed()).as(file[0]).contains("nginx:latest@" + digest);
      assertThat(result.fixed()).as(file[0]).contains("example/worker").doesNotContain("worker@");
      assertThat(result.instructions())
          .as(file[0])
          .anySatisfy(step -> assertThat(step).contains("container \"b\"", "\"example/worker\""))
          .noneSatisfy(step -> assertThat(step).contains("nginx"));
      assertThat(result.remaining()).as(file[0]).containsKey("ECSG.7");
    }
  }

  @Test
  void hostDevicesAndWeakenedOptionsAreLeftToTheUserWithAStep() throws InputException {
    String json =
        "{\"family\": \"f\", \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"x\","
            + " \"linuxParameters\": {\"devices\": [{\"hostPath\": \"/dev/fuse\"}]},"
            + " \"dockerSecurityOptions\": [\"no-new-privileges:true\", \"Seccomp=Unconfined\"]}]}";
    FixResult result = FileFix.fix("td.json", json, OPTIONS);
    assertThat(result.fixed()).contains("/dev/fuse").contains("Seccomp=Unconfined");
    assertThat(result.remaining()).containsKeys("ECSG.9", "ECSG.10");
    assertThat(result.instructions())
        .anySatisfy(step -> assertThat(step).contains("\"a\"").contains("linuxParameters.devices"))
        .anySatisfy(
            step ->
                assertThat(step)
                    .contains("Seccomp=Unconfined")
                    .doesNotContain("no-new-privileges"));
  }

  @Test
  void ecsJsonIsEditedWhereTheFixChangesItAndKeptAsWrittenElsewhere() throws InputException {
    String original =
        """
        {
          "services": [
            {"serviceName": "web", "launchType": "FARGATE", "platformVersion": "1.3.0",
             "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["s-1"], "assignPublicIp": "ENABLED"}},
             "tags": [{"key": "team", "value": "web"}]}
          ]
        }
        """;
    String fixed = FileFix.fix("services.json", original, OPTIONS).fixed();
    assertThat(fixed)
        .isEqualTo(
            original
                .replace("\"1.3.0\"", "\"LATEST\"")
                .replace("\"assignPublicIp\": \"ENABLED\"", "\"assignPublicIp\": \"DISABLED\""));
  }

  @Test
  void numbersAreWrittenExactlyAsTheFileHasThem() throws InputException {
    String numbers =
        "\"huge\": 1E400, \"big\": 12345678901234567890123, \"long\": 0.1000000000000000000001, \"negativeZero\": -0, \"one\": 1.0";
    String original =
        "{\"family\": \"f\", \"untouched\": {"
            + numbers
            + "},\n"
            + " \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"x\", \"privileged\": true, \"dockerLabels\": {"
            + numbers
            + "}}]}";
    String fixed = FileFix.fix("td.json", original, OPTIONS).fixed();
    assertThat(fixed).doesNotContain("\"privileged\"").contains("\"readonlyRootFilesystem\": true");
    for (String number :
        List.of(
            "\"huge\": 1E400",
            "\"big\": 12345678901234567890123",
            "\"long\": 0.1000000000000000000001",
            "\"negativeZero\": -0",
            "\"one\": 1.0")) {
      assertThat(fixed.split(java.util.regex.Pattern.quote(number), -1)).as(number).hasSize(3);
    }
  }

  @Test
  void aMegabyteTemplateWithAnEditInEveryResourceIsFixedInOnePass() throws InputException {
    StringBuilder template =
        new StringBuilder("AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n");
    int resources = 1_200;
    for (int i = 0; i < resources; i++) {
      template
          .append("  Task")
          .append(i)
          .append(":\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Family: t")
          .append(i)
          .append('\n')
          .append(
              "      ContainerDefinitions:\n        - Name: app\n          Image: x\n          Privileged: true\n          Environment:\n");
      for (int v = 0; v < 8; v++) {
        template
            .append("            - Name: VARIABLE_")
            .append(v)
            .append("\n              Value: ")
            .append("v".repeat(30))
            .append('\n');
      }
    }
    assertThat(template.length()).isGreaterThan(1_000_000);
    FixResult result = FileFix.fix("big.yaml", template.toString(), OPTIONS);
    assertThat(result.fixed().split("ReadonlyRootFilesystem: true", -1)).hasSize(resources + 1);
    assertThat(result.fixed()).doesNotContain("Privileged");
    assertThat(result.removed()).containsEntry("ECS.4", resources);
  }

  @Test
  void jsonOfAnotherToolThatNamesAClusterIsLeftAsItIs() throws InputException {
    String helmValues =
        "{\"clusterName\": \"eks-prod\", \"replicaCount\": 2, \"region\": \"eu-west-1\"}";
    assertThat(FileFix.fix("values.json", helmValues, OPTIONS).fixed()).isNull();
    String createCluster = "{\"clusterName\": \"prod\"}";
    assertThat(FileFix.fix("cluster.json", createCluster, OPTIONS).fixed())
        .contains("containerInsights");
  }
}
