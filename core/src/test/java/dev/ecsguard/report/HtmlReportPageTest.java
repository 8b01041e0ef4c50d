package dev.ecsguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.catalog.Catalogue;
import dev.ecsguard.control.ControlInfo;
import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.Location;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the HTML report gathers for its template; the page itself is tested in Chromium (cli). */
class HtmlReportPageTest {
  private static final ControlInfo PRIVILEGED =
      Catalogue.CONTROLS.stream()
          .map(control -> control.info())
          .filter(info -> info.id().equals("ECS.4"))
          .findFirst()
          .orElseThrow();

  private static Finding failed(String resource, Map<String, String> labels) {
    return new Finding(
        PRIVILEGED,
        Status.FAILED,
        PRIVILEGED.resourceType(),
        resource,
        labels,
        new Location("task.json", "", 1, 1),
        "Container \"app\" runs privileged (privileged is true).",
        List.of());
  }

  @Test
  void aLiveScanThatCouldNotReadEverythingIsIncomplete() throws Exception {
    ScanResult result = new ScanResult();
    result.apiCalls(Map.of("ListClusters", 1L));
    result.error(new InputException("123456789012/eu-west-1", "ecs:ListServices: AccessDenied"));
    result.finding(
        failed(
            "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:3",
            Map.of("account", "123456789012", "region", "eu-west-1")));
    HtmlReport.Page page = HtmlReport.page(result);
    assertThat(page.incomplete()).isTrue();
    assertThat(page.incompleteReason()).startsWith("1 read failed");
    assertThat(page.unreadable())
        .containsExactly(
            new HtmlReport.Unreadable(
                "123456789012/eu-west-1", 0, "ecs:ListServices: AccessDenied"));
    assertThat(page.firstRows().getFirst().resource())
        .isEqualTo(
            "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:3 (123456789012 eu-west-1)");
  }

  @Test
  void theHeatMapShowsTheResourcesWithTheMostFailuresAndSaysHowManyAreLeftOut() throws Exception {
    ScanResult result = new ScanResult();
    for (int i = 0; i < HtmlReport.HEAT_MAP_RESOURCES + 10; i++) {
      result.finding(failed(String.format("task-%02d", i), Map.of()));
    }
    result.finding(failed("task-39", Map.of()));
    HtmlReport.HeatMap map = HtmlReport.page(result).heatMap();
    assertThat(map.rows()).hasSize(HtmlReport.HEAT_MAP_RESOURCES);
    assertThat(map.rows().getFirst().resource()).as("the most failures first").isEqualTo("task-39");
    assertThat(map.moreResources()).isEqualTo(10);
    assertThat(map.controls()).containsExactly("ECS.4");
  }

  @Test
  void eachControlsLessonIsRenderedOnceWhateverItsFindings() throws Exception {
    ScanResult result = new ScanResult();
    for (int i = 0; i < 500; i++) {
      result.finding(failed("task-" + i, Map.of()));
    }
    HtmlReport.Page page = HtmlReport.page(result);
    assertThat(page.controls())
        .singleElement()
        .satisfies(
            control -> {
              assertThat(control.failed()).isEqualTo(500);
              assertThat(control.lessonHtml()).contains("<p>").doesNotContain("<script");
            });
    assertThat(page.firstRows()).hasSize(HtmlReport.FIRST_PAGE);
  }

  @Test
  void noTextInTheFindingsDataCanCloseItsScriptElement() throws Exception {
    ScanResult result = new ScanResult();
    result.finding(failed("</script><script>alert(1)</script><!--", Map.of()));
    String json = HtmlReport.page(result).findingsJson();
    assertThat(json).doesNotContain("<", ">", "&").containsIgnoringCase("\\u003c/script\\u003e");
    StringWriter page = new StringWriter();
    new HtmlReport().render(result, page);
    assertThat(page.toString()).doesNotContain("<script>alert").doesNotContain("<!--");
  }
}
