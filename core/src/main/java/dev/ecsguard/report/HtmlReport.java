package dev.ecsguard.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import dev.ecsguard.catalog.Lessons;
import dev.ecsguard.control.ControlInfo;
import dev.ecsguard.control.Severity;
import dev.ecsguard.control.Standard;
import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.engine.SecurityHubScore;
import dev.ecsguard.tree.InputException;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.WriterOutput;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * One self-contained HTML page (no network fetches, a Content-Security-Policy that allows none):
 * what was scanned and when, an INCOMPLETE banner and the unreadable inputs by name, the headline
 * counts of what is not suppressed, the predicted Security Hub score as a gauge, a heat map of
 * controls × resources, each failing control with its fix and its lesson, and every finding as JSON
 * data that a small script shows as a table to filter, group, sort and page through.
 *
 * <p>The page is the template {@code src/main/jte/htmlReport.jte}, compiled to Java at build time
 * (jte escapes every value for where it stands); this class only gathers what it shows. Without
 * scripts the page still shows the summary, the pictures, the controls and the first {@value
 * #FIRST_PAGE} unsuppressed FAILED findings.
 */
public final class HtmlReport implements Report {
  /** Rows the page renders itself, and rows a page of the script's table has. */
  static final int FIRST_PAGE = 100;

  /** Resources the heat map shows: those with the most FAILED findings. */
  static final int HEAT_MAP_RESOURCES = 30;

  private static final DateTimeFormatter SHOWN_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT);

  @Override
  public void render(ScanResult result, Writer out) throws IOException {
    JtehtmlReportGenerated.render(
        new OwaspHtmlTemplateOutput(new WriterOutput(out)), null, page(result));
  }

  /** What the template shows, every text from the input made printable. */
  public record Page(
      Meta meta,
      int failed,
      List<Count> statuses,
      List<Count> severities,
      int suppressed,
      int baselined,
      boolean incomplete,
      String incompleteReason,
      List<Unreadable> unreadable,
      Gauge score,
      Gauge earlierScore,
      String scoreSentence,
      HeatMap heatMap,
      List<ControlView> controls,
      List<Row> firstRows,
      int findings,
      String findingsJson) {}

  /**
   * What was scanned, when, by which version, with which configuration and standards.
   *
   * @param startedIso the scan's start for machines, {@code startedShown} for people
   * @param inputs the first of them; {@code moreInputs} how many are left out
   */
  public record Meta(
      String startedIso,
      String startedShown,
      String version,
      String configuration,
      boolean live,
      int resources,
      List<String> inputs,
      int inputCount,
      int moreInputs,
      String standards) {
    /** {@code 11 files, 25 resources}; {@code 1 account-region, 1 resource}. */
    public String counted() {
      return inputCount
          + " "
          + TextReport.plural(inputCount, live ? "account-region" : "file")
          + ", "
          + resources
          + " "
          + TextReport.plural(resources, "resource");
    }
  }

  /** A count with its CSS class: {@code sev-critical}, {@code st-failed}. */
  public record Count(String label, String css, int count) {}

  /** An input that could not be read: its file, line (0 when none) and what went wrong. */
  public record Unreadable(String file, int line, String problem) {}

  /** A score in percent (null without data) on a gauge, with its range over UNKNOWN controls. */
  public record Gauge(Integer percent, Integer min, Integer max, String brief) {
    /** The length of the gauge's half circle (radius 50). */
    public static final double ARC = Math.PI * 50;

    /** The gauge's arc, out of {@link #ARC}: how much of it is filled. */
    public double filled() {
      return percent == null ? 0 : ARC * percent / 100.0;
    }

    /** The point of the arc at {@code value} percent, as {@code x,y} for a translate(). */
    public String rangeMark(Integer value) {
      double angle = Math.PI * (value == null ? 0 : value) / 100.0;
      return String.format(
          Locale.ROOT, "%.1f,%.1f", 60 - 50 * Math.cos(angle), 60 - 50 * Math.sin(angle));
    }
  }

  /**
   * Controls (columns) × resources (rows) of FAILED findings no suppression covers.
   *
   * @param moreResources resources with FAILED findings left out of the map
   */
  public record HeatMap(List<String> controls, List<HeatRow> rows, int moreResources) {
    public int width() {
      return 260 + 44 * controls.size();
    }

    public int height() {
      return 70 + 20 * rows.size();
    }
  }

  /**
   * A resource's row: its name (with its account and Region), its id (what clicking the row filters
   * the table by) and, per control of the map, its FAILED findings' count.
   */
  public record HeatRow(String resource, String id, List<Integer> counts, List<String> css) {
    /** The name as the map has room for it, its end kept (an ARN's); the whole is its tooltip. */
    public String shortName() {
      return resource.length() <= 38 ? resource : "…" + resource.substring(resource.length() - 37);
    }
  }

  /** A control the scan ran that has findings, with its fix and its lesson as HTML. */
  public record ControlView(
      String id,
      String title,
      String severity,
      String severityCss,
      String standard,
      String remediation,
      String documentationUrl,
      String lessonHtml,
      int failed) {}

  /** A finding as the page renders it without scripts. */
  public record Row(
      String status,
      String statusCss,
      String control,
      String severity,
      String severityCss,
      String resource,
      String where,
      String message,
      String badge,
      String badgeReason) {}

  static Page page(ScanResult result) throws IOException {
    List<Finding> findings = result.findings();
    Map<String, ControlInfo> found = new HashMap<>();
    Map<String, Integer> failedByControl = new HashMap<>();
    Set<String> fixable = new HashSet<>(); // controls with FAILED or UNKNOWN findings
    for (Finding finding : findings) {
      found.putIfAbsent(finding.control().id(), finding.control());
      if (finding.status() == Status.FAILED || finding.status() == Status.UNKNOWN) {
        fixable.add(finding.control().id());
      }
      if (failedUnsuppressed(finding)) {
        failedByControl.merge(finding.control().id(), 1, Integer::sum);
      }
    }
    Map<String, ControlInfo> controls = inReportOrder(found);
    List<Count> statuses = new ArrayList<>();
    for (Status status :
        List.of(Status.FAILED, Status.UNKNOWN, Status.PASSED, Status.NOT_APPLICABLE)) {
      int count =
          (int) findings.stream().filter(f -> f.status() == status && !f.suppressed()).count();
      statuses.add(new Count(words(status.name()), "st-" + css(status.name()), count));
    }
    List<Count> severities = new ArrayList<>();
    for (Severity severity : Severity.values()) {
      int count =
          (int)
              findings.stream()
                  .filter(f -> failedUnsuppressed(f) && f.control().severity() == severity)
                  .count();
      severities.add(new Count(severity.title(), "sev-" + css(severity.name()), count));
    }
    int baselined = (int) findings.stream().filter(HtmlReport::baselined).count();
    List<Unreadable> unreadable = new ArrayList<>();
    for (InputException error : result.errors()) {
      unreadable.add(
          new Unreadable(
              Printable.escape(error.file()), error.line(), Printable.escape(error.problem())));
    }
    List<ControlView> controlViews = new ArrayList<>();
    Parser markdown = Parser.builder().build();
    HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    for (ControlInfo control : controls.values()) {
      if (!fixable.contains(control.id())) {
        continue; // nothing to fix
      }
      String lesson =
          Lessons.of(control.id()).map(text -> renderer.render(markdown.parse(text))).orElse("");
      controlViews.add(
          new ControlView(
              control.id(),
              control.title(),
              control.severity().title(),
              "sev-" + css(control.severity().name()),
              control.standard().title(),
              control.remediation(),
              control.documentationUrl(),
              lesson,
              failedByControl.getOrDefault(control.id(), 0)));
    }
    List<Row> firstRows =
        findings.stream()
            .filter(HtmlReport::failedUnsuppressed)
            .limit(FIRST_PAGE)
            .map(HtmlReport::row)
            .toList();
    boolean incomplete = !result.errors().isEmpty();
    String reason =
        !incomplete
            ? null
            : result.live()
                ? result.errors().size()
                    + (result.errors().size() == 1 ? " read" : " reads")
                    + " failed: what could not be read is not judged"
                : result.errors().size() == 1
                    ? "1 input could not be read: what it holds is not judged"
                    : result.errors().size()
                        + " inputs could not be read: what they hold is not judged";
    return new Page(
        meta(result),
        statuses.getFirst().count(),
        statuses,
        severities,
        result.suppressed(),
        baselined,
        incomplete,
        reason,
        unreadable,
        gauge(result.securityHubScore()),
        gauge(result.earlierSecurityHubScore()),
        PredictedScore.sentence(result),
        heatMap(findings),
        controlViews,
        firstRows,
        findings.size(),
        findingsJson(findings, List.copyOf(controls.values())));
  }

  private static Meta meta(ScanResult result) {
    List<String> inputs = result.inputs();
    int shown = Math.min(inputs.size(), 50);
    List<String> standards = result.standards().stream().map(Standard::title).sorted().toList();
    return new Meta(
        result.started().truncatedTo(ChronoUnit.SECONDS).toString(),
        SHOWN_TIME.format(result.started().atOffset(ZoneOffset.UTC)),
        GitLabSastReport.version(),
        result.configuration() == null ? null : Printable.escape(result.configuration()),
        result.live(),
        result.resources(),
        inputs.subList(0, shown).stream().map(Printable::escape).toList(),
        inputs.size(),
        inputs.size() - shown,
        String.join(", ", standards));
  }

  private static Gauge gauge(SecurityHubScore score) {
    return score == null
        ? null
        : new Gauge(score.percent(), score.min(), score.max(), score.brief());
  }

  private static HeatMap heatMap(List<Finding> findings) {
    Map<String, Map<String, Integer>> byResource = new LinkedHashMap<>();
    Map<String, String> ids = new HashMap<>();
    Map<String, ControlInfo> failing = new HashMap<>();
    for (Finding finding : findings) {
      if (failedUnsuppressed(finding)) {
        ids.putIfAbsent(resource(finding), Printable.escape(finding.resourceId()));
        byResource
            .computeIfAbsent(resource(finding), r -> new LinkedHashMap<>())
            .merge(finding.control().id(), 1, Integer::sum);
        failing.putIfAbsent(finding.control().id(), finding.control());
      }
    }
    Map<String, ControlInfo> controls = inReportOrder(failing);
    List<Map.Entry<String, Map<String, Integer>>> top =
        byResource.entrySet().stream()
            .sorted(
                Comparator.comparingInt(
                        (Map.Entry<String, Map<String, Integer>> e) -> -total(e.getValue()))
                    .thenComparing(Map.Entry::getKey))
            .limit(HEAT_MAP_RESOURCES)
            .toList();
    List<HeatRow> rows = new ArrayList<>();
    for (Map.Entry<String, Map<String, Integer>> resource : top) {
      List<Integer> counts = new ArrayList<>();
      List<String> css = new ArrayList<>();
      for (ControlInfo control : controls.values()) {
        int count = resource.getValue().getOrDefault(control.id(), 0);
        counts.add(count);
        css.add(count == 0 ? "heat-none" : "sev-" + css(control.severity().name()));
      }
      rows.add(new HeatRow(resource.getKey(), ids.get(resource.getKey()), counts, css));
    }
    return new HeatMap(List.copyOf(controls.keySet()), rows, byResource.size() - rows.size());
  }

  private static int total(Map<String, Integer> counts) {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** A resource as people name it: its id, and its account and Region for a live one. */
  private static String resource(Finding finding) {
    String account = finding.labels().get("account");
    String region = finding.labels().get("region");
    return Printable.escape(finding.resourceId())
        + (account == null && region == null
            ? ""
            : " ("
                + String.join(" ", account == null ? "" : account, region == null ? "" : region)
                    .strip()
                + ")");
  }

  private static Row row(Finding finding) {
    return new Row(
        finding.status().name(),
        "st-" + css(finding.status().name()),
        finding.control().id(),
        finding.control().severity().title(),
        "sev-" + css(finding.control().severity().name()),
        resource(finding),
        Printable.escape(finding.location().toString()),
        Printable.escape(finding.message()),
        badge(finding),
        finding.suppressed() ? reason(finding) : null);
  }

  /** "baseline" or "suppressed" for a finding an accepted exception covers, else null. */
  private static String badge(Finding finding) {
    return !finding.suppressed() ? null : baselined(finding) ? "baseline" : "suppressed";
  }

  private static String reason(Finding finding) {
    return Printable.escape(finding.suppression().reason())
        + " ("
        + Printable.escape(finding.suppression().source())
        + (finding.suppression().expires() == null
            ? ""
            : ", until " + finding.suppression().expires())
        + ")";
  }

  /** A baseline's suppression covers every control; one written by people names its control. */
  private static boolean baselined(Finding finding) {
    return finding.suppressed() && "*".equals(finding.suppression().control());
  }

  /**
   * The findings as arrays of numbers (the page's script knows the order): each text an index into
   * {@code strings} (resource ids, files and messages repeat), each control its index in {@code
   * controls}; written so that no string can end the script element holding it.
   */
  private static String findingsJson(List<Finding> findings, List<ControlInfo> controls)
      throws IOException {
    Map<String, Integer> controlIndex = new LinkedHashMap<>();
    controls.forEach(control -> controlIndex.put(control.id(), controlIndex.size()));
    Map<String, Integer> strings = new LinkedHashMap<>();
    java.util.function.ToIntFunction<String> string =
        value -> strings.computeIfAbsent(value, v -> strings.size());
    int[][] rows = new int[findings.size()][];
    for (int i = 0; i < rows.length; i++) {
      Finding finding = findings.get(i);
      rows[i] =
          new int[] {
            string.applyAsInt(finding.status().name()),
            controlIndex.get(finding.control().id()),
            string.applyAsInt(finding.resourceType().words()),
            string.applyAsInt(Printable.escape(finding.resourceId())),
            string.applyAsInt(Printable.escape(finding.labels().getOrDefault("account", ""))),
            string.applyAsInt(Printable.escape(finding.labels().getOrDefault("region", ""))),
            string.applyAsInt(Printable.escape(finding.location().file())),
            finding.location().line(),
            string.applyAsInt(Printable.escape(finding.message())),
            string.applyAsInt(finding.suppressed() ? badge(finding) : ""),
            string.applyAsInt(finding.suppressed() ? reason(finding) : ""),
            string.applyAsInt(Printable.escape(finding.labels().getOrDefault("cdkPath", "")))
          };
    }
    StringWriter text = new StringWriter(rows.length * 40 + strings.size() * 60 + 64);
    try (JsonGenerator json = SCRIPT_SAFE_JSON.createGenerator(text)) {
      json.writeStartObject();
      json.writeArrayFieldStart("controls"); // [id, severity, its rank (0 = Critical)]
      for (ControlInfo control : controls) {
        json.writeStartArray();
        json.writeString(control.id());
        json.writeString(control.severity().title());
        json.writeNumber(control.severity().ordinal());
        json.writeEndArray();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("strings");
      for (String value : strings.keySet()) {
        json.writeString(value);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("findings");
      for (int[] row : rows) {
        json.writeArray(row, 0, row.length);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    return text.toString();
  }

  /**
   * JSON whose strings spell {@code <}, {@code >} and {@code &} as Unicode escapes: in a script
   * element, no text can close it ({@code </script>}) or open a comment.
   */
  private static final JsonFactory SCRIPT_SAFE_JSON =
      new JsonFactory()
          .setCharacterEscapes(
              new CharacterEscapes() {
                private final int[] escapes = standardAsciiEscapesForJSON();

                {
                  escapes['<'] = ESCAPE_STANDARD;
                  escapes['>'] = ESCAPE_STANDARD;
                  escapes['&'] = ESCAPE_STANDARD;
                }

                @Override
                public int[] getEscapeCodesForAscii() {
                  return escapes;
                }

                @Override
                public SerializableString getEscapeSequence(int ch) {
                  return null;
                }
              });

  private static boolean failedUnsuppressed(Finding finding) {
    return finding.status() == Status.FAILED && !finding.suppressed();
  }

  private static String css(String name) {
    return name.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String words(String name) {
    return name.replace('_', ' ');
  }

  /** {@code controls} by id in report order: sorted once, not compared per finding. */
  private static Map<String, ControlInfo> inReportOrder(Map<String, ControlInfo> controls) {
    Map<String, ControlInfo> sorted = new TreeMap<>(Comparator.comparing(HtmlReport::controlOrder));
    sorted.putAll(controls);
    return sorted;
  }

  /** ECS.2 before ECS.10, ecsguard's own controls after AWS's. */
  static String controlOrder(String id) {
    String number = id.substring(id.indexOf('.') + 1);
    return Standard.of(id).ordinal()
        + String.format("%05d", number.matches("\\d+") ? Integer.parseInt(number) : 0)
        + id;
  }
}
