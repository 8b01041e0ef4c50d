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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it: one rule per control (its
 * lesson as help), one result per FAILED finding with every offending element as a location (the
 * first is the one GitHub shows; the others are also related locations linked from the message,
 * since GitHub ignores all but the first location and links related ones only from the message),
 * and a fingerprint that does not change when lines move. Inputs that could not be read are tool
 * execution notifications of the invocation, which then did not succeed.
 *
 * <p>Files are named relative to one root, the base id {@code %SRCROOT%} ({@link SarifUris}): the
 * root given, else that of the git repository holding them; a file outside it by an absolute {@code
 * file:} URI. A live finding (a resource of an account, read from no file) has its ARN as a logical
 * location and, as GitHub refuses a result without a file, the line of its resource in the report's
 * {@link SarifLiveResources pointer file}.
 *
 * <p>An UNKNOWN finding is a result of a companion rule, {@code ECS.4/unknown} ("could not be
 * decided"), at level note and without a security severity: GitHub ranks a security alert by its
 * rule's security-severity whatever the result's level, so under the control's own rule it would
 * show as a High alert.
 *
 * <p>The run has no {@code automationDetails}: GitHub's upload action sets the category there only
 * when the file has none, so one written here would override the workflow's.
 */
public final class SarifReport implements Report {
  private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  /** v2: the file from its repository's root (v1 had it as given, so relative to where one ran). */
  private static final String FINGERPRINT = "ecsguardFinding/v2";

  private static final String UNDECIDED = "/unknown";

  /**
   * GitHub's limits: a result's locations (it documents at most 10, and uses the first), and the
   * locations it keeps per result (100).
   */
  static final int MAX_LOCATIONS = 10;

  static final int MAX_RELATED_LOCATIONS = 100;

  private final RepositoryPaths stablePaths = new RepositoryPaths();
  private final Path root;
  private final Path liveFile;

  /** URIs relative to the repository of the files; live findings with no pointer file. */
  public SarifReport() {
    this(null, null);
  }

  /**
   * @param root what URIs are relative to, or null for the root of the git repository holding the
   *     files
   * @param liveFile where the pointer file of live findings ({@link SarifLiveResources}) is
   *     written, or null: then a live finding has its logical location only, which GitHub refuses
   */
  public SarifReport(Path root, Path liveFile) {
    this.root = root;
    this.liveFile = liveFile;
  }

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
    SarifLiveResources live = liveFile == null ? null : SarifLiveResources.of(result);
    Path listed = live == null || live.isEmpty() ? null : liveFile;
    SarifUris uris = new SarifUris(root, files(result), listed);
    Locations locations = new Locations(uris, live, listed == null ? null : uris.written(listed));
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
      writeInvocation(json, result.errors(), locations);
      if (uris.rootUri() != null) {
        json.writeObjectFieldStart("originalUriBaseIds");
        json.writeObjectFieldStart(SarifUris.SOURCE_ROOT);
        json.writeStringField("uri", uris.rootUri());
        json.writeObjectFieldStart("description");
        json.writeStringField("text", "The root of the source tree, where relative URIs start.");
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
      }
      json.writeArrayFieldStart("results");
      for (Finding finding : result.findings()) {
        if (SarifLiveResources.reported(finding)) {
          String ruleId =
              finding.control().id() + (finding.status() == Status.UNKNOWN ? UNDECIDED : "");
          writeResult(json, finding, ruleId, ruleIndex.get(ruleId), locations);
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
  private static void writeInvocation(
      JsonGenerator json, List<InputException> errors, Locations locations) throws IOException {
    json.writeArrayFieldStart("invocations");
    json.writeStartObject();
    json.writeBooleanField("executionSuccessful", errors.isEmpty());
    if (!errors.isEmpty()) {
      json.writeArrayFieldStart("toolExecutionNotifications");
      for (InputException error : errors) {
        // What is no file (a live account's call, standard input) is named in the message: a URI
        // of another scheme than file: would make GitHub refuse the whole report.
        boolean file = locations.uris.isFile(error.file());
        json.writeStartObject();
        json.writeStringField("level", "error");
        json.writeObjectFieldStart("message");
        json.writeStringField("text", (file ? "" : error.file() + ": ") + error.problem());
        json.writeEndObject();
        if (file) {
          json.writeArrayFieldStart("locations");
          json.writeStartObject();
          locations.writePhysical(json, error.file(), error.line(), error.column());
          json.writeEndObject();
          json.writeEndArray();
        }
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

  private void writeResult(
      JsonGenerator json, Finding finding, String ruleId, int ruleIndex, Locations locations)
      throws IOException {
    boolean failed = finding.status() == Status.FAILED;
    json.writeStartObject();
    json.writeStringField("ruleId", ruleId);
    json.writeNumberField("ruleIndex", ruleIndex);
    json.writeStringField("kind", "fail");
    json.writeStringField("level", failed ? level(finding.control()) : "note");
    // Every offending element must change to fix the finding, so each is a location (GitHub's
    // rule for several). GitHub shows only the first and links the others only from the message,
    // as related locations.
    List<Finding.Element> placed =
        finding.offenders().stream()
            .filter(offender -> offender.location() != null && offender.location().line() > 0)
            .toList();
    List<Finding.Element> others =
        placed.size() > 1
            ? placed.subList(1, Math.min(placed.size(), MAX_RELATED_LOCATIONS + 1))
            : List.of();
    json.writeObjectFieldStart("message");
    json.writeStringField(
        "text",
        others.isEmpty()
            ? finding.message()
            : linking(finding.message(), others, placed.size() - 1 - others.size()));
    json.writeEndObject();
    json.writeArrayFieldStart("locations");
    json.writeStartObject();
    if (placed.size() > 1) {
      writeElement(json, placed.getFirst(), locations);
    } else {
      locations.writePrimary(json, finding);
    }
    json.writeArrayFieldStart("logicalLocations");
    json.writeStartObject();
    json.writeStringField("fullyQualifiedName", finding.resourceId());
    json.writeStringField("kind", "resource");
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
    for (int i = 1; i < Math.min(placed.size(), MAX_LOCATIONS); i++) {
      json.writeStartObject();
      writeElement(json, placed.get(i), locations);
      json.writeEndObject();
    }
    json.writeEndArray();
    if (!others.isEmpty()) {
      json.writeArrayFieldStart("relatedLocations");
      for (int i = 0; i < others.size(); i++) {
        json.writeStartObject();
        json.writeNumberField("id", i + 1);
        writeElement(json, others.get(i), locations);
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
   * The message with a link to each related location ({@code Also at: [container "app" at line
   * 4](1).}), its own brackets and backslashes escaped as SARIF's embedded links require; {@code
   * unlinked} more are counted.
   */
  private static String linking(String message, List<Finding.Element> others, int unlinked) {
    StringBuilder text = new StringBuilder(escapeLinkText(message)).append(" Also at: ");
    for (int i = 0; i < others.size(); i++) {
      Finding.Element offender = others.get(i);
      String name = offender.name() == null ? "the resource" : offender.name();
      text.append(i == 0 ? "" : ", ")
          .append('[')
          .append(escapeLinkText(name + " at line " + offender.location().line()))
          .append("](")
          .append(i + 1)
          .append(')');
    }
    if (unlinked > 0) {
      text.append(" and ").append(unlinked).append(" more");
    }
    return text.append('.').toString();
  }

  /** An offending element's location: its file, line and column, and what is wrong there. */
  private static void writeElement(
      JsonGenerator json, Finding.Element offender, Locations locations) throws IOException {
    Location at = offender.location();
    locations.writePhysical(json, at.file(), at.line(), at.column());
    json.writeObjectFieldStart("message");
    json.writeStringField("text", offender.sentence());
    json.writeEndObject();
  }

  private static String escapeLinkText(String text) {
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
  }

  /** Every file the report names: what its URIs' root is found from. */
  private static List<String> files(ScanResult result) {
    List<String> files = new ArrayList<>();
    for (Finding finding : result.findings()) {
      if (SarifLiveResources.reported(finding)) {
        files.add(finding.location().file());
        finding.offenders().stream()
            .filter(offender -> offender.location() != null)
            .forEach(offender -> files.add(offender.location().file()));
      }
    }
    result.errors().forEach(error -> files.add(error.file()));
    return files;
  }

  /** How one report writes locations: its URIs, and where live resources are. */
  private record Locations(SarifUris uris, SarifLiveResources live, SarifUris.Artifact liveFile) {

    /**
     * A finding's own location: its file and line, or a live resource's line in the pointer file;
     * nothing for a live resource without one.
     */
    void writePrimary(JsonGenerator json, Finding finding) throws IOException {
      Location location = finding.location();
      if (!SarifLiveResources.isLive(finding)) {
        // A finding of a whole file is at its first line, as GitHub takes a location without one.
        writePhysical(json, location.file(), Math.max(1, location.line()), location.column());
      } else if (live != null && live.line(finding) > 0) {
        writePhysical(json, liveFile, live.line(finding), 1);
      }
    }

    /** A file and, when known, the line and column in it. */
    void writePhysical(JsonGenerator json, String file, int line, int column) throws IOException {
      writePhysical(json, uris.artifact(file), line, column);
    }

    private static void writePhysical(
        JsonGenerator json, SarifUris.Artifact artifact, int line, int column) throws IOException {
      json.writeObjectFieldStart("physicalLocation");
      json.writeObjectFieldStart("artifactLocation");
      json.writeStringField("uri", artifact.uri());
      if (artifact.relative()) {
        json.writeStringField("uriBaseId", SarifUris.SOURCE_ROOT);
      }
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
  }
}
