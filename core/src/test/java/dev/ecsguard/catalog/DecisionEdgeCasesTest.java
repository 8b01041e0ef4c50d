package dev.ecsguard.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsguard.catalog.taskdefinition.LinuxUidZero;
import dev.ecsguard.catalog.taskdefinition.SensitiveHostPath;
import dev.ecsguard.catalog.taskdefinition.TaskRoleIsExecutionRole;
import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.Scans;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cases the fixtures cannot show: parameters, and where FAILED and UNKNOWN meet. */
class DecisionEdgeCasesTest {

  private static Finding only(String json, Map<String, String> parameters, String control) {
    return Scans.json(json, parameters, control).findings().get(0);
  }

  @Test
  void requiredTagKeysFailWhenMoreKeysAreMissingThanCouldBeUnreadable() {
    String oneUnreadable =
        "{\"family\":\"t\",\"containerDefinitions\":[{\"name\":\"a\"}],\"tags\":[{\"key\":5},{\"key\":\"team\"}]}";
    assertThat(
            only(oneUnreadable, Map.of("ECS.15.requiredTagKeys", "team,owner,env"), "ECS.15")
                .status())
        .isEqualTo(Status.FAILED);
    assertThat(
            only(oneUnreadable, Map.of("ECS.15.requiredTagKeys", "team,owner"), "ECS.15").status())
        .isEqualTo(Status.UNKNOWN);
    assertThat(only(oneUnreadable, Map.of("ECS.15.requiredTagKeys", "team"), "ECS.15").status())
        .isEqualTo(Status.PASSED);
    Finding missing =
        only(oneUnreadable, Map.of("ECS.15.requiredTagKeys", "team,owner,env"), "ECS.15");
    assertThat(missing.message()).contains("owner, env");
  }

  @Test
  void requiredTagKeysAreCaseSensitiveAndIgnoreAwsKeys() {
    String tagged =
        "{\"family\":\"t\",\"containerDefinitions\":[{\"name\":\"a\"}],\"tags\":[{\"key\":\"Team\"},{\"key\":\"aws:owner\"}]}";
    assertThat(only(tagged, Map.of("ECS.15.requiredTagKeys", "team"), "ECS.15").status())
        .isEqualTo(Status.FAILED);
    assertThatThrownBy(() -> only(tagged, Map.of("ECS.15.requiredTagKeys", "aws:owner"), "ECS.15"))
        .hasMessageContaining("keys starting aws: are AWS's own");
    assertThatThrownBy(() -> only(tagged, Map.of("ECS.15.requiredTagKeys", " "), "ECS.15"))
        .hasMessageContaining("give a value, or leave the parameter out");
    assertThatThrownBy(() -> only(tagged, Map.of("ECS.10.latestLinuxVersion", ""), "ECS.15"))
        .hasMessageContaining("ECS.10.latestLinuxVersion");
    assertThat(only(tagged, Map.of(), "ECS.15").status()).isEqualTo(Status.PASSED);
  }

