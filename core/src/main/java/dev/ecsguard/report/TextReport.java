package dev.ecsguard.report;

import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.Note;
import dev.ecsguard.engine.ScanResult;
import java.io.IOException;
import java.io.Writer;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The readable report: FAILED and UNKNOWN findings (every finding with {@code verbose}) grouped
 * under their resource, each with where it is, what is wrong, and the fix; then notes, a summary
 * and the predicted Security Hub score. Colour only when asked, i.e. on a terminal.
 */
public final class TextReport implements Report {
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String INDENT = " ".repeat(17);
  private static final Map<Status, String> COLOURS = new EnumMap<>(Status.class);

  static {
    COLOURS.put(Status.FAILED, "\u001b[1;31m");
    COLOURS.put(Status.UNKNOWN, "\u001b[1;33m");
    COLOURS.put(Status.PASSED, "\u001b[32m");
    COLOURS.put(Status.NOT_APPLICABLE, "\u001b[2m");
  }

  private final boolean colour;
  private final boolean verbose;
  private final boolean quiet;

  /**
   * {@code verbose}: every finding; {@code quiet}: the FAILED and UNKNOWN findings only, without
   * notes, summary or score.
   */
  public TextReport(boolean colour, boolean verbose, boolean quiet) {
    this.colour = colour;
    this.verbose = verbose;
    this.quiet = quiet;
  }

  /**
   * More notes than this of one kind (the same words, say "not ECS JSON; skipped") are one line,
   * unless verbose: a node_modules would otherwise bury the findings under thousands.
   */
  static final int NOTES_LISTED_PER_KIND = 3;

  @Override
  public void render(ScanResult result, Writer out) throws IOException {
    String nl = System.lineSeparator();
    String resource = null;
    for (Finding finding : result.findings()) {
      if (!verbose
          && (finding.status() == Status.PASSED || finding.status() == Status.NOT_APPLICABLE)) {
        continue;
      }
      String header =
          finding.resourceType().words()
              + " "
              + Printable.escape(finding.resourceId())
              + labels(finding);
      if (!Objects.equals(header, resource)) {
        out.write((colour ? BOLD + header + RESET : header) + nl);
        resource = header;
      }
      String status =
          finding.suppressed()
              ? finding.status().name().toLowerCase(java.util.Locale.ROOT) + " (s)"
              : finding.status().name();
      out.write(
          "  "
              + (finding.suppressed()
                  ? String.format("%-15s", status)
                  : paint(finding.status(), String.format("%-15s", status))));
      out.write(
          String.format(
              "%-8s%-7s %s%s", // at least one space after Critical
              finding.control().id(),
              finding.control().severity().title(),
              Printable.escape(finding.location().toString()),
              nl));
      if (finding.offenders().size() > 1) {
        for (Finding.Element offender : finding.offenders()) {
          out.write(
              INDENT
                  + "- "
                  + Printable.escape(offender.sentence())
                  + "  "
                  + Printable.escape(offender.location().toString())
                  + nl);
        }
      } else {
        out.write(INDENT + Printable.escape(finding.message()) + nl);
      }
      if (finding.suppressed()) {
        out.write(
            INDENT
                + "Suppressed: "
                + Printable.escape(finding.suppression().reason())
                + " ("
                + Printable.escape(finding.suppression().source())
                + (finding.suppression().expires() == null
                    ? ""
                    : ", until " + finding.suppression().expires())
                + ")"
                + nl);
      } else if (finding.status() == Status.FAILED) {
        out.write(
            INDENT
                + "Fix: "
                + finding.control().remediation()
                + " (ecsguard explain "
                + finding.control().id()
                + ")"
                + nl);
      }
    }
    if (quiet) {
      return;
    }
    writeNotes(result.notes(), out, nl);
    if (result.configuration() != null) {
      out.write("configuration: " + Printable.escape(result.configuration()) + nl);
    }
    out.write(
        String.format(
            "%d %s, %d %s: %s, %s, %s, %s%s%s%s",
            result.files(),
            plural(result.files(), result.live() ? "account-region" : "file"),
            result.resources(),
            plural(result.resources(), "resource"),
            paint(Status.FAILED, result.count(Status.FAILED) + " failed"),
            paint(Status.UNKNOWN, result.count(Status.UNKNOWN) + " unknown"),
            paint(Status.PASSED, result.count(Status.PASSED) + " passed"),
            paint(Status.NOT_APPLICABLE, result.count(Status.NOT_APPLICABLE) + " not applicable"),
            (result.suppressed() == 0 ? "" : "; " + result.suppressed() + " suppressed")
                + (result.notes().isEmpty()
                    ? ""
                    : "; " + result.notes().size() + " " + plural(result.notes().size(), "note")),
            result.errors().isEmpty()
                ? ""
                : result.live()
                    ? "; "
                        + result.errors().size()
                        + " "
                        + plural(result.errors().size(), "read")
                        + " failed: the scan is INCOMPLETE"
                    : "; "
                        + result.errors().size()
                        + " unreadable "
                        + plural(result.errors().size(), "input"),
            nl));
    String score = PredictedScore.sentence(result);
    if (score != null) {
      out.write(PredictedScore.LABEL + ": " + score + nl);
    }
  }

  private String paint(Status status, String text) {
    return colour ? COLOURS.get(status) + text + RESET : text;
  }

  private void writeNotes(List<Note> notes, Writer out, String nl) throws IOException {
    Map<String, Long> perKind =
        notes.stream().collect(Collectors.groupingBy(Note::message, Collectors.counting()));
    Set<String> summarised = new HashSet<>();
    for (Note note : notes) {
      long ofItsKind = perKind.get(note.message());
      if (verbose || ofItsKind <= NOTES_LISTED_PER_KIND) {
        out.write("note: " + Printable.escape(note.location() + ": " + note.message()) + nl);
      } else if (summarised.add(note.message())) {
        out.write(
            String.format(
                "note: %,d inputs: %s (-v lists them)%s",
                ofItsKind, Printable.escape(note.message()), nl));
      }
    }
  }

  static String plural(int count, String word) {
    return count == 1 ? word : word + "s";
  }

  /** Labels after the id: {@code (cdkPath: Stack/Api/TaskDef/Resource)}. */
  private static String labels(Finding finding) {
    if (finding.labels().isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(" (");
    new java.util.TreeMap<>(finding.labels())
        .forEach(
            (name, value) ->
                out.append(out.length() > 2 ? ", " : "")
                    .append(name)
                    .append(": ")
                    .append(Printable.escape(value)));
    return out.append(')').toString();
  }
}
