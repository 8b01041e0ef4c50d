package dev.ecsguard.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ecsguard.control.Control;
import dev.ecsguard.control.ControlInfo;
import dev.ecsguard.control.Standard;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The control catalogue as a table: on the terminal, and (as Markdown) in the README. */
public final class ControlTable {
  private static final List<String> HEADINGS =
      List.of("ID", "Title", "Severity", "Resource type", "AWS Config rule", "Status");

  private ControlTable() {}

  /**
   * The table under a heading per standard (AWS Security Hub's, then ecsguard's own), its columns
   * aligned across them.
   */
  public static String text(List<Control<?>> controls) {
    List<List<String>> rows = rows(controls);
    int[] widths = new int[HEADINGS.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    String nl = System.lineSeparator();
    StringBuilder out = new StringBuilder();
    for (Standard standard : Standard.values()) {
      List<List<String>> own =
          rows.subList(1, rows.size()).stream()
              .filter(row -> Standard.of(row.get(0)) == standard)
              .toList();
      if (own.isEmpty()) {
        continue;
      }
      out.append(out.isEmpty() ? "" : nl)
          .append(standard.title())
          .append(" controls (--standard ")
          .append(standard.label())
          .append(')')
          .append(nl);
      out.append(line(HEADINGS, widths)).append(nl);
      own.forEach(row -> out.append(line(row, widths)).append(nl));
    }
    return out.toString();
  }

  private static String line(List<String> row, int[] widths) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < row.size(); i++) {
      out.append(
          i == row.size() - 1
              ? row.get(i)
              : String.format("%-" + (widths[i] + 2) + "s", row.get(i)));
    }
    return out.toString();
  }

  /** Every control as a JSON object, its standard a field: {@code {"controls": [...]}}. */
  public static String json(List<Control<?>> controls) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JsonReport.prettyGenerator(out)) {
      json.writeStartObject();
      json.writeArrayFieldStart("controls");
      for (Control<?> control : controls) {
        ControlInfo info = control.info();
        json.writeStartObject();
        json.writeStringField("id", info.id());
        json.writeStringField("standard", info.standard().label());
        json.writeStringField("title", info.title());
        json.writeStringField("severity", info.severity().name());
        json.writeStringField("resourceType", info.resourceType().awsName());
        json.writeStringField("configRule", info.configRule().isEmpty() ? null : info.configRule());
        json.writeBooleanField("retired", info.retired());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("a StringWriter does not fail", e);
    }
    return out + System.lineSeparator();
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