  @Test
  void withoutEfsVolumesTakesPassedOrNotApplicableOnly() {
    String noEfs =
        "{\"family\":\"t\",\"containerDefinitions\":[{\"name\":\"a\"}],\"volumes\":[{\"name\":\"tmp\"}]}";
    assertThat(only(noEfs, Map.of(), "ECS.18").status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(only(noEfs, Map.of("ECS.18.withoutEfsVolumes", "passed"), "ECS.18").status())
        .isEqualTo(Status.PASSED);
    assertThatThrownBy(() -> only(noEfs, Map.of("ECS.18.withoutEfsVolumes", "FAILED"), "ECS.18"))
        .hasMessage("ECS.18.withoutEfsVolumes: expected PASSED or NOT_APPLICABLE");
  }

  @Test
  void fargatePlatformParametersAndCapacityProviderScope() {
    String spot =
        "{\"serviceName\":\"s\",\"capacityProviderStrategy\":[{\"capacityProvider\":\"FARGATE_SPOT\"}],\"platformVersion\":\"1.4.0\"}";
    assertThat(only(spot, Map.of(), "ECS.10").status()).isEqualTo(Status.PASSED);
    assertThat(only(spot, Map.of("ECS.10.latestLinuxVersion", "1.5.0"), "ECS.10").status())
        .isEqualTo(Status.FAILED);
    assertThat(only(spot, Map.of("ECS.10.fargateCapacityProviders", "false"), "ECS.10").status())
        .isEqualTo(Status.NOT_APPLICABLE);
    String windows =
        "{\"serviceName\":\"w\",\"launchType\":\"FARGATE\",\"platformFamily\":\"WINDOWS_SERVER_2019_CORE\",\"platformVersion\":\"1.0.0\"}";
    assertThat(only(windows, Map.of(), "ECS.10").status()).isEqualTo(Status.PASSED);
  }

  @Test
  void enhancedContainerInsightsPassesUnlessTurnedOff() {
    String enhanced =
        "{\"clusterName\":\"c\",\"settings\":[{\"name\":\"containerInsights\",\"value\":\"enhanced\"}]}";
    assertThat(only(enhanced, Map.of(), "ECS.12").status()).isEqualTo(Status.PASSED);
    assertThat(only(enhanced, Map.of("ECS.12.acceptEnhanced", "false"), "ECS.12").status())
        .isEqualTo(Status.FAILED);
  }

  @Test
  void administratorMatchingCanBeMadeCaseSensitive() {
    String windows =
        "{\"family\":\"w\",\"runtimePlatform\":{\"operatingSystemFamily\":\"WINDOWS_SERVER_2022_CORE\"},"
            + "\"containerDefinitions\":[{\"name\":\"a\",\"user\":\"ContainerAdministrator\"}]}";
    assertThat(only(windows, Map.of(), "ECS.21").status()).isEqualTo(Status.FAILED);
    assertThat(only(windows, Map.of("ECS.21.caseInsensitiveUser", "false"), "ECS.21").status())
        .isEqualTo(Status.PASSED);
  }

  @Test
  void forbiddenCapabilitiesReplaceTheListAndReadAsDockerDoes() {
    String ptrace =
        "{\"family\":\"p\",\"containerDefinitions\":[{\"name\":\"a\",\"linuxParameters\":"
            + "{\"capabilities\":{\"add\":[\"SYS_PTRACE\",\"net_raw\"]}}}]}";
    assertThat(only(ptrace, Map.of(), "ECSG.2").status()).isEqualTo(Status.FAILED);
    assertThat(
            only(ptrace, Map.of("ECSG.2.forbiddenCapabilities", "ALL,SYS_ADMIN"), "ECSG.2")
                .status())
        .isEqualTo(Status.PASSED);
    Finding raw = only(ptrace, Map.of("ECSG.2.forbiddenCapabilities", " cap_NET_RAW "), "ECSG.2");
    assertThat(raw.status()).isEqualTo(Status.FAILED);
    assertThat(raw.message()).contains("net_raw").doesNotContain("SYS_PTRACE");
    assertThatThrownBy(() -> only(ptrace, Map.of("ECSG.2.forbiddenCapabilities", " , "), "ECSG.2"))
        .hasMessageContaining("ECSG.2.forbiddenCapabilities");
  }

  @Test
  void ignoredNamesExemptVariablesByGlobAndTheValueIsNeverShown() {
    String tokens =
        "{\"family\":\"t\",\"containerDefinitions\":[{\"name\":\"a\",\"environment\":["
            + "{\"name\":\"REFRESH_TOKEN_AUDIENCE\",\"value\":\"api://orders.example.com\"},"
            + "{\"name\":\"SECRET_ROTATION_SCHEDULE\",\"value\":\"rate(30 days)\"}]}]}";
    Finding both = only(tokens, Map.of(), "ECSG.5");
    assertThat(both.status()).isEqualTo(Status.FAILED);
    assertThat(both.message())
        .contains(
            "\"REFRESH_TOKEN_AUDIENCE\" holds a literal token",
            "\"SECRET_ROTATION_SCHEDULE\" holds a literal secret")
        .doesNotContain("orders.example.com", "30 days");
    assertThat(
            only(
                    tokens,
                    Map.of("ECSG.5.ignoredNames", "*_TOKEN_AUDIENCE, SECRET_ROTATION_SCHEDUL?"),
                    "ECSG.5")
                .status())
        .isEqualTo(Status.PASSED);
    Finding caseSensitive =
        only(tokens, Map.of("ECSG.5.ignoredNames", "*_token_audience"), "ECSG.5");
    assertThat(caseSensitive.message()).contains("REFRESH_TOKEN_AUDIENCE");
  }

  @Test
  void anUnreadableScopeIsUnknownEvenWhenAContainerWouldFail() {
    String unreadable =
        "{\"family\":\"t\",\"runtimePlatform\":{\"operatingSystemFamily\":7},\"containerDefinitions\":[{\"name\":\"a\",\"user\":\"root\"}]}";
    for (String control : new String[] {"ECS.5", "ECS.20", "ECS.21", "ECSG.1"}) {
      assertThat(only(unreadable, Map.of(), control).status())
          .as(control)
          .isEqualTo(Status.UNKNOWN);
    }
  }

  @Test
  void anUnrecognisedFamilyIsInScopeForEcs5ButUnknownForTheUserControls() {
    String lower =
        "{\"family\":\"t\",\"runtimePlatform\":{\"operatingSystemFamily\":\"linux\"},\"containerDefinitions\":[{\"name\":\"a\"}]}";
    assertThat(only(lower, Map.of(), "ECS.5").status()).isEqualTo(Status.FAILED);
    assertThat(only(lower, Map.of(), "ECS.20").status()).isEqualTo(Status.UNKNOWN);
    assertThat(only(lower, Map.of(), "ECS.21").status()).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void uidZeroSpellings() {
    for (String user : new String[] {"root", "0", "00", "0:0", "root:wheel", "0:1000"}) {
      assertThat(LinuxUidZero.isUidZero(user)).as(user).isTrue();
    }
    for (String user : new String[] {"1000", "app:0", "rootless", "", ":0", "10"}) {
      assertThat(LinuxUidZero.isUidZero(user)).as(user).isFalse();
    }
  }

  @Test
  void requireDigestFailsATagAndAllowedHostPathsExemptsExactlyThePathsItNames() {
    String tagged =
        "{\"family\":\"t\",\"containerDefinitions\":[{\"name\":\"a\",\"image\":\"nginx:1.27\"}]}";
    assertThat(only(tagged, Map.of(), "ECSG.7").status()).isEqualTo(Status.PASSED);
    assertThat(only(tagged, Map.of("ECSG.7.requireDigest", "true"), "ECSG.7").message())
        .contains("names no digest");
    String socket =
        "{\"family\":\"t\",\"volumes\":[{\"name\":\"d\",\"host\":{\"sourcePath\":\"/var/run/docker.sock/\"}}],"
            + "\"containerDefinitions\":[{\"name\":\"a\",\"mountPoints\":[{\"sourceVolume\":\"d\"}]}]}";
    assertThat(
            only(socket, Map.of("ECSG.3.allowedHostPaths", "/var/run/docker.sock"), "ECSG.3")
                .status())
        .isEqualTo(Status.PASSED);
    assertThat(only(socket, Map.of("ECSG.3.allowedHostPaths", "/var/run"), "ECSG.3").status())
        .isEqualTo(Status.FAILED);
    assertThatThrownBy(() -> only(socket, Map.of("ECSG.3.allowedHostPaths", "var/run"), "ECSG.3"))
        .hasMessageContaining("absolute");
  }

  @Test
  void hostPathsAreNormalisedAndMatchedBySegment() {
    assertThat(SensitiveHostPath.normalise("//var/./run/../run/docker.sock/"))
        .isEqualTo("/var/run/docker.sock");
    assertThat(SensitiveHostPath.normalise("/..")).isEqualTo("/");
    for (String path : new String[] {"/", "/etc", "/etc/ssl", "/proc/1/root", "/var/run/secrets"}) {
      assertThat(SensitiveHostPath.sensitive(path)).as(path).isTrue();
    }
    for (String path : new String[] {"/etcd-data", "/var", "/var/log", "/rootfs", "/opt"}) {
      assertThat(SensitiveHostPath.sensitive(path)).as(path).isFalse();
    }
  }

  @Test
  void aRoleNameIsTheRoleItsArnEndsWith() {
    assertThat(TaskRoleIsExecutionRole.sameRole("web", "arn:aws:iam::1:role/path/web")).isTrue();
    assertThat(TaskRoleIsExecutionRole.sameRole("web", "arn:aws:iam::1:role/web-task")).isFalse();
    assertThat(TaskRoleIsExecutionRole.sameRole("arn:aws:iam::1:role/a", "arn:aws:iam::2:role/a"))
        .isFalse();
  }
}
