package dev.ecsguard.report;

import dev.ecsguard.control.Control;
import dev.ecsguard.control.ControlInfo;
import java.util.ArrayList;
import java.util.List;

/** The control catalogue as a table: on the terminal, and (as Markdown) in the README. */
public final class ControlTable {
  private static final List<String> HEADINGS =
      List.of("ID", "Title", "Severity", "Resource type", "AWS Config rule", "Status");

  private ControlTable() {}

  public static String text(List<Control<?>> controls) {
    List<List<String>> rows = rows(controls);
    int[] widths = new int[HEADINGS.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        out.append(
            i == row.size() - 1
                ? row.get(i)
                : String.format("%-" + (widths[i] + 2) + "s", row.get(i)));
      }
      out.append(System.lineSeparator());
    }
    return out.toString();
  }

  public static String markdown(List<Control<?>> controls) {
    List<List<String>> rows = rows(controls);
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      out.append("| ").append(String.join(" | ", rows.get(r))).append(" |\n");
      if (r == 0) {
        out.append("|").append("---|".repeat(HEADINGS.size())).append('\n');
      }
    }
    return out.toString();
  }

  private static List<List<String>> rows(List<Control<?>> controls) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADINGS);
    for (Control<?> control : controls) {
      ControlInfo info = control.info();
      rows.add(
          List.of(
              info.id(),
              info.title(),
              info.severity().title(),
              info.resourceType().awsName(),
              info.configRule().isEmpty() ? "-" : info.configRule(),
              status(info)));
    }
    return rows;
  }

  private static String status(ControlInfo info) {
    if (info.retired()) {
      return "retired by AWS (runs only when selected)";
    }
    return info.fromSecurityHub() ? "active" : "ecsguard's own";
  }
}
