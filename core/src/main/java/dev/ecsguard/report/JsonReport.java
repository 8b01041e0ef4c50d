package dev.ecsguard.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.ecsguard.control.Standard;
import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.Note;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.engine.SecurityHubScore;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.Location;
import java.io.IOException;
import java.io.Writer;

/**
 * The JSON report: a public interface, documented in the README. Fields are only ever added; {@code
 * schemaVersion} changes if one is ever removed or changes meaning.
 */
public final class JsonReport implements Report {
  public static final int SCHEMA_VERSION = 1;
  private static final JsonFactory FACTORY = new JsonFactory();

  /** An indented JSON writer that leaves {@code out} open, as every JSON-based report writes. */
  static JsonGenerator prettyGenerator(Writer out) throws IOException {
    JsonGenerator json = FACTORY.createGenerator(out);
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.setPrettyPrinter(new DefaultPrettyPrinter());
    return json;
  }

  @Override
  public void render(ScanResult result, Writer out) throws IOException {
    try (JsonGenerator json = JsonReport.prettyGenerator(out)) {
      json.writeStartObject();
      json.writeNumberField("schemaVersion", SCHEMA_VERSION);
      json.writeArrayFieldStart("standards");
      for (Standard standard : result.standards()) {
        json.writeString(standard.label());
      }
      json.writeEndArray();
      json.writeArrayFieldStart("findings");
      for (Finding finding : result.findings()) {
        writeFinding(json, finding);
      }
      json.writeEndArray();
      json.writeObjectFieldStart("summary");
      json.writeNumberField("files", result.files());
      json.writeNumberField("resources", result.resources());
      json.writeNumberField("findings", result.findings().size());
      json.writeNumberField("passed", result.count(Status.PASSED));
      json.writeNumberField("failed", result.count(Status.FAILED));
      json.writeNumberField("notApplicable", result.count(Status.NOT_APPLICABLE));
      json.writeNumberField("unknown", result.count(Status.UNKNOWN));
      json.writeNumberField("suppressed", result.suppressed());
      json.writeNumberField("errors", result.errors().size());
      json.writeFieldName("securityHubScore");
      writeScore(json, result.securityHubScore(), result.earlierSecurityHubScore());
      json.writeEndObject();
      if (result.live()) {
        json.writeObjectFieldStart("apiCalls");
        for (var call : result.apiCalls().entrySet()) {
          json.writeNumberField(call.getKey(), call.getValue());
        }
        json.writeEndObject();
      }
      json.writeStringField("configuration", result.configuration());
      json.writeArrayFieldStart("notes");
      for (Note note : result.notes()) {
        json.writeStartObject();
        writeLocation(json, note.location());
        json.writeStringField("message", note.message());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("errors");
      for (InputException error : result.errors()) {
        json.writeStartObject();
        json.writeStringField("file", error.file());
        writeLine(json, error.line(), error.column());
        json.writeStringField("message", error.problem());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    out.write(System.lineSeparator());
  }

  /** {passed, failed, unknown, percent, min, max}, and {@code before} as the baseline had it. */
  private static void writeScore(
      JsonGenerator json, SecurityHubScore score, SecurityHubScore before) throws IOException {
    if (score == null) {
      json.writeNull();
      return;
    }
    json.writeStartObject();
    json.writeNumberField("passed", score.passed());
    json.writeNumberField("failed", score.failed());
    json.writeNumberField("unknown", score.unknown());
    writePercent(json, "percent", score.percent());
    writePercent(json, "min", score.min());
    writePercent(json, "max", score.max());
    if (before != null) {
      json.writeFieldName("before");
      writeScore(json, before, null);
    }
    json.writeEndObject();
  }

  private static void writePercent(JsonGenerator json, String name, Integer percent)
      throws IOException {
    if (percent == null) {
      json.writeNullField(name);
    } else {
      json.writeNumberField(name, percent);
    }
  }

  private static void writeFinding(JsonGenerator json, Finding finding) throws IOException {
    json.writeStartObject();
    json.writeStringField("controlId", finding.control().id());
    json.writeStringField("standard", finding.control().standard().label());
    json.writeStringField("title", finding.control().title());
    json.writeStringField("severity", finding.control().severity().name());
    json.writeStringField("status", finding.status().name());
    json.writeStringField("resourceType", finding.resourceType().awsName());
    json.writeStringField("resourceId", finding.resourceId());
    json.writeObjectFieldStart("labels");
    for (var label :
        (finding.labels().isEmpty() ? finding.labels() : new java.util.TreeMap<>(finding.labels()))
            .entrySet()) {
      json.writeStringField(label.getKey(), label.getValue());
    }
    json.writeEndObject();
    writeLocation(json, finding.location());
    json.writeStringField("message", finding.message());
    json.writeStringField("remediation", finding.control().remediation());
    json.writeStringField("documentation", finding.control().documentationUrl());
    json.writeBooleanField("suppressed", finding.suppressed());
    if (finding.suppressed()) {
      json.writeObjectFieldStart("suppression");
      json.writeStringField("reason", finding.suppression().reason());
      json.writeStringField("source", finding.suppression().source());
      json.writeStringField(
          "expires",
          finding.suppression().expires() == null
              ? null
              : finding.suppression().expires().toString());
      json.writeEndObject();
    }
    json.writeArrayFieldStart("offenders");
    for (Finding.Element offender : finding.offenders()) {
      json.writeStartObject();
      json.writeStringField("element", offender.name());
      writeLocation(json, offender.location());
      json.writeStringField("problem", offender.problem());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeLocation(JsonGenerator json, Location location) throws IOException {
    json.writeStringField("file", location.file());
    writeLine(json, location.line(), location.column());
    json.writeStringField("pointer", location.pointer());
  }

  private static void writeLine(JsonGenerator json, int line, int column) throws IOException {
    if (line > 0) {
      json.writeNumberField("line", line);
      json.writeNumberField("column", column);
    } else {
      json.writeNullField("line");
      json.writeNullField("column");
    }
  }
}
