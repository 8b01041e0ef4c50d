package dev.ecsguard.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ecsguard.catalog.Lessons;
import dev.ecsguard.control.ControlInfo;
import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.Location;
import dev.ecsguard.tree.RepositoryPaths;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it: one rule per control (its
 * lesson as help), one result per FAILED finding with the region of the first offending element
 * (and, when several offend, each as a related location linked from the message), and a fingerprint
 * that does not change when lines move. Inputs that could not be read are tool execution
 * notifications of the invocation, which then did not succeed.
 *
 * <p>An UNKNOWN finding is a result of a companion rule, {@code ECS.4/unknown} ("could not be
 * decided"), at level note and without a security severity: GitHub ranks a security alert by its
 * rule's security-severity whatever the result's level, so under the control's own rule it would
 * show as a High alert.
 */
public final class SarifReport implements Report {
  private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  /** v2: the file from its repository's root (v1 had it as given, so relative to where one ran). */
  private static final String FINGERPRINT = "ecsguardFinding/v2";

  private final RepositoryPaths stablePaths = new RepositoryPaths();
  private static final String UNDECIDED = "/unknown";

  @Override
  public void render(ScanResult result, Writer out) throws IOException {
    Map<String, ControlInfo> controls = new LinkedHashMap<>();
    Map<String, ControlInfo> undecided = new LinkedHashMap<>();
    for (Finding finding : result.findings()) {
      controls.putIfAbsent(finding.control().id(), finding.control());
      if (finding.status() == Status.UNKNOWN) {
        undecided.putIfAbsent(finding.control().id() + UNDECIDED, finding.control());
      }
    }
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    controls.keySet().forEach(id -> ruleIndex.put(id, ruleIndex.size()));
    undecided.keySet().forEach(id -> ruleIndex.put(id, ruleIndex.size()));
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
      for (ControlInfo control : controls.values()) {
        writeRule(json, control);
      }
      for (ControlInfo control : undecided.values()) {
        writeUndecidedRule(json, control);
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();
      writeInvocation(json, result.errors());
      json.writeArrayFieldStart("results");
      for (Finding finding : result.findings()) {
        if (finding.status() == Status.FAILED || finding.status() == Status.UNKNOWN) {
          String ruleId =
              finding.control().id() + (finding.status() == Status.UNKNOWN ? UNDECIDED : "");
          writeResult(json, finding, ruleId, ruleIndex.get(ruleId));
        }
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
    }
    out.write(System.lineSeparator());
  }

  /** The scan as one invocation: it succeeded when every input could be read. */
  private static void writeInvocation(JsonGenerator json, List<InputException> errors)
      throws IOException {
    json.writeArrayFieldStart("invocations");
    json.writeStartObject();
    json.writeBooleanField("executionSuccessful", errors.isEmpty());
    if (!errors.isEmpty()) {
      json.writeArrayFieldStart("toolExecutionNotifications");
      for (InputException error : errors) {
        json.writeStartObject();
        json.writeStringField("level", "error");
        json.writeObjectFieldStart("message");
        json.writeStringField("text", error.problem());
        json.writeEndObject();
        json.writeArrayFieldStart("locations");
        json.writeStartObject();
        writePhysicalLocation(json, error.file(), error.line(), error.column());
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    json.writeEndObject();
    json.writeEndArray();
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
    json.writeString(control.standard().label());
    json.writeEndArray();
    json.writeStringField("standard", control.standard().title());
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

  /** The rule of a control's UNKNOWN results: a note to review, no security alert. */
  private static void writeUndecidedRule(JsonGenerator json, ControlInfo control)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("id", control.id() + UNDECIDED);
    json.writeStringField("name", control.id().replace(".", "") + "Unknown");
    json.writeObjectFieldStart("shortDescription");
    json.writeStringField("text", control.id() + " could not be decided: " + control.title());
    json.writeEndObject();
    json.writeObjectFieldStart("fullDescription");
    json.writeStringField(
        "text",
        control.id()
            + " could not be decided from the input; check it by hand: "
            + control.title()
            + ".");
    json.writeEndObject();
    if (control.documentationUrl() != null) {
      json.writeStringField("helpUri", control.documentationUrl());
    }
    json.writeObjectFieldStart("help");
    json.writeStringField("text", control.remediation());
    json.writeEndObject();
    json.writeObjectFieldStart("defaultConfiguration");
    json.writeStringField("level", "note");
    json.writeEndObject();
    json.writeObjectFieldStart("properties");
    json.writeArrayFieldStart("tags");
    json.writeString("ecs");
    json.writeString(control.resourceType().awsName());
    json.writeString(control.standard().label());
    json.writeEndArray();
    json.writeStringField("standard", control.standard().title());
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

  private void writeResult(JsonGenerator json, Finding finding, String ruleId, int ruleIndex)
      throws IOException {
    boolean failed = finding.status() == Status.FAILED;
    json.writeStartObject();
    json.writeStringField("ruleId", ruleId);
    json.writeNumberField("ruleIndex", ruleIndex);
    json.writeStringField("kind", "fail");
    json.writeStringField("level", failed ? level(finding.control()) : "note");
    // GitHub shows one location per alert (the first offending element's) and links related
    // locations only where the message embeds them, so with several offending elements each is a
    // related location linked from the message.
    List<Finding.Element> placed =
        finding.offenders().stream()
            .filter(offender -> offender.location() != null && offender.location().line() > 0)
            .toList();
    boolean several = placed.size() > 1;
    json.writeObjectFieldStart("message");
    json.writeStringField("text", several ? linking(finding.message(), placed) : finding.message());
    json.writeEndObject();
    json.writeArrayFieldStart("locations");
    json.writeStartObject();
    Location location = finding.location();
    if (location.line() > 0) {
      writePhysicalLocation(json, location.file(), location.line(), location.column());
    }
    json.writeArrayFieldStart("logicalLocations");
    json.writeStartObject();
    json.writeStringField("fullyQualifiedName", finding.resourceId());
    json.writeStringField("kind", "resource");
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
    if (several) {
      json.writeArrayFieldStart("relatedLocations");
      for (int i = 0; i < placed.size(); i++) {
        Finding.Element offender = placed.get(i);
        json.writeStartObject();
        json.writeNumberField("id", i + 1);
        Location at = offender.location();
        writePhysicalLocation(json, at.file(), at.line(), at.column());
        json.writeObjectFieldStart("message");
        json.writeStringField("text", offender.sentence());
        json.writeEndObject();
        json.writeEndObject();
      }
      json.writeEndArray();
    }
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
    json.writeStringField(FINGERPRINT, finding.fingerprint(stablePaths));
    json.writeEndObject();
    json.writeObjectFieldStart("properties");
    json.writeStringField("resourceType", finding.resourceType().awsName());
    json.writeStringField("resourceId", finding.resourceId());
    json.writeStringField("status", finding.status().name());
    json.writeEndObject();
    json.writeEndObject();
  }

  /**
   * The message with a link to each related location ({@code [container "app" at line 4](1)}), its
   * own brackets and backslashes escaped as SARIF's embedded links require.
   */
  private static String linking(String message, List<Finding.Element> placed) {
    StringBuilder text = new StringBuilder(escapeLinkText(message)).append(" Offending elements: ");
    for (int i = 0; i < placed.size(); i++) {
      Finding.Element offender = placed.get(i);
      String name = offender.name() == null ? "the resource" : offender.name();
      text.append(i == 0 ? "" : ", ")
          .append('[')
          .append(escapeLinkText(name + " at line " + offender.location().line()))
          .append("](")
          .append(i + 1)
          .append(')');
    }
    return text.append('.').toString();
  }

  private static String escapeLinkText(String text) {
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
  }

  /** A file and, when known, the line and column in it. */
  private static void writePhysicalLocation(JsonGenerator json, String file, int line, int column)
      throws IOException {
    json.writeObjectFieldStart("physicalLocation");
    json.writeObjectFieldStart("artifactLocation");
    json.writeStringField("uri", uri(file));
    json.writeEndObject();
    if (line > 0) {
      json.writeObjectFieldStart("region");
      json.writeNumberField("startLine", line);
      if (column > 0) {
        json.writeNumberField("startColumn", column);
      }
      json.writeEndObject();
    }
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
