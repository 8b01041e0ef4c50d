package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsguard.report.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report opened in a real browser: headless Chromium, driven through the DevTools
 * protocol, runs the page's script, and the tests filter, group, sort and open fixes as a person
 * would, then take screenshots (light, dark, print) into target/ for a person to look at.
 */
class HtmlReportTest {
  private static final Path SCREENSHOTS = Path.of("target");
  private static final String SECRET = "PLANTEDsecretVALUE0123456789abcdefXYZ";
  private static final String ROWS = "#t tbody tr:not(.group):not(.detail)";

  @TempDir static Path profile;
  @TempDir Path dir;

  private static HeadlessChromium chromium;

  @BeforeAll
  static void startChromium() throws Exception {
    chromium = HeadlessChromium.start(profile.resolve("chromium"));
  }

  @AfterAll
  static void stopChromium() throws Exception {
    chromium.close();
  }

  @AfterEach
  void thePageReportedNoError() {
    assertThat(chromium.errors()).as("exceptions and console errors of the page").isEmpty();
  }

  private Path report(String name, String... scan) {
    Path html = dir.resolve(name);
    List<String> arguments = new ArrayList<>(List.of("scan", "--format", "html=" + html));
    arguments.addAll(List.of(scan));
    Run.of(arguments.toArray(String[]::new));
    assertThat(html).exists();
    return html;
  }

  private static JsonNode js(String expression) throws Exception {
    return chromium.evaluate(expression);
  }

  /** Sets a filter's value as a person would and lets the page react. */
  private static void set(String id, String value) throws Exception {
    js(
        "(() => { const e = document.getElementById('"
            + id
            + "'); e.value = '"
            + value
            + "'; e.dispatchEvent(new Event(e.tagName === 'INPUT' ? 'input' : 'change')); })()");
  }

  private static List<String> column(int index) throws Exception {
    List<String> cells = new ArrayList<>();
    js("[...document.querySelectorAll('"
            + ROWS
            + "')].map(r => r.cells["
            + index
            + "].textContent)")
        .forEach(cell -> cells.add(cell.asText()));
    return cells;
  }

  @Test
  void theReportOfTheExamplesFiltersGroupsSortsAndShowsEachFix() throws Exception {
    Path html = report("report.html", "../examples");
    String page = Files.readString(html);
    assertThat(page)
        .as("nothing fetched from the network")
        .doesNotContainPattern("src\\s*=\\s*[\"']?https?:")
        .doesNotContain("<link")
        .contains("Content-Security-Policy")
        .contains("<svg");

    chromium.open(html);
    assertThat(js("document.documentElement.dataset.ready").asText())
        .as("the script ran")
        .isEqualTo("true");
    assertThat(js("document.getElementById('n').textContent").asText())
        .as("FAILED findings at first")
        .matches("34 of \\d+ findings");
    assertThat(js("document.getElementById('headline').textContent").asText())
        .isEqualTo("ecsguard: 34 FAILED");
    assertThat(js("document.querySelector('#score svg') !== null").asBoolean()).isTrue();
    assertThat(js("document.querySelectorAll('#heatmap rect').length").asInt()).isPositive();
    assertThat(js("document.getElementById('version').textContent").asText()).isNotBlank();
    assertThat(js("document.getElementById('inputs').textContent").asText())
        .contains("examples/services.json");
    screenshots("html-report");

    set("q", "privileged");
    List<String> messages = column(5);
    assertThat(messages).isNotEmpty().allMatch(message -> message.contains("privileged"));
    set("q", "");

    set("f-severity", "High");
    List<String> severities = column(2);
    assertThat(severities).hasSize(13).containsOnly("High");
    set("f-severity", "");

    set("group", "resource");
    List<String> groups = new ArrayList<>();
    js("[...document.querySelectorAll('#t tr.group')].map(r => r.textContent)")
        .forEach(group -> groups.add(group.asText()));
    assertThat(groups)
        .as("one heading per resource, with its count")
        .hasSizeGreaterThan(5)
        .doesNotHaveDuplicates()
        .allMatch(group -> group.matches(".+ \\(\\d+\\)"));
    set("group", "");

    js("document.querySelector('th[data-key=where]').click()");
    List<String> ascending = column(4);
    assertThat(ascending).isSortedAccordingTo(HtmlReportTest::byFileThenLine);
    js("document.querySelector('th[data-key=where]').click()");
    assertThat(column(4)).isSortedAccordingTo((a, b) -> byFileThenLine(b, a));

    String resource =
        js("document.querySelector('#heatmap g.heat-resource').dataset.resource").asText();
    js(
        "document.querySelector('#heatmap g.heat-resource rect').dispatchEvent(new MouseEvent('click', {bubbles: true}))");
    assertThat(column(3))
        .as("the heat map's first resource's findings")
        .isNotEmpty()
        .allMatch(cell -> cell.startsWith(resource));
    set("q", "");

    js("document.querySelector('button.fix-toggle').click()");
    String detail = js("document.querySelector('#t tr.detail').textContent").asText();
    assertThat(detail).contains("Fix:").contains("ecsguard explain");
    assertThat(js("document.querySelector('#t tr.detail .lesson').textContent.length").asInt())
        .as("the control's lesson, as ecsguard explain shows it")
        .isGreaterThan(200);
  }

