package dev.ecsguard.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ecsguard.control.ControlInfo;
import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.RepositoryPaths;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * GitLab's security report for SAST, schema version {@value #SCHEMA_VERSION} (which every GitLab
 * that validates reports accepts), as {@code artifacts:reports:sast} takes it: one vulnerability
 * per FAILED finding that no suppression or baseline covers, with the control as its primary
 * identifier, the fix as its solution and AWS's page as a link.
 *
 * <p>UNKNOWN findings are left out: GitLab has no "could not be decided", and a vulnerability would
 * count against merge-request approval policies and then show as resolved once it can be decided.
 * Suppressed findings are left out too: GitLab's own dismissal is for what its users accept, and a
 * finding accepted in ecsguard's configuration is no longer detected. Both are counted in the
 * scan's messages, and every input that could not be read is a warning there.
 *
 * <p>Files are named from the root of the git repository that holds them, as GitLab links them.
 * Each vulnerability is tracked by the finding's line-independent fingerprint, so that an edit
 * above it does not make it new.
 */
public final class GitLabSastReport implements Report {
  static final String SCHEMA_VERSION = "15.0.6";
  private static final String SCHEMA =
      "https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v"
          + SCHEMA_VERSION
          + "/dist/sast-report-format.json";
  private static final String INFORMATION = "https://github.com/ecsguard/ecsguard";

  /** The schema's time format: UTC, to the second, without a zone. */
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private final Instant finished;

  /** Each file's path from its repository's root, found once: a file has many findings. */
  private final RepositoryPaths stablePaths = new RepositoryPaths();

  public GitLabSastReport(Instant finished) {
    this.finished = finished.truncatedTo(ChronoUnit.SECONDS);
  }

