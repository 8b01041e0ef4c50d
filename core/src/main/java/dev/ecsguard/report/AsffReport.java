package dev.ecsguard.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ecsguard.control.ControlInfo;
import dev.ecsguard.control.SecurityHubStandard;
import dev.ecsguard.control.Standard;
import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.tree.RepositoryPaths;
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
 * verdict (UNKNOWN as WARNING, NOT_APPLICABLE as NOT_AVAILABLE, per the spec, each with a status
 * reason), the control id as GeneratorId and, for Security Hub's controls, as
 * Compliance.SecurityControlId with the standards and requirements AWS relates it to, so that the
 * findings line up with Security Hub's own. The resource is under Resources, in the partition of
 * its Region. Suppressed findings are imported as SUPPRESSED in their workflow, with the reason as
 * a note.
 *
 * <p>The Id names the file by its path from the root of the git repository that holds it (the
 * absolute path outside one), so that a rescan from another directory updates the same findings.
 */
public final class AsffReport implements Report {
  private static final JsonFactory FACTORY = new JsonFactory();

  /**
   * Where the findings belong when a finding has no account or region label (offline files); the
   * account may be null when every finding has one (a live scan).
   */
  private final String account;

  private final String region;
  private final Instant now;

  /** Each file's path from its repository's root: the Id must not depend on the directory. */
  private final RepositoryPaths stablePaths = new RepositoryPaths();

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
    if (accountId == null) {
      throw new IllegalStateException(
          "an ASFF finding of a file needs an account (AWS_ACCOUNT_ID): " + finding.location());
    }
    String regionName = finding.labels().getOrDefault("region", region);
    String partition = partition(regionName);
    json.writeStartObject();
    json.writeStringField("SchemaVersion", "2018-10-08");
    json.writeStringField(
        "Id", "ecsguard/" + finding.control().id() + "/" + finding.fingerprint(stablePaths));
    json.writeStringField(
        "ProductArn",
        "arn:"
            + partition
            + ":securityhub:"
            + regionName
            + ":"
            + accountId
            + ":product/"
            + accountId
            + "/default");
    json.writeStringField("ProductName", "ecsguard");
    json.writeStringField("CompanyName", "ecsguard");
    json.writeStringField("GeneratorId", finding.control().id());
    json.writeStringField("AwsAccountId", accountId);
    json.writeArrayFieldStart("Types");
    json.writeString(type(finding.control().standard()));
    json.writeEndArray();
    json.writeStringField("CreatedAt", now.toString());
    json.writeStringField("UpdatedAt", now.toString());
    // ecsguard keeps no history: it observed the finding at this scan, as far as it knows.
    json.writeStringField("FirstObservedAt", now.toString());
    json.writeStringField("LastObservedAt", now.toString());
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
    json.writeStringField("Partition", partition);
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
    ControlInfo control = finding.control();
    if (control.fromSecurityHub()) {
      json.writeStringField("SecurityControlId", control.id());
    }
    if (!control.securityHubStandards().isEmpty()) {
      json.writeArrayFieldStart("AssociatedStandards");
      for (SecurityHubStandard standard : control.securityHubStandards()) {
        json.writeStartObject();
        json.writeStringField("StandardsId", standard.standardsId());
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    if (!control.relatedRequirements().isEmpty()) {
      json.writeArrayFieldStart("RelatedRequirements");
      for (String requirement : control.relatedRequirements()) {
        json.writeString(requirement);
      }
      json.writeEndArray();
    }
    String reasonCode = reasonCode(finding.status());
    if (reasonCode != null) {
      json.writeArrayFieldStart("StatusReasons");
      json.writeStartObject();
      json.writeStringField("ReasonCode", reasonCode);
      json.writeStringField("Description", truncate(finding.message(), 1024));
      json.writeEndObject();
      json.writeEndArray();
    }
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

  /**
   * Why a finding has the status it has, where the status alone does not say it. NOT_APPLICABLE
   * takes the code Security Hub gives when the rule did not apply to the resource. Security Hub's
   * codes for WARNING all name cross-Region or cross-account lookups, none of which is why ecsguard
   * could not decide (a value only known at deployment), so UNKNOWN has a code of its own, in the
   * same form; the message says what was missing.
   */
  static String reasonCode(Status status) {
    return switch (status) {
      case UNKNOWN -> "ECSGUARD_VALUE_UNRESOLVED";
      case NOT_APPLICABLE -> "CONFIG_RETURNS_NOT_APPLICABLE";
      case PASSED, FAILED -> null;
    };
  }

  /**
   * The partition of a Region, as ARNs name it: China, GovCloud, the European Sovereign Cloud and
   * the isolated (ISO) partitions have their own; every other Region is in aws.
   */
  static String partition(String region) {
    if (region.startsWith("cn-")) {
      return "aws-cn";
    }
    if (region.startsWith("us-gov-")) {
      return "aws-us-gov";
    }
    if (region.startsWith("eusc-")) {
      return "aws-eusc";
    }
    for (String[] iso :
        new String[][] {
          {"us-isob-", "aws-iso-b"},
          {"us-isof-", "aws-iso-f"},
          {"eu-isoe-", "aws-iso-e"},
          {"us-iso-", "aws-iso"}
        }) {
      if (region.startsWith(iso[0])) {
        return iso[1];
      }
    }
    return "aws";
  }

  private static String truncate(String text, int limit) {
    return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
  }
}