  private static int byFileThenLine(String a, String b) {
    String fileA = a.replaceFirst(":\\d+$", "");
    String fileB = b.replaceFirst(":\\d+$", "");
    return fileA.equals(fileB) ? Integer.compare(line(a), line(b)) : fileA.compareTo(fileB);
  }

  private static int line(String where) {
    return where.matches(".*:\\d+$") ? Integer.parseInt(where.replaceFirst(".*:", "")) : 0;
  }

  /** Light, dark and print renderings of the page open now, as PNG files in target/. */
  private static void screenshots(String name) throws Exception {
    for (String[] media : new String[][] {{"", "light"}, {"", "dark"}, {"print", "light"}}) {
      chromium.emulate(media[0], media[1]);
      Path file =
          SCREENSHOTS.resolve(name + "-" + (media[0].isEmpty() ? media[1] : media[0]) + ".png");
      chromium.screenshot(file, 1280);
      assertThat(Files.size(file))
          .as("a real rendering of %s, not a blank page", file)
          .isGreaterThan(20_000);
    }
    chromium.emulate("", "light");
    assertThat(js("getComputedStyle(document.body).backgroundColor").asText())
        .isEqualTo("rgb(255, 255, 255)");
  }

  @Test
  void anIncompleteScanSaysSoAndNamesItsUnreadableInputsWithoutTheirSecrets() throws Exception {
    Files.writeString(
        dir.resolve("task.json"),
        "{\"family\":\"web\",\"containerDefinitions\":[{\"name\":\"app\",\"privileged\":true,"
            + "\"environment\":[{\"name\":\"AWS_SECRET_ACCESS_KEY\",\"value\":\""
            + SECRET
            + "\"}]}]}");
    Files.writeString(
        dir.resolve("broken.json"),
        "{\"containerDefinitions\":[{\"environment\":[{\"name\":\"AWS_SECRET_ACCESS_KEY\",\n\"value\":"
            + SECRET
            + "}]}]}");
    Path html = report("incomplete.html", dir.toString());
    assertThat(Files.readString(html)).doesNotContain(SECRET);

    chromium.open(html);
    assertThat(js("document.getElementById('incomplete').textContent").asText())
        .startsWith("INCOMPLETE")
        .contains("1 input could not be read");
    String unreadable = js("document.getElementById('unreadable').textContent").asText();
    assertThat(unreadable).containsPattern("broken\\.json:2: ");
    assertThat(js("document.body.innerText").asText()).doesNotContain(SECRET);
    set("f-status", "");
    assertThat(js("document.body.innerText").asText()).doesNotContain(SECRET);
    screenshots("html-report-incomplete");
  }

  @Test
  void suppressedAndBaselineFindingsAreMarkedAndLeftOutOfTheHeadline() throws Exception {
    Path baseline = dir.resolve("baseline.json");
    Run.of("scan", "--create-baseline", baseline.toString(), "../examples");
    Path html = report("baselined.html", "--baseline", baseline.toString(), "../examples");

    chromium.open(html);
    assertThat(js("document.getElementById('headline').textContent").asText())
        .isEqualTo("ecsguard: no FAILED findings");
    assertThat(js("document.getElementById('suppressed-note').textContent").asText())
        .contains("34 suppressed findings (34 by the baseline), not counted above");
    assertThat(js("document.querySelector('.card.st-failed b').textContent").asText())
        .isEqualTo("0");
    assertThat(column(0)).hasSize(34).allMatch(status -> status.equals("FAILED baseline"));
    assertThat(js("document.querySelector('.badge').title").asText())
        .contains("already there when the baseline was made");
    assertThat(js("document.querySelectorAll('#score svg').length").asInt())
        .as("the score of the baseline and now")
        .isEqualTo(2);
    js("document.getElementById('f-suppressed').click()");
    assertThat(column(0)).isEmpty();
  }

  @Test
  void textFromTheInputCannotInjectMarkup() throws Exception {
    Path task =
        Files.writeString(
            dir.resolve("task.json"),
            "{\"family\":\"</script><script>alert(1)</script>\",\"containerDefinitions\":[{\"name\":\"<img src=x onerror=alert(2)>\",\"privileged\":true}]}");
    Run run = Run.of("scan", "--controls", "ECS.4", "--format", "html", task.toString());
    assertThat(run.out())
        .doesNotContain("<script>alert")
        .doesNotContain("<img src=x")
        .contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;")
        .containsIgnoringCase("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)");
    Path html = Files.writeString(dir.resolve("injected.html"), run.out());
    chromium.open(html);
    assertThat(js("document.querySelectorAll('script').length").asInt())
        .as("the page's own two script elements only")
        .isEqualTo(2);
    assertThat(js("document.querySelectorAll('img').length").asInt()).isZero();
    assertThat(column(3))
        .singleElement()
        .asString()
        .startsWith("</script><script>alert(1)</script>");
  }
}
