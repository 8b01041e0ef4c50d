package dev.ecsguard.format.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.engine.Scans;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A plan with a module, count and for_each instances, unknowns, a deletion and a data source. */
class TerraformPlanReaderTest {
  private static ScanResult result;
  private static Map<String, Finding> byKey;

  @BeforeAll
  static void scan() throws URISyntaxException {
    Path plan = Path.of(TerraformPlanReaderTest.class.getResource("terraform-plan.json").toURI());
    result =
        Scans.files(
            List.of(
                "ECS.2", "ECS.4", "ECS.8", "ECS.10", "ECS.12", "ECS.13", "ECS.14", "ECS.15",
                "ECS.16", "ECS.17", "ECS.18", "ECS.19", "ECS.20"),
            plan);
    byKey =
        result.findings().stream()
            .collect(Collectors.toMap(f -> f.resourceId() + " " + f.control().id(), f -> f));
  }

  private static Status status(String address, String control) {
    return byKey.get(address + " " + control).status();
  }

  @Test
  void everyManagedEcsResourceIsReadByItsFullAddressAndDeletionsAndDataSourcesAreNot() {
    assertThat(result.errors()).isEmpty();
    assertThat(result.findings().stream().map(Finding::resourceId).distinct())
        .containsExactly(
            "module.ecs.aws_ecs_task_definition.app",
            "aws_ecs_task_definition.generated",
            "aws_ecs_service.web[0]",
            "aws_ecs_service.api[\"blue\"]",
            "aws_ecs_cluster.main",
            "aws_ecs_task_set.canary",
            "aws_ecs_capacity_provider.asg");
  }

  @Test
  void containerDefinitionsAreReadFromTheirJsonStringAndPointAtIt() {
    Finding privileged = byKey.get("module.ecs.aws_ecs_task_definition.app ECS.4");
    assertThat(privileged.status()).isEqualTo(Status.FAILED);
    assertThat(privileged.message()).contains("debug-sidecar");
    assertThat(privileged.location().pointer())
        .isEqualTo("/resource_changes/0/change/after/container_definitions");
    assertThat(privileged.location().line()).isPositive();
    assertThat(status("module.ecs.aws_ecs_task_definition.app", "ECS.8")).isEqualTo(Status.FAILED);
    assertThat(status("module.ecs.aws_ecs_task_definition.app", "ECS.20")).isEqualTo(Status.PASSED);
    assertThat(status("module.ecs.aws_ecs_task_definition.app", "ECS.18")).isEqualTo(Status.PASSED);
  }

  @Test
  void valuesKnownOnlyAfterApplyAreUnknown() {
    Finding containers = byKey.get("aws_ecs_task_definition.generated ECS.4");
    assertThat(containers.status()).isEqualTo(Status.UNKNOWN);
    assertThat(containers.message()).contains("container_definitions is known only after apply");
    Finding platform = byKey.get("aws_ecs_service.api[\"blue\"] ECS.10");
    assertThat(platform.status()).isEqualTo(Status.UNKNOWN);
    assertThat(platform.message()).contains("platform_version is known only after apply");
  }

  @Test
  void booleanAssignPublicIpAndBlocksAreSpelledAsAwsDoes() {
    assertThat(status("aws_ecs_service.web[0]", "ECS.2")).isEqualTo(Status.FAILED);
    assertThat(status("aws_ecs_service.api[\"blue\"]", "ECS.2")).isEqualTo(Status.PASSED);
    assertThat(status("aws_ecs_task_set.canary", "ECS.16")).isEqualTo(Status.PASSED);
    assertThat(status("aws_ecs_service.web[0]", "ECS.10")).isEqualTo(Status.FAILED);
    assertThat(status("aws_ecs_cluster.main", "ECS.12")).isEqualTo(Status.PASSED);
    assertThat(status("aws_ecs_capacity_provider.asg", "ECS.19")).isEqualTo(Status.FAILED);
    assertThat(status("aws_ecs_task_definition.generated", "ECS.17")).isEqualTo(Status.PASSED);
  }

  @Test
  void tagsAllIsUsedWhereKnownElseTags() {
    assertThat(status("module.ecs.aws_ecs_task_definition.app", "ECS.15")).isEqualTo(Status.PASSED);
    assertThat(
            Scans.json(
                    planWithTags("{\"Team\":\"a\"}", "{\"Team\":\"a\",\"Owner\":\"b\"}", "{}"),
                    Map.of("ECS.14.requiredTagKeys", "Owner"),
                    "ECS.14")
                .findings()
                .get(0)
                .status())
        .isEqualTo(Status.PASSED);
    assertThat(
            Scans.json(
                    planWithTags("{\"Team\":\"a\"}", "null", "{\"tags_all\":true}"),
                    Map.of("ECS.14.requiredTagKeys", "Owner"),
                    "ECS.14")
                .findings()
                .get(0)
                .status())
        .as("default tags known only after apply may add Owner")
        .isEqualTo(Status.UNKNOWN);
    assertThat(
            Scans.json(
                    planWithTags("{\"Team\":\"a\"}", "null", "{\"tags_all\":true}"),
                    Map.of("ECS.14.requiredTagKeys", "Team"),
                    "ECS.14")
                .findings()
                .get(0)
                .status())
        .isEqualTo(Status.PASSED);
    assertThat(
            Scans.json(planWithTags("null", "null", "{\"tags_all\":true}"), "ECS.14")
                .findings()
                .get(0)
                .status())
        .isEqualTo(Status.UNKNOWN);
    assertThat(
            Scans.json(
                    planWithTags("{\"Team\":\"a\"}", "null", "{\"tags_all\":true}"),
                    Map.of("ECS.14.requiredTagKeys", "Owner,Env"),
                    "ECS.14")
                .findings()
                .get(0)
                .status())
        .as("two keys missing, and the default tags are one unknown")
        .isEqualTo(Status.UNKNOWN);
    assertThat(status("aws_ecs_cluster.main", "ECS.14")).isEqualTo(Status.PASSED);
  }

