package dev.ecsguard.report;

import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanResult;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

/**
 * One row per finding (RFC 4180), for spreadsheets and ad-hoc queries: with the fix, AWS's page of
 * the control (none for ecsguard's own), and the account, Region and CDK construct path where the
 * finding has them. Every cell passes through {@link #cell}.
 */
public final class CsvReport implements Report {
  private static final List<String> HEADER =
      List.of(
          "controlId",
          "severity",
          "status",
          "suppressed",
          "resourceType",
          "resourceId",
          "file",
          "line",
          "column",
          "message",
          // new columns go last, so that the columns scripts already read keep their places
          "standard",
          "remediation",
          "documentation",
          "account",
          "region",
          "cdkPath");

  @Override
  public void render(ScanResult result, Writer out) throws IOException {
    row(out, HEADER);
    for (Finding finding : result.findings()) {
      row(
          out,
          List.of(
              finding.control().id(),
              finding.control().severity().name(),
              finding.status().name(),
              finding.suppressed() ? "yes: " + finding.suppression().reason() : "",
              finding.resourceType().awsName(),
              finding.resourceId(),
              finding.location().file(),
              finding.location().line() > 0 ? Integer.toString(finding.location().line()) : "",
              finding.location().line() > 0 ? Integer.toString(finding.location().column()) : "",
              finding.message(),
              finding.control().standard().label(),
              finding.control().remediation(),
              Objects.requireNonNullElse(finding.control().documentationUrl(), ""),
              finding.labels().getOrDefault("account", ""),
              finding.labels().getOrDefault("region", ""),
              finding.labels().getOrDefault("cdkPath", "")));
    }
  }

  private static void row(Writer out, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(cell(cells.get(i)));
    }
    out.write("\r\n");
  }

  /**
   * Quoted when it must be; a leading =, +, -, @, tab or carriage return is escaped so spreadsheets
   * never run it as a formula (OWASP's list: some spreadsheets skip a leading tab or CR before
   * reading a formula).
   */
  static String cell(String text) {
    String value = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    boolean quote =
        value.indexOf(',') >= 0
            || value.indexOf('"') >= 0
            || value.indexOf('\n') >= 0
            || value.indexOf('\r') >= 0
            || !value.equals(text);
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}
