package dev.ecsguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.catalog.Catalogue;
import dev.ecsguard.control.ControlInfo;
import dev.ecsguard.control.SecurityHubStandard;
import dev.ecsguard.control.Status;
import org.junit.jupiter.api.Test;

class AsffReportTest {

  @Test
  void thePartitionFollowsTheRegion() {
    assertThat(AsffReport.partition("eu-west-1")).isEqualTo("aws");
    assertThat(AsffReport.partition("cn-north-1")).isEqualTo("aws-cn");
    assertThat(AsffReport.partition("cn-northwest-1")).isEqualTo("aws-cn");
    assertThat(AsffReport.partition("us-gov-west-1")).isEqualTo("aws-us-gov");
    assertThat(AsffReport.partition("us-iso-east-1")).isEqualTo("aws-iso");
    assertThat(AsffReport.partition("us-isob-east-1")).isEqualTo("aws-iso-b");
    assertThat(AsffReport.partition("eu-isoe-west-1")).isEqualTo("aws-iso-e");
    assertThat(AsffReport.partition("us-isof-south-1")).isEqualTo("aws-iso-f");
    assertThat(AsffReport.partition("eusc-de-east-1")).isEqualTo("aws-eusc");
  }

  @Test
  void undecidedAndOutOfScopeFindingsSayWhy() {
    assertThat(AsffReport.reasonCode(Status.NOT_APPLICABLE))
        .isEqualTo("CONFIG_RETURNS_NOT_APPLICABLE");
    assertThat(AsffReport.reasonCode(Status.UNKNOWN)).isNotBlank();
    assertThat(AsffReport.reasonCode(Status.FAILED)).isNull();
    assertThat(AsffReport.reasonCode(Status.PASSED)).isNull();
  }

  /** Each Security Hub control names the standards AWS lists it in; ecsguard's own name none. */
  @Test
  void securityHubControlsNameTheirStandards() {
    for (var control : Catalogue.CONTROLS) {
      ControlInfo info = control.info();
      if (!info.fromSecurityHub()) {
        assertThat(info.securityHubStandards()).as(info.id()).isEmpty();
        assertThat(info.relatedRequirements()).as(info.id()).isEmpty();
        continue;
      }
      boolean tagging = info.id().matches("ECS\\.1[345]");
      assertThat(info.securityHubStandards())
          .as(info.id())
          .contains(
              tagging
                  ? SecurityHubStandard.RESOURCE_TAGGING
                  : SecurityHubStandard.FOUNDATIONAL_SECURITY_BEST_PRACTICES);
      // NIST SP 800-53 and PCI DSS hold the controls AWS relates to their requirements, and only
      // those.
      assertThat(info.securityHubStandards().contains(SecurityHubStandard.NIST_800_53))
          .as(info.id())
          .isEqualTo(
              info.relatedRequirements().stream().anyMatch(r -> r.startsWith("NIST.800-53.r5 ")));
      assertThat(info.securityHubStandards().contains(SecurityHubStandard.PCI_DSS))
          .as(info.id())
          .isEqualTo(
              info.relatedRequirements().stream().anyMatch(r -> r.startsWith("PCI DSS v4.0.1/")));
    }
  }
}
