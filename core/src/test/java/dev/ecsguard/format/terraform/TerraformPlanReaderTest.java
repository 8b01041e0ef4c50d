package dev.ecsguard.format.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.engine.Scans;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A plan with a module, count and for_each instances, unknowns, a deletion and a data source; and
 * one with its configuration section, which tells left-out attributes and default tags.
 */
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

  // The configuration section (terraform-plan-configuration.json): provider aws without
  // default_tags, aws.tagged with constant ones, aws.from_variable with ones from var.default_tags
  // and a resource known only after apply; module.ecs["blue"] (for_each) calls module.capacity.

  private static String configuredPlan() throws URISyntaxException, IOException {
    return Files.readString(
        Path.of(
            TerraformPlanReaderTest.class
                .getResource("terraform-plan-configuration.json")
                .toURI()));
  }

  private static Map<String, Finding> configured(Map<String, String> parameters, String... ids)
      throws URISyntaxException, IOException {
    ScanResult scanned = Scans.json(configuredPlan(), parameters, ids);
    assertThat(scanned.errors()).isEmpty();
    return scanned.findings().stream()
        .collect(Collectors.toMap(f -> f.resourceId() + " " + f.control().id(), f -> f));
  }

  @Test
  void aNetworkModeLeftOutIsTheProviderDefaultNotUnknown() throws Exception {
    Map<String, Finding> found = configured(Map.of(), "ECS.1", "ECS.17");
    assertThat(found.get("aws_ecs_task_definition.untagged ECS.17").status())
        .as("left out: bridge (EC2) or the Windows default, never host")
        .isEqualTo(Status.PASSED);
    assertThat(found.get("aws_ecs_task_definition.untagged ECS.1").status())
        .isEqualTo(Status.PASSED);
    Finding computed = found.get("aws_ecs_task_definition.computed_mode ECS.17");
    assertThat(computed.status())
        .as("written, from a value known only after apply")
        .isEqualTo(Status.UNKNOWN);
    assertThat(computed.message()).contains("network_mode is known only after apply");
  }

  @Test
  void tagsAllKnownOnlyAfterApplyIsTheTagsWhenTheProviderHasNoDefaultTags() throws Exception {
    Map<String, Finding> found = configured(Map.of(), "ECS.13", "ECS.15");
    Finding untagged = found.get("aws_ecs_task_definition.untagged ECS.15");
    assertThat(untagged.status()).isEqualTo(Status.FAILED);
    assertThat(untagged.message()).contains("has no tags of its own");
    assertThat(found.get("aws_ecs_task_definition.computed_mode ECS.15").status())
        .isEqualTo(Status.PASSED);
    assertThat(found.get("module.ecs[\"blue\"].aws_ecs_service.this[0] ECS.13").status())
        .as("in a module, through the provider configuration its provider_config_key names")
        .isEqualTo(Status.FAILED);
  }

  @Test
  void constantDefaultTagsAreMergedIntoTagsAll() throws Exception {
    assertThat(
            configured(Map.of(), "ECS.15")
                .get("aws_ecs_task_definition.tagged_by_default ECS.15")
                .status())
        .isEqualTo(Status.PASSED);
    assertThat(
            configured(Map.of("ECS.15.requiredTagKeys", "Owner,Environment"), "ECS.15")
                .get("aws_ecs_task_definition.tagged_by_default ECS.15")
                .status())
        .isEqualTo(Status.PASSED);
    Finding missing =
        configured(Map.of("ECS.15.requiredTagKeys", "Owner,CostCenter"), "ECS.15")
            .get("aws_ecs_task_definition.tagged_by_default ECS.15");
    assertThat(missing.status()).isEqualTo(Status.FAILED);
    assertThat(missing.message()).contains("lacks the required tag key CostCenter");
  }

  @Test
  void defaultTagsThatAreNotConstantKeepTagsAllUnknownSayingWhy() throws Exception {
    assertThat(
            configured(Map.of(), "ECS.15")
                .get("aws_ecs_task_definition.tagged_from_variable ECS.15")
                .status())
        .as("its own tag is enough without required keys")
        .isEqualTo(Status.PASSED);
    Finding owner =
        configured(Map.of("ECS.15.requiredTagKeys", "Owner"), "ECS.15")
            .get("aws_ecs_task_definition.tagged_from_variable ECS.15");
    assertThat(owner.status()).isEqualTo(Status.UNKNOWN);
    assertThat(owner.message())
        .contains("default_tags of provider aws.from_variable come from var.default_tags");
  }

  @Test
  void otherAttributesLeftOutAreTheirApiDefaultsWhereThePlanTellsThem() throws Exception {
    Map<String, Finding> found = configured(Map.of(), "ECS.2", "ECS.10", "ECS.19");
    assertThat(found.get("module.ecs[\"blue\"].aws_ecs_service.this[0] ECS.10").status())
        .as("platform_version left out: LATEST")
        .isEqualTo(Status.PASSED);
    assertThat(found.get("module.ecs[\"blue\"].aws_ecs_service.this[0] ECS.2").status())
        .isEqualTo(Status.PASSED);
    assertThat(
            found
                .get("module.ecs[\"blue\"].module.capacity.aws_ecs_capacity_provider.this ECS.19")
                .status())
        .as("managed_termination_protection left out: DISABLED, in a module's module")
        .isEqualTo(Status.FAILED);
    assertThat(found.get("aws_ecs_service.on_capacity_provider ECS.10").status())
        .as("launch_type left out beside a capacity provider strategy: none")
        .isEqualTo(Status.NOT_APPLICABLE);
    Finding clusterDefault = found.get("aws_ecs_service.on_cluster_default ECS.10");
    assertThat(clusterDefault.status())
        .as("launch_type left out alone: the cluster's default strategy decides")
        .isEqualTo(Status.UNKNOWN);
    assertThat(clusterDefault.message()).contains("launch_type is known only after apply");
    Finding dynamic = found.get("aws_ecs_capacity_provider.dynamic ECS.19");
    assertThat(dynamic.status())
        .as("its block is written by a dynamic block, which the configuration leaves out")
        .isEqualTo(Status.UNKNOWN);
  }

  @Test
  void aProviderConfigKeyThatNamesNoConfigurationDecidesNothingWhereAnyHasDefaultTags()
      throws Exception {
    String orphan =
        configuredPlan()
            .replace(
                "\"provider_config_key\": \"aws.tagged\"", "\"provider_config_key\": \"ecs:aws\"");
    Finding unknown =
        Scans.json(orphan, "ECS.15").findings().stream()
            .filter(f -> f.resourceId().equals("aws_ecs_task_definition.tagged_by_default"))
            .findFirst()
            .orElseThrow();
    assertThat(unknown.status()).isEqualTo(Status.UNKNOWN);
    assertThat(unknown.message()).contains("does not say which provider configuration it uses");
    String noDefaultTags = orphan.replace("\"default_tags\"", "\"default_tags_removed\"");
    assertThat(
            Scans.json(noDefaultTags, "ECS.15").findings().stream()
                .filter(f -> f.resourceId().equals("aws_ecs_task_definition.tagged_by_default"))
                .findFirst()
                .orElseThrow()
                .status())
        .as("no provider configuration has default_tags: none can add any")
        .isEqualTo(Status.FAILED);
  }

  @Test
  void moduleAddressesGiveTheirCallNames() {
    assertThat(TerraformPlanConfiguration.moduleCalls("module.ecs")).containsExactly("ecs");
    assertThat(TerraformPlanConfiguration.moduleCalls("module.a[\"x.y]\\\"\"].module.b[0]"))
        .containsExactly("a", "b");
    assertThat(TerraformPlanConfiguration.moduleCalls("module.a[0")).isNull();
    assertThat(TerraformPlanConfiguration.moduleCalls("aws_ecs_service.x")).isNull();
  }
}
