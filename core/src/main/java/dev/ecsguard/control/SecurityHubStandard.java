package dev.ecsguard.control;

/**
 * A Security Hub standard that holds AWS's controls, by the id Security Hub's findings name it with
 * ({@code Compliance.AssociatedStandards[].StandardsId}: the resource part of the standard's ARN).
 */
public enum SecurityHubStandard {
  FOUNDATIONAL_SECURITY_BEST_PRACTICES(
      "standards/aws-foundational-security-best-practices/v/1.0.0"),
  NIST_800_53("standards/nist-800-53/v/5.0.0"),
  PCI_DSS("standards/pci-dss/v/4.0.1"),
  RESOURCE_TAGGING("standards/aws-resource-tagging-standard/v/1.0.0");

  private final String standardsId;

  SecurityHubStandard(String standardsId) {
    this.standardsId = standardsId;
  }

  public String standardsId() {
    return standardsId;
  }
}
