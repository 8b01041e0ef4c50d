package dev.ecsguard.report;

import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.tree.InputException;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * JUnit XML as Jenkins and GitLab show test results: a test suite per control, a test case per
 * resource, a failure per FAILED finding; UNKNOWN and NOT_APPLICABLE findings are skipped cases,
 * with the reason.
 */
public final class JunitReport implements Report {

  @Override
  public void render(ScanResult result, Writer out) throws IOException {
    String nl = System.lineSeparator();
    Map<String, List<Finding>> byControl =
        result.findings().stream()
            .collect(
                Collectors.groupingBy(
                    finding -> finding.control().id(),
                    () -> new TreeMap<>(java.util.Comparator.comparing(HtmlReport::controlOrder)),
                    Collectors.toList()));
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + nl);
    long allFailures =
        result.findings().stream()
            .filter(f -> f.status() == Status.FAILED && !f.suppressed())
            .count();
    out.write(
        "<testsuites name=\"ecsguard\" tests=\""
            + result.findings().size()
            + "\" failures=\""
            + allFailures
            + "\" skipped=\""
            + (result.findings().size() - allFailures - result.count(Status.PASSED))
            + "\" errors=\""
            + result.errors().size()
            + "\">"
            + nl);
    for (Map.Entry<String, List<Finding>> control : byControl.entrySet()) {
      List<Finding> findings = control.getValue();
      Finding first = findings.get(0);
      long failures =
          findings.stream().filter(f -> f.status() == Status.FAILED && !f.suppressed()).count();
      long skipped =
          findings.stream()
              .filter(
                  f ->
                      f.suppressed()
                          || f.status() == Status.UNKNOWN
                          || f.status() == Status.NOT_APPLICABLE)
              .count();
      out.write(
          "  <testsuite name=\""
              + xml(control.getKey() + " " + first.control().title())
              + "\" tests=\""
              + findings.size()
              + "\" failures=\""
              + failures
              + "\" skipped=\""
              + skipped
              + "\" errors=\"0\">"
              + nl);
      // the standard the control belongs to, as a suite property that CI systems show
      out.write(
          "    <properties><property name=\"standard\" value=\""
              + xml(first.control().standard().title())
              + "\"/></properties>"
              + nl);
      for (Finding finding : findings) {
        out.write(
            "    <testcase classname=\""
                + xml(className(control.getKey()))
                + "\" name=\""
                + xml(finding.resourceId())
                + "\" file=\""
                + xml(finding.location().file())
                + "\""
                + (finding.location().line() > 0
                    ? " line=\"" + finding.location().line() + "\""
                    : ""));
        if (finding.suppressed()) {
          out.write(">" + nl);
          out.write(
              "      <skipped message=\""
                  + xml(
                      "SUPPRESSED "
                          + finding.status()
                          + ": "
                          + finding.suppression().reason()
                          + " ("
                          + finding.suppression().source()
                          + ")")
                  + "\"/>"
                  + nl);
          out.write("    </testcase>" + nl);
          continue;
        }
        switch (finding.status()) {
          case FAILED -> {
            out.write(">" + nl);
            out.write(
                "      <failure type=\""
                    + xml(finding.control().severity().name())
                    + "\" message=\""
                    + xml(finding.message())
                    + "\">"
                    + xml(
                        finding.location()
                            + ": "
                            + finding.message()
                            + nl
                            + "Fix: "
                            + finding.control().remediation())
                    + "</failure>"
                    + nl);
            out.write("    </testcase>" + nl);
          }
          case UNKNOWN, NOT_APPLICABLE -> {
            out.write(">" + nl);
            out.write(
                "      <skipped message=\""
                    + xml(finding.status().name() + ": " + finding.message())
                    + "\"/>"
                    + nl);
            out.write("    </testcase>" + nl);
          }
          case PASSED -> out.write("/>" + nl);
        }
      }
      out.write("  </testsuite>" + nl);
    }
    if (!result.errors().isEmpty()) {
      // An input that could not be read is a test that could not run: an error, not a pass.
      out.write(
          "  <testsuite name=\"ecsguard inputs\" tests=\""
              + result.errors().size()
              + "\" failures=\"0\" skipped=\"0\" errors=\""
              + result.errors().size()
              + "\">"
              + nl);
      for (InputException error : result.errors()) {
        out.write(
            "    <testcase classname=\"ecsguard.inputs\" name=\""
                + xml(error.file())
                + "\" file=\""
                + xml(error.file())
                + "\"><error type=\"unreadable\" message=\""
                + xml(error.problem())
                + "\"/></testcase>"
                + nl);
      }
      out.write("  </testsuite>" + nl);
    }
    out.write("</testsuites>" + nl);
  }

  /**
   * {@code ecsguard.ECS_2}: Jenkins and GitLab split a class name at its last dot into package and
   * class, so a control id's own dot would show ECS.2 as package "ECS", class "2".
   */
  static String className(String controlId) {
    return "ecsguard." + controlId.replace('.', '_');
  }

  /** Text as XML attribute or element content; characters XML 1.0 cannot hold are dropped. */
  static String xml(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                  if (c == 0x9
                      || c == 0xA
                      || c == 0xD
                      || (c >= 0x20 && c <= 0xD7FF)
                      || (c >= 0xE000 && c <= 0xFFFD)
                      || c >= 0x10000) {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.toString();
  }
}
