package dev.ecsguard.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ecsguard.control.Standard;
import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * AWS Security Finding Format, as Security Hub's BatchImportFindings takes it: one finding per
 * PASSED and FAILED verdict (UNKNOWN as WARNING, NOT_APPLICABLE as NOT_AVAILABLE, per the spec),
 * the control id as GeneratorId, the resource under Resources. Suppressed findings are imported as
 * SUPPRESSED in their workflow, with the reason as a note.
 */
public final class AsffReport implements Report {
  private static final JsonFactory FACTORY = new JsonFactory();

  /** Where the findings belong when a finding has no account or region label (offline files). */
  private final String account;

  private final String region;
  private final Instant now;

  public AsffReport(String account, String region, Instant now) {
    this.account = account;
    this.region = region;
    this.now = now.truncatedTo(ChronoUnit.SECONDS);
  }

  @Override
  public void render(ScanResult result, Writer out) throws IOException {
    try (JsonGenerator json = JsonReport.prettyGenerator(out)) {
      json.writeStartArray();
      for (Finding finding : result.findings()) {
        write(json, finding);
      }
      json.writeEndArray();
    }
    out.write(System.lineSeparator());
  }

  /** Each finding as one ASFF JSON object, for importing in batches. */
  public List<String> findings(ScanResult result) {
    List<String> findings = new ArrayList<>();
    for (Finding finding : result.findings()) {
      StringWriter one = new StringWriter();
      try (JsonGenerator json = FACTORY.createGenerator(one)) {
        write(json, finding);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      findings.add(one.toString());
    }
    return findings;
  }

  private void write(JsonGenerator json, Finding finding) throws IOException {
    String accountId = finding.labels().getOrDefault("account", account);
    String regionName = finding.labels().getOrDefault("region", region);
    json.writeStartObject();
    json.writeStringField("SchemaVersion", "2018-10-08");
    json.writeStringField("Id", "ecsguard/" + finding.control().id() + "/" + finding.fingerprint());
    json.writeStringField(
        "ProductArn",
        "arn:aws:securityhub:"
            + regionName
            + ":"
            + accountId
            + ":product/"
            + accountId
            + "/default");
    json.writeStringField("GeneratorId", finding.control().id());
    json.writeStringField("AwsAccountId", accountId);
    json.writeArrayFieldStart("Types");
    json.writeString(type(finding.control().standard()));
    json.writeEndArray();
    json.writeStringField("CreatedAt", now.toString());
    json.writeStringField("UpdatedAt", now.toString());
    json.writeObjectFieldStart("Severity");
    json.writeStringField(
        "Label",
        finding.status() == Status.FAILED ? finding.control().severity().name() : "INFORMATIONAL");
    json.writeEndObject();
    json.writeStringField(
        "Title", truncate(finding.control().id() + " " + finding.control().title(), 256));
    json.writeStringField(
        "Description", truncate(finding.message() + " (" + finding.location() + ")", 1024));
    json.writeObjectFieldStart("Remediation");
    json.writeObjectFieldStart("Recommendation");
    json.writeStringField("Text", truncate(finding.control().remediation(), 512));
    if (finding.control().documentationUrl() != null) {
      json.writeStringField("Url", finding.control().documentationUrl());
    }
    json.writeEndObject();
    json.writeEndObject();
    json.writeObjectFieldStart("ProductFields");
    json.writeStringField("ecsguard/standard", finding.control().standard().title());
    json.writeStringField("ecsguard/file", finding.location().file());
    if (finding.location().line() > 0) {
      json.writeStringField("ecsguard/line", Integer.toString(finding.location().line()));
    }
    json.writeEndObject();
    json.writeArrayFieldStart("Resources");
    json.writeStartObject();
    json.writeStringField(
        "Type",
        switch (finding.resourceType()) {
          case TASK_DEFINITION -> "AwsEcsTaskDefinition";
          case SERVICE -> "AwsEcsService";
          case CLUSTER -> "AwsEcsCluster";
          case TASK_SET, CAPACITY_PROVIDER -> "Other";
        });
    json.writeStringField("Id", finding.resourceId());
    json.writeStringField("Partition", "aws");
    json.writeStringField("Region", regionName);
    json.writeEndObject();
    json.writeEndArray();
    json.writeObjectFieldStart("Compliance");
    json.writeStringField(
        "Status",
        switch (finding.status()) {
          case PASSED -> "PASSED";
          case FAILED -> "FAILED";
          case UNKNOWN -> "WARNING";
          case NOT_APPLICABLE -> "NOT_AVAILABLE";
        });
    json.writeEndObject();
    json.writeStringField("RecordState", "ACTIVE");
    json.writeObjectFieldStart("Workflow");
    json.writeStringField("Status", finding.suppressed() ? "SUPPRESSED" : "NEW");
    json.writeEndObject();
    if (finding.suppressed()) {
      json.writeObjectFieldStart("Note");
      json.writeStringField(
          "Text",
          truncate(
              finding.suppression().reason() + " (" + finding.suppression().source() + ")", 512));
      json.writeStringField("UpdatedBy", "ecsguard");
      json.writeStringField("UpdatedAt", now.toString());
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  /**
   * The finding type in Security Hub's taxonomy. AWS's controls are AWS security best practices.
   * ecsguard's own check the configuration of the same AWS resources, so they share the category,
   * with a classifier of their own (the taxonomy allows one) that says whose practice they are;
   * they are no published standard (Industry and Regulatory Standards) and no software flaw
   * (Vulnerabilities).
   */
  static String type(Standard standard) {
    return switch (standard) {
      case SECURITY_HUB -> "Software and Configuration Checks/AWS Security Best Practices";
      case ECSGUARD -> "Software and Configuration Checks/AWS Security Best Practices/ecsguard";
    };
  }

  private static String truncate(String text, int limit) {
    return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
  }
}