  @Override
  public void render(ScanResult result, Writer out) throws IOException {
    List<Finding> reported =
        result.findings().stream()
            .filter(finding -> finding.status() == Status.FAILED && !finding.suppressed())
            .toList();
    try (JsonGenerator json = JsonReport.prettyGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("version", SCHEMA_VERSION);
      json.writeStringField("schema", SCHEMA);
      writeScan(json, result);
      json.writeArrayFieldStart("vulnerabilities");
      for (Finding finding : reported) {
        writeVulnerability(json, finding);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    out.write(System.lineSeparator());
  }

  private void writeScan(JsonGenerator json, ScanResult result) throws IOException {
    json.writeObjectFieldStart("scan");
    writeTool(json, "analyzer");
    writeTool(json, "scanner");
    json.writeStringField("type", "sast");
    Instant started = result.started().truncatedTo(ChronoUnit.SECONDS);
    json.writeStringField(
        "start_time", TIME.format(started.isAfter(finished) ? finished : started));
    json.writeStringField("end_time", TIME.format(finished));
    // The scan itself ran to its end; inputs it could not read are its warnings.
    json.writeStringField("status", "success");
    json.writeArrayFieldStart("messages");
    for (InputException error : result.errors()) {
      writeMessage(json, "warn", "Not scanned: " + error.getMessage());
    }
    long unknown =
        result.findings().stream()
            .filter(finding -> finding.status() == Status.UNKNOWN && !finding.suppressed())
            .count();
    if (unknown > 0) {
      writeMessage(
          json,
          "info",
          unknown
              + " checks could not be decided (UNKNOWN) and are not reported here: see ecsguard's"
              + " text or JSON report.");
    }
    if (result.suppressed() > 0) {
      writeMessage(
          json,
          "info",
          result.suppressed() + " findings are suppressed or in the baseline: not reported here.");
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** The analyzer and the scanner are both ecsguard: it wraps no other tool. */
  private static void writeTool(JsonGenerator json, String role) throws IOException {
    json.writeObjectFieldStart(role);
    json.writeStringField("id", "ecsguard");
    json.writeStringField("name", "ecsguard");
    json.writeStringField("url", INFORMATION);
    json.writeStringField("version", version());
    json.writeObjectFieldStart("vendor");
    json.writeStringField("name", "ecsguard");
    json.writeEndObject();
    json.writeEndObject();
  }

  /** The build's version, as {@code --version} says it (the HTML report shows it too). */
  static String version() {
    String version = GitLabSastReport.class.getPackage().getImplementationVersion();
    return version == null ? "development build" : version;
  }

  private static void writeMessage(JsonGenerator json, String level, String text)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("level", level);
    json.writeStringField("value", text);
    json.writeEndObject();
  }

  private void writeVulnerability(JsonGenerator json, Finding finding) throws IOException {
    ControlInfo control = finding.control();
    String file = stablePaths.stable(finding.location().file());
    String fingerprint = finding.fingerprint(stablePaths);
    json.writeStartObject();
    json.writeStringField(
        "id", UUID.nameUUIDFromBytes(fingerprint.getBytes(StandardCharsets.UTF_8)).toString());
    json.writeStringField("name", truncate(control.id() + ": " + control.title(), 255));
    // GitLab renders the description as Markdown: what came from the input is shown as text.
    json.writeStringField(
        "description",
        MarkdownReport.cell(finding.message())
            + "\n\nResource: "
            + MarkdownReport.cell(finding.resourceId())
            + " ("
            + finding.resourceType().awsName()
            + ").");
    json.writeStringField("severity", control.severity().title());
    json.writeStringField("solution", truncate(control.remediation(), 7000));
    json.writeArrayFieldStart("identifiers");
    writeIdentifier(json, "ecsguard_control", control.id(), control.documentationUrl());
    if (!control.configRule().isEmpty()) {
      writeIdentifier(json, "aws_config_rule", control.configRule(), null);
    }
    json.writeEndArray();
    if (control.documentationUrl() != null) {
      json.writeArrayFieldStart("links");
      json.writeStartObject();
      json.writeStringField("name", "AWS Security Hub " + control.id());
      json.writeStringField("url", control.documentationUrl());
      json.writeEndObject();
      json.writeEndArray();
    }
    json.writeObjectFieldStart("location");
    json.writeStringField("file", file);
    int line = finding.location().line();
    if (line > 0) {
      json.writeNumberField("start_line", line);
      json.writeNumberField("end_line", line);
    }
    json.writeEndObject();
    writeDetails(json, finding);
    json.writeObjectFieldStart("tracking");
    json.writeStringField("type", "source");
    json.writeArrayFieldStart("items");
    json.writeStartObject();
    json.writeStringField("file", file);
    if (line > 0) {
      json.writeNumberField("start_line", line);
      json.writeNumberField("end_line", line);
    }
    json.writeArrayFieldStart("signatures");
    json.writeStartObject();
    json.writeStringField("algorithm", "hash");
    json.writeStringField("value", fingerprint);
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void writeIdentifier(JsonGenerator json, String type, String value, String url)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("type", type);
    json.writeStringField("name", value);
    json.writeStringField("value", value);
    if (url != null) {
      json.writeStringField("url", url);
    }
    json.writeEndObject();
  }

  /**
   * What GitLab lists beside the description, as plain text: the resource, its type, the standard
   * and, where the finding has them, its account, Region and CDK construct path.
   */
  private static void writeDetails(JsonGenerator json, Finding finding) throws IOException {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("Resource", finding.resourceId());
    details.put("Resource type", finding.resourceType().awsName());
    details.put("Standard", finding.control().standard().title());
    new TreeMap<>(finding.labels()).forEach((label, value) -> details.put(labelName(label), value));
    json.writeObjectFieldStart("details");
    for (Map.Entry<String, String> detail : details.entrySet()) {
      json.writeObjectFieldStart(
          detail.getKey().toLowerCase(java.util.Locale.ROOT).replace(' ', '_'));
      json.writeStringField("name", detail.getKey());
      json.writeStringField("type", "text");
      json.writeStringField("value", detail.getValue());
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  /** A finding's label as people read it. */
  private static String labelName(String label) {
    return switch (label) {
      case "account" -> "Account";
      case "region" -> "Region";
      case "cdkPath" -> "CDK path";
      default -> label;
    };
  }

  private static String truncate(String text, int limit) {
    return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
  }
}
