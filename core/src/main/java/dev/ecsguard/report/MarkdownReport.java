package dev.ecsguard.report;

import dev.ecsguard.control.ControlInfo;
import dev.ecsguard.control.Severity;
import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanResult;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * A compact summary for a pull-request comment: the counts, the predicted Security Hub score
 * (before → after with a baseline), FAILED findings by severity, then the FAILED and UNKNOWN
 * findings with their standard and fix in a table (the first {@value #MAX_ROWS}), folded away, each
 * control linked to AWS's page of it.
 */
public final class MarkdownReport implements Report {
  private static final int MAX_ROWS = 100;

  @Override
  public void render(ScanResult result, Writer out) throws IOException {
    String nl = "\n";
    List<Finding> shown =
        result.findings().stream()
            .filter(
                f ->
                    !f.suppressed()
                        && (f.status() == Status.FAILED || f.status() == Status.UNKNOWN))
            .toList();
    long failed = shown.stream().filter(f -> f.status() == Status.FAILED).count();
    out.write(
        "### ecsguard: "
            + (failed == 0 ? "no FAILED findings" : failed + " FAILED")
            + ", "
            + shown.stream().filter(f -> f.status() == Status.UNKNOWN).count()
            + " unknown, "
            + result.count(Status.PASSED)
            + " passed"
            + (result.suppressed() == 0 ? "" : ", " + result.suppressed() + " suppressed")
            + nl
            + nl);
    out.write(
        result.resources()
            + " resources in "
            + result.files()
            + (result.live() ? " account-regions" : " files")
            + (result.errors().isEmpty()
                ? ""
                : "; **" + result.errors().size() + " could not be read**")
            + "."
            + nl
            + nl);
    String score = PredictedScore.sentence(result);
    if (score != null) {
      out.write("**" + PredictedScore.LABEL + ":** " + cell(score) + nl + nl);
    }
    out.write("| severity | FAILED |" + nl + "|---|---|" + nl);
    for (Severity severity : Severity.values()) {
      long count =
          shown.stream()
              .filter(f -> f.status() == Status.FAILED && f.control().severity() == severity)
              .count();
      out.write("| " + severity.title() + " | " + count + " |" + nl);
    }
    List<Finding> suppressed = result.findings().stream().filter(Finding::suppressed).toList();
    shown = new java.util.ArrayList<>(shown);
    shown.addAll(suppressed); // they stay in the report, marked, after the ones that count
    if (shown.isEmpty()) {
      return;
    }
    out.write(
        nl
            + "<details><summary>FAILED and UNKNOWN findings ("
            + shown.size()
            + (suppressed.isEmpty() ? "" : ", " + suppressed.size() + " of them suppressed")
            + ")</summary>"
            + nl
            + nl);
    out.write(
        "| status | control | standard | severity | resource | where | finding | fix |"
            + nl
            + "|---|---|---|---|---|---|---|---|"
            + nl);
    for (Finding finding : shown.subList(0, Math.min(MAX_ROWS, shown.size()))) {
      out.write(
          "| "
              + finding.status()
              + (finding.suppressed()
                  ? " (suppressed: " + cell(finding.suppression().reason()) + ")"
                  : "")
              + " | "
              + control(finding.control())
              + " | "
              + finding.control().standard().title()
              + " | "
              + finding.control().severity().title()
              + " | "
              + code(finding.resourceId())
              + " | "
              + code(finding.location().toString())
              + " | "
              + cell(finding.message())
              + " | "
              + fix(finding.control())
              + " |"
              + nl);
    }
    if (shown.size() > MAX_ROWS) {
      out.write(nl + "… and " + (shown.size() - MAX_ROWS) + " more: see the full report." + nl);
    }
    out.write(nl + "</details>" + nl);
  }

  /** The control's id, linked to AWS's page of it where there is one. */
  private static String control(ControlInfo control) {
    return control.documentationUrl() == null
        ? control.id()
        : "[" + control.id() + "](" + control.documentationUrl() + ")";
  }

  /** The fix; for ecsguard's own controls, which have no page, where their lesson is. */
  private static String fix(ControlInfo control) {
    return cell(control.remediation())
        + (control.documentationUrl() == null ? " (`ecsguard explain " + control.id() + "`)" : "");
  }

  /**
   * Table cells keep to one line and cannot close the table, inject HTML, show an image or link,
   * mention anyone, nor reorder text: control and bidirectional characters are shown escaped.
   */
  static String cell(String text) {
    String printable = Printable.escape(text);
    StringBuilder out = new StringBuilder(printable.length() + 8);
    for (int i = 0; i < printable.length(); i++) {
      char c = printable.charAt(i);
      switch (c) {
        case '\\', '|', '`', '[', ']' ->
            out.append('\\').append(c); // emphasis (*, _) is harmless, and left readable
        case '<' -> out.append("&lt;");
        case '&' -> out.append("&amp;"); // an entity could spell a bidi override
        case '@' -> out.append("@\u200b"); // a zero-width space: GitHub would notify @user
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A code span shows its text as it is, so only what would end it or the table is replaced. */
  private static String code(String text) {
    return "`" + Printable.escape(text).replace("`", "'").replace("|", "\\|") + "`";
  }
}
