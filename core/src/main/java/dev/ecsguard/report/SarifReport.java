package dev.ecsguard.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ecsguard.catalog.Lessons;
import dev.ecsguard.control.ControlInfo;
import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.tree.Location;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it: one rule per control (its
 * lesson as help), one result per FAILED finding (kind fail) and per UNKNOWN one (kind review),
 * with the region of the offending element and a fingerprint that does not change when lines move.
 */
public final class SarifReport implements Report {
  private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  private static final String FINGERPRINT = "ecsguardFinding/v1";

  @Override
  public void render(ScanResult result, Writer out) throws IOException {
    Map<String, ControlInfo> rules = new LinkedHashMap<>();
    result
        .findings()
        .forEach(finding -> rules.putIfAbsent(finding.control().id(), finding.control()));
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    rules.keySet().forEach(id -> ruleIndex.put(id, ruleIndex.size()));
    try (JsonGenerator json = JsonReport.prettyGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("$schema", SCHEMA);
      json.writeStringField("version", "2.1.0");
      json.writeArrayFieldStart("runs");
      json.writeStartObject();
      json.writeObjectFieldStart("tool");
      json.writeObjectFieldStart("driver");
      json.writeStringField("name", "ecsguard");
      json.writeStringField("informationUri", "https://github.com/ecsguard/ecsguard");
      json.writeArrayFieldStart("rules");
      for (ControlInfo control : rules.values()) {
        writeRule(json, control);
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();
      json.writeArrayFieldStart("results");
      for (Finding finding : result.findings()) {
        if (finding.status() == Status.FAILED || finding.status() == Status.UNKNOWN) {
          writeResult(json, finding, ruleIndex.get(finding.control().id()));
        }
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
    }
    out.write(System.lineSeparator());
  }

  private static void writeRule(JsonGenerator json, ControlInfo control) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", control.id());
    json.writeStringField("name", control.id().replace(".", ""));
    json.writeObjectFieldStart("shortDescription");
    json.writeStringField("text", control.title());
    json.writeEndObject();
    json.writeObjectFieldStart("fullDescription");
    json.writeStringField("text", control.title() + ". Fix: " + control.remediation());
    json.writeEndObject();
    if (control.documentationUrl() != null) {
      json.writeStringField("helpUri", control.documentationUrl());
    }
    json.writeObjectFieldStart("help");
    json.writeStringField("text", control.remediation());
    json.writeStringField("markdown", Lessons.of(control.id()).orElse(control.remediation()));
    json.writeEndObject();
    json.writeObjectFieldStart("defaultConfiguration");
    json.writeStringField("level", level(control));
    json.writeEndObject();
    json.writeObjectFieldStart("properties");
    json.writeArrayFieldStart("tags");
    json.writeString("security");
    json.writeString("ecs");
    json.writeString(control.resourceType().awsName());
    json.writeEndArray();
    // GitHub ranks security alerts by this score: Critical 9.0 and over, High 7.0 to 8.9, and so
    // on.
    json.writeStringField(
        "security-severity",
        switch (control.severity()) {
          case CRITICAL -> "9.5";
          case HIGH -> "8.0";
          case MEDIUM -> "5.5";
          case LOW -> "3.0";
        });
    json.writeEndObject();
    json.writeEndObject();
  }

  private static String level(ControlInfo control) {
    return switch (control.severity()) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW -> "note";
    };
  }

  private static void writeResult(JsonGenerator json, Finding finding, int ruleIndex)
      throws IOException {
    boolean failed = finding.status() == Status.FAILED;
    json.writeStartObject();
    json.writeStringField("ruleId", finding.control().id());
    json.writeNumberField("ruleIndex", ruleIndex);
    json.writeStringField("kind", failed ? "fail" : "review");
    json.writeStringField(
        "level", failed ? level(finding.control()) : "none"); // SARIF: only kind fail takes a level
    json.writeObjectFieldStart("message");
    json.writeStringField("text", finding.message());
    json.writeEndObject();
    json.writeArrayFieldStart("locations");
    json.writeStartObject();
    Location location = finding.location();
    if (location.line() > 0) {
      json.writeObjectFieldStart("physicalLocation");
      json.writeObjectFieldStart("artifactLocation");
      json.writeStringField("uri", uri(location.file()));
      json.writeEndObject();
      json.writeObjectFieldStart("region");
      json.writeNumberField("startLine", location.line());
      if (location.column() > 0) {
        json.writeNumberField("startColumn", location.column());
      }
      json.writeEndObject();
      json.writeEndObject();
    }
    json.writeArrayFieldStart("logicalLocations");
    json.writeStartObject();
    json.writeStringField("fullyQualifiedName", finding.resourceId());
    json.writeStringField("kind", "resource");
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
    if (finding.suppressed()) {
      json.writeArrayFieldStart("suppressions");
      json.writeStartObject();
      json.writeStringField(
          "kind", finding.suppression().source().startsWith("inline ") ? "inSource" : "external");
      json.writeStringField("status", "accepted");
      json.writeStringField(
          "justification",
          finding.suppression().reason()
              + (finding.suppression().expires() == null
                  ? ""
                  : " (until " + finding.suppression().expires() + ")"));
      json.writeEndObject();
      json.writeEndArray();
    }
    json.writeObjectFieldStart("partialFingerprints");
    json.writeStringField(FINGERPRINT, finding.fingerprint());
    json.writeEndObject();
    json.writeObjectFieldStart("properties");
    json.writeStringField("resourceType", finding.resourceType().awsName());
    json.writeStringField("resourceId", finding.resourceId());
    json.writeStringField("status", finding.status().name());
    json.writeEndObject();
    json.writeEndObject();
  }

  /** Relative paths as forward-slash URIs, as SARIF viewers resolve them against the checkout. */
  private static String uri(String file) {
    String path = file.replace('\\', '/');
    while (path.startsWith("./")) {
      path = path.substring(2);
    }
    return path.replace(" ", "%20");
  }
}
