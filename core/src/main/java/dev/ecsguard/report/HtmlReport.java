package dev.ecsguard.report;

import dev.ecsguard.control.Severity;
import dev.ecsguard.control.Standard;
import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanResult;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.TreeMap;

/**
 * One self-contained HTML page (no network fetches): the counts at a glance, the predicted Security
 * Hub score, bar charts of FAILED findings by severity and by control, and a table of every finding
 * that can be filtered by text and status and sorted by any column. The table is rendered in the
 * page itself, so it reads without scripts too; the small inline script only filters and sorts.
 */
public final class HtmlReport implements Report {
  private static final Map<Status, String> COLOURS =
      Map.of(
          Status.FAILED,
          "#c62828",
          Status.UNKNOWN,
          "#ef6c00",
          Status.PASSED,
          "#2e7d32",
          Status.NOT_APPLICABLE,
          "#757575");

  @Override
  public void render(ScanResult result, Writer out) throws IOException {
    StringBuilder page = new StringBuilder(64 * 1024);
    page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
        .append("<title>ecsguard report</title>\n<style>")
        .append(
            "body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222}h1{font-size:22px;margin:0 0 4px}")
        .append(
            ".cards{display:flex;gap:12px;margin:16px 0}.card{border-radius:8px;padding:12px 18px;color:#fff;min-width:110px}")
        .append(
            ".card b{display:block;font-size:28px}.charts{display:flex;gap:32px;flex-wrap:wrap;margin:8px 0 20px}")
        .append(
            "table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #ddd;vertical-align:top}")
        .append(
            "th{cursor:pointer;background:#f5f5f5;position:sticky;top:0}td.s{font-weight:600}.muted{color:#666}")
        .append(
            ".controls{margin:12px 0;display:flex;gap:8px}input,select{font:inherit;padding:4px 6px}")
        .append("</style></head><body>\n");
    page.append("<h1>ecsguard: ")
        .append(result.count(Status.FAILED))
        .append(" FAILED</h1>\n<div class=\"muted\">")
        .append(result.resources())
        .append(" resources in ")
        .append(result.files())
        .append(result.live() ? " account-regions" : " files")
        .append(result.suppressed() == 0 ? "" : ", " + result.suppressed() + " findings suppressed")
        .append(
            result.errors().isEmpty()
                ? ""
                : ", <b>" + result.errors().size() + " inputs could not be read</b>")
        .append("</div>\n");
    String score = PredictedScore.sentence(result);
    if (score != null) {
      page.append("<p id=\"score\"><b>")
          .append(PredictedScore.LABEL)
          .append(":</b> ")
          .append(html(score))
          .append("</p>\n");
    }
    page.append("<div class=\"cards\">");
    for (Status status :
        new Status[] {Status.FAILED, Status.UNKNOWN, Status.PASSED, Status.NOT_APPLICABLE}) {
      page.append("<div class=\"card\" style=\"background:")
          .append(COLOURS.get(status))
          .append("\"><b>")
          .append(result.count(status))
          .append("</b>")
          .append(status.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT))
          .append("</div>");
    }
    page.append("</div>\n<div class=\"charts\">");
    Map<String, Long> bySeverity = new java.util.LinkedHashMap<>();
    for (Severity severity : Severity.values()) {
      bySeverity.put(
          severity.title(),
          result.findings().stream()
              .filter(f -> failedUnsuppressed(f) && f.control().severity() == severity)
              .count());
    }
    page.append(chart("FAILED by severity", bySeverity));
    Map<String, Long> byControl =
        new TreeMap<>(java.util.Comparator.comparing(HtmlReport::controlOrder));
    result.findings().stream()
        .filter(HtmlReport::failedUnsuppressed)
        .forEach(f -> byControl.merge(f.control().id(), 1L, Long::sum));
    page.append(chart("FAILED by control", byControl));
    page.append(
            "</div>\n<div class=\"controls\"><input id=\"q\" type=\"search\" placeholder=\"Filter: control, resource, file, message\" size=\"40\">")
        .append("<select id=\"st\"><option value=\"\">every status</option>");
    for (Status status : Status.values()) {
      page.append("<option")
          .append(status == Status.FAILED ? " selected" : "")
          .append(">")
          .append(status.name())
          .append("</option>");
    }
    page.append("</select><span id=\"n\" class=\"muted\"></span></div>\n");
    page.append(
        "<table id=\"t\"><thead><tr><th>status</th><th>control</th><th>standard</th><th>severity</th><th>resource</th><th>where</th><th>finding</th></tr></thead><tbody>\n");
    for (Finding finding : result.findings()) {
      String status = finding.status().name() + (finding.suppressed() ? " (suppressed)" : "");
      page.append("<tr data-status=\"")
          .append(finding.status().name())
          .append("\"><td class=\"s\" style=\"color:")
          .append(COLOURS.get(finding.status()))
          .append("\">")
          .append(html(status))
          .append("</td><td>")
          .append(html(finding.control().id()))
          .append("</td><td>")
          .append(html(finding.control().standard().title()))
          .append("</td><td data-order=\"")
          .append(finding.control().severity().ordinal())
          .append("\">")
          .append(finding.control().severity().title())
          .append("</td><td>")
          .append(html(finding.resourceId()))
          .append("</td><td>")
          .append(html(finding.location().toString()))
          .append("</td><td>")
          .append(html(finding.message()))
          .append(
              finding.suppressed()
                  ? "<br><span class=\"muted\">Suppressed: "
                      + html(finding.suppression().reason())
                      + "</span>"
                  : "")
          .append("</td></tr>\n");
    }
    page.append("</tbody></table>\n<script>\n")
        .append(
            "const q=document.getElementById('q'),st=document.getElementById('st'),n=document.getElementById('n'),")
        .append("rows=[...document.querySelectorAll('#t tbody tr')];\n")
        .append(
            "function filter(){const text=q.value.toLowerCase();let shown=0;for(const r of rows){")
        .append(
            "const ok=(!st.value||r.dataset.status===st.value)&&(!text||r.textContent.toLowerCase().includes(text));")
        .append(
            "r.style.display=ok?'':'none';if(ok)shown++;}n.textContent=shown+' of '+rows.length+' findings';}\n")
        .append("q.addEventListener('input',filter);st.addEventListener('change',filter);\n")
        .append(
            "document.querySelectorAll('#t th').forEach((th,i)=>th.addEventListener('click',()=>{const up=th.dataset.dir!=='asc';")
        .append(
            "th.dataset.dir=up?'asc':'desc';const key=r=>{const c=r.cells[i];return c.dataset.order??c.textContent;};")
        .append(
            "rows.sort((a,b)=>(up?1:-1)*key(a).localeCompare(key(b),undefined,{numeric:true}));")
        .append(
            "const body=document.querySelector('#t tbody');rows.forEach(r=>body.appendChild(r));}));\nfilter();\n</script>\n")
        .append("</body></html>\n");
    out.write(page.toString());
  }

  private static boolean failedUnsuppressed(Finding finding) {
    return finding.status() == Status.FAILED && !finding.suppressed();
  }

  /** ECS.2 before ECS.10, ecsguard's own controls after AWS's. */
  static String controlOrder(String id) {
    String number = id.substring(id.indexOf('.') + 1);
    return Standard.of(id).ordinal()
        + String.format("%05d", number.matches("\\d+") ? Integer.parseInt(number) : 0)
        + id;
  }

  /** A horizontal bar chart as inline SVG. */
  private static String chart(String title, Map<String, Long> bars) {
    long max = Math.max(1, bars.values().stream().mapToLong(Long::longValue).max().orElse(1));
    int height = 24 * Math.max(1, bars.size()) + 30;
    StringBuilder svg =
        new StringBuilder("<figure style=\"margin:0\"><figcaption><b>")
            .append(html(title))
            .append("</b></figcaption>")
            .append("<svg width=\"360\" height=\"")
            .append(height)
            .append("\" role=\"img\" aria-label=\"")
            .append(html(title))
            .append("\">");
    int y = 10;
    for (Map.Entry<String, Long> bar : bars.entrySet()) {
      long width = Math.round(240.0 * bar.getValue() / max);
      svg.append("<text x=\"0\" y=\"")
          .append(y + 14)
          .append("\" font-size=\"12\">")
          .append(html(bar.getKey()))
          .append("</text>")
          .append("<rect x=\"70\" y=\"")
          .append(y)
          .append("\" width=\"")
          .append(width)
          .append("\" height=\"18\" fill=\"#c62828\"></rect>")
          .append("<text x=\"")
          .append(76 + width)
          .append("\" y=\"")
          .append(y + 14)
          .append("\" font-size=\"12\">")
          .append(bar.getValue())
          .append("</text>");
      y += 24;
    }
    if (bars.isEmpty()) {
      svg.append("<text x=\"0\" y=\"24\" font-size=\"12\">none</text>");
    }
    return svg.append("</svg></figure>").toString();
  }

  static String html(String text) {
    return Printable.escape(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