  private static String planWithTags(String tags, String tagsAll, String unknowns) {
    return plan(
        "aws_ecs_cluster",
        "{\"name\":\"c\",\"tags\":" + tags + ",\"tags_all\":" + tagsAll + "}",
        unknowns);
  }

  /** A plan creating one resource of {@code type} named {@code type}.t. */
  private static String plan(String type, String after, String afterUnknown) {
    return "{\"format_version\":\"1.2\",\"terraform_version\":\"1.9.8\",\"resource_changes\":[{\"address\":\""
        + type
        + ".t\","
        + "\"mode\":\"managed\",\"type\":\""
        + type
        + "\",\"name\":\"t\",\"change\":{\"actions\":[\"create\"],"
        + "\"after\":"
        + after
        + ",\"after_unknown\":"
        + afterUnknown
        + "}}]}";
  }

  @Test
  void brokenContainerDefinitionsAreUnknownNotAnError() {
    String plan =
        plan(
            "aws_ecs_task_definition",
            "{\"family\":\"t\",\"container_definitions\":\"[{\\\"name\\\": \\\"a\\\", \\\"privileged\\\": \\\"yes\\\"}, {\\\"name\\\": SECRETVALUE}]\"}",
            "{}");
    ScanResult broken = Scans.json(plan, "ECS.4");
    assertThat(broken.errors()).isEmpty();
    Finding finding = broken.findings().get(0);
    assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
    assertThat(finding.message())
        .contains("container_definitions is not valid JSON")
        .doesNotContain("SECRETVALUE");
    String wrongType = plan.replace(", {\\\"name\\\": SECRETVALUE}", "");
    assertThat(Scans.json(wrongType, "ECS.4").findings().get(0).message())
        .contains("container_definitions[0].privileged is a string, expected true or false");
  }

  @Test
  void unknownMarksBeyondAListAreIgnored() {
    String plan =
        plan(
            "aws_ecs_task_definition",
            "{\"family\":\"t\",\"container_definitions\":\"[{\\\"name\\\":\\\"a\\\"}]\",\"volume\":[]}",
            "{\"volume\":[false,true]}");
    ScanResult result = Scans.json(plan, "ECS.18");
    assertThat(result.errors()).isEmpty();
    assertThat(result.findings())
        .singleElement()
        .extracting(Finding::status)
        .isEqualTo(Status.NOT_APPLICABLE);
  }

  @Test
  void terraformStateIsNotReadButSaysSo() {
    ScanResult state =
        Scans.json(
            "{\"format_version\":\"1.0\",\"terraform_version\":\"1.9.8\",\"values\":{}}", "ECS.4");
    assertThat(state.findings()).isEmpty();
    assertThat(state.notes())
        .singleElement()
        .extracting(note -> note.message())
        .asString()
        .contains("reads the resource_changes");
  }

  @Test
  void aMalformedAfterUnknownMakesWhatItCoversUnknownNotPassed() throws URISyntaxException {
    Path plan =
        Path.of(
            TerraformPlanReaderTest.class
                .getResource("terraform-plan-malformed-unknown.json")
                .toURI());
    ScanResult malformed = Scans.files(List.of("ECS.4", "ECS.18"), plan);
    assertThat(malformed.errors()).isEmpty();
    Map<String, Finding> found =
        malformed.findings().stream()
            .collect(Collectors.toMap(f -> f.resourceId() + " " + f.control().id(), f -> f));
    for (String name :
        List.of(
            "well_formed",
            "string_mark",
            "number_mark",
            "null_mark",
            "object_mark_for_a_string",
            "list_mark_for_a_string")) {
      Finding privileged = found.get("aws_ecs_task_definition." + name + " ECS.4");
      assertThat(privileged.status()).as(name).isEqualTo(Status.UNKNOWN);
      assertThat(privileged.message())
          .as(name)
          .contains(
              name.equals("well_formed")
                  ? "container_definitions is known only after apply"
                  : "container_definitions: after_unknown is malformed");
    }
    Finding efs = found.get("aws_ecs_task_definition.string_mark_in_a_list ECS.18");
    assertThat(efs.status()).isEqualTo(Status.UNKNOWN);
    assertThat(efs.message())
        .contains("volume[0].efs_volume_configuration: after_unknown is malformed (a string");
    // Where nothing says which values are known, every control is UNKNOWN: the resource is neither
    // passed nor passed over.
    for (String name :
        List.of(
            "top_level_string",
            "top_level_list",
            "top_level_number",
            "top_level_null",
            "top_level_missing")) {
      Finding privileged = found.get("aws_ecs_task_definition." + name + " ECS.4");
      assertThat(privileged.status()).as(name).isEqualTo(Status.UNKNOWN);
      assertThat(privileged.message())
          .as(name)
          .contains(
              name.endsWith("missing") || name.endsWith("null")
                  ? "after_unknown is missing or null"
                  : "after_unknown is malformed");
    }
  }
}
