package dev.ecsguard.aws.securityhub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.services.securityhub.model.AssociatedStandard;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.Compliance;
import software.amazon.awssdk.services.securityhub.model.Resource;
import software.amazon.awssdk.services.securityhub.model.StatusReason;

/**
 * The findings {@link dev.ecsguard.report.AsffReport} writes, as the SDK's model for
 * BatchImportFindings. The SDK reads JSON into its model only internally, and the report lives in
 * core, which never sees the SDK; so the report's JSON is mapped here, member by member, for
 * exactly the members that report writes (AsffFindingsTest fails when it writes one this leaves
 * out).
 */
final class AsffFindings {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AsffFindings() {}

  /** One finding as the report wrote it: a JSON object. */
  static AwsSecurityFinding of(String json) {
    JsonNode finding;
    try {
      finding = JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("the ASFF report wrote a finding that is not JSON", e);
    }
    AwsSecurityFinding.Builder sdk =
        AwsSecurityFinding.builder()
            .schemaVersion(text(finding, "SchemaVersion"))
            .id(text(finding, "Id"))
            .productArn(text(finding, "ProductArn"))
            .productName(text(finding, "ProductName"))
            .companyName(text(finding, "CompanyName"))
            .generatorId(text(finding, "GeneratorId"))
            .awsAccountId(text(finding, "AwsAccountId"))
            .types(texts(finding.path("Types")))
            .createdAt(text(finding, "CreatedAt"))
            .updatedAt(text(finding, "UpdatedAt"))
            .firstObservedAt(text(finding, "FirstObservedAt"))
            .lastObservedAt(text(finding, "LastObservedAt"))
            .severity(severity -> severity.label(text(finding.path("Severity"), "Label")))
            .title(text(finding, "Title"))
            .description(text(finding, "Description"))
            .remediation(
                remediation ->
                    remediation.recommendation(
                        recommendation ->
                            recommendation
                                .text(
                                    text(
                                        finding.path("Remediation").path("Recommendation"), "Text"))
                                .url(
                                    text(
                                        finding.path("Remediation").path("Recommendation"),
                                        "Url"))))
            .productFields(textMap(finding.path("ProductFields")))
            .resources(
                elements(finding.path("Resources")).stream().map(AsffFindings::resource).toList())
            .compliance(compliance(finding.path("Compliance")))
            .recordState(text(finding, "RecordState"))
            .workflow(workflow -> workflow.status(text(finding.path("Workflow"), "Status")));
    JsonNode note = finding.path("Note");
    if (note.isObject()) {
      sdk.note(
          n ->
              n.text(text(note, "Text"))
                  .updatedBy(text(note, "UpdatedBy"))
                  .updatedAt(text(note, "UpdatedAt")));
    }
    return sdk.build();
  }

  private static Compliance compliance(JsonNode compliance) {
    Compliance.Builder sdk =
        Compliance.builder()
            .status(text(compliance, "Status"))
            .securityControlId(text(compliance, "SecurityControlId"));
    // Arrays the report leaves out stay unset, as the report left them.
    if (compliance.has("AssociatedStandards")) {
      sdk.associatedStandards(
          elements(compliance.get("AssociatedStandards")).stream()
              .map(
                  standard ->
                      AssociatedStandard.builder()
                          .standardsId(text(standard, "StandardsId"))
                          .build())
              .toList());
    }
    if (compliance.has("RelatedRequirements")) {
      sdk.relatedRequirements(texts(compliance.get("RelatedRequirements")));
    }
    if (compliance.has("StatusReasons")) {
      sdk.statusReasons(
          elements(compliance.get("StatusReasons")).stream()
              .map(
                  reason ->
                      StatusReason.builder()
                          .reasonCode(text(reason, "ReasonCode"))
                          .description(text(reason, "Description"))
                          .build())
              .toList());
    }
    return sdk.build();
  }

  private static Resource resource(JsonNode resource) {
    return Resource.builder()
        .type(text(resource, "Type"))
        .id(text(resource, "Id"))
        .partition(text(resource, "Partition"))
        .region(text(resource, "Region"))
        .build();
  }

  /** A member's text, or null (unset in the model) when the report left it out. */
  private static String text(JsonNode object, String name) {
    JsonNode value = object.get(name);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static List<JsonNode> elements(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  private static List<String> texts(JsonNode array) {
    return elements(array).stream().map(JsonNode::asText).toList();
  }

  private static Map<String, String> textMap(JsonNode object) {
    Map<String, String> map = new LinkedHashMap<>();
    object.properties().forEach(member -> map.put(member.getKey(), member.getValue().asText()));
    return map;
  }
}
