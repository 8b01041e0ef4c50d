package dev.ecsguard.report;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The report formats: the one list that the CLI's {@code --format} (help, completion, validation),
 * its report writing and the tests iterate. A new format is its {@link Report} class, one line here
 * and its golden file.
 */
public enum ReportFormat {
  TEXT(
      "findings by resource, with the fix, for a terminal",
      List.of(".txt"),
      options -> new TextReport(options.colour(), options.verbose(), options.quiet())),
  JSON(
      "every finding, for scripts (a documented interface)",
      List.of(".json"),
      options -> new JsonReport()),
  SARIF(
      "SARIF 2.1.0, for GitHub code scanning and SARIF viewers",
      List.of(".sarif", ".sarif.json"),
      options -> new SarifReport(options.sarifRoot(), options.sarifLiveFile())),
  JUNIT(
      "JUnit XML, for Jenkins and GitLab",
      List.of(".junit.xml", ".xml"),
      options -> new JunitReport()),
  MARKDOWN(
      "counts and FAILED findings, for a pull-request comment",
      List.of(".md"),
      options -> new MarkdownReport()),
  CSV("one row per finding, for spreadsheets", List.of(".csv"), options -> new CsvReport()),
  ASFF(
      "AWS Security Finding Format, for AWS Security Hub",
      List.of(".asff.json"),
      options -> new AsffReport(options.account(), options.region(), options.now())),
  HTML(
      "one self-contained page with charts, for a browser",
      List.of(".html"),
      options -> new HtmlReport()),
  GITLAB_SAST(
      "GitLab SAST report 15.0.6, for merge requests",
      List.of(".gitlab-sast.json"),
      options -> new GitLabSastReport(options.now())),
  ; // on its own line, so that a new format is one added line

  /**
   * What a report may depend on: {@code colour}, {@code verbose} and {@code quiet} (text); {@code
   * account}, {@code region} and {@code now} (ASFF: where findings of offline files belong, and
   * when); {@code sarifRoot} and {@code sarifLiveFile} (SARIF: what URIs are relative to, null for
   * the files' repository; where live resources are listed, null for nowhere).
   */
  public record Options(
      boolean colour,
      boolean verbose,
      boolean quiet,
      String account,
      String region,
      Instant now,
      Path sarifRoot,
      Path sarifLiveFile) {}

  private final String description;
  private final List<String> extensions;
  private final Function<Options, Report> factory;

  ReportFormat(String description, List<String> extensions, Function<Options, Report> factory) {
    this.description = description;
    this.extensions = extensions;
    this.factory = factory;
  }

  /** The name users give to {@code --format}: text, json, sarif, gitlab-sast… */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** One line for help, short enough to fit 80 columns after the name. */
  public String description() {
    return description;
  }

  /**
   * The file extensions the format is known by, lower case with their dot, the usual one first; no
   * two formats share one (a longer one such as {@code .sarif.json} is the more specific).
   */
  public List<String> extensions() {
    return extensions;
  }

  public Report create(Options options) {
    return factory.apply(options);
  }

  /**
   * The format a file's name says, by its longest known extension in any case ({@code x.sarif.json}
   * is SARIF, {@code x.json} JSON); null when it says none.
   */
  public static ReportFormat forFile(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    ReportFormat best = null;
    int longest = 0;
    for (ReportFormat format : values()) {
      for (String extension : format.extensions) {
        if (name.endsWith(extension) && extension.length() > longest) {
          best = format;
          longest = extension.length();
        }
      }
    }
    return best;
  }

  /** Every format's {@link #label()}, in the order of this list. */
  public static List<String> labels() {
    return Arrays.stream(values()).map(ReportFormat::label).toList();
  }

  /** The format of that label, in any case; null when there is none. */
  public static ReportFormat named(String label) {
    String name = label.toUpperCase(Locale.ROOT).replace('-', '_');
    return Arrays.stream(values())
        .filter(format -> format.name().equals(name))
        .findFirst()
        .orElse(null);
  }
}
