package dev.ecsguard.bench;

import dev.ecsguard.catalog.Catalogue;
import dev.ecsguard.control.ControlInfo;
import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.engine.Suppression;
import dev.ecsguard.report.HeadlessChromium;
import dev.ecsguard.report.HtmlReport;
import dev.ecsguard.tree.Location;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTML report of 50,000 findings in headless Chromium: how long it takes to open (parse, run
 * its script, first paint) and to sort by a column, as ratios to the 1 s target. Findings are
 * generated (a live scan's shape: accounts, Regions, ARNs), not scanned. Prints one {@code
 * key=value} line for bench/run; needs {@code chromium} on the PATH.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar dev.ecsguard.bench.HtmlReportBenchmark [findings]}
 */
public final class HtmlReportBenchmark {
  private static final String SETTLED =
      "new Promise(done => requestAnimationFrame(() => setTimeout(done)))"; // painted

  private HtmlReportBenchmark() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    Path work = Files.createTempDirectory("ecsguard-html-bench");
    Path page = work.resolve("report.html");
    long renderStart = System.nanoTime();
    try (Writer out = Files.newBufferedWriter(page, StandardCharsets.UTF_8)) {
      new HtmlReport().render(findings(count), out);
    }
    double renderMs = (System.nanoTime() - renderStart) / 1e6;

    double openMs = Double.MAX_VALUE;
    double sortMs = 0;
    double filterMs = 0;
    try (HeadlessChromium chromium = HeadlessChromium.start(work.resolve("profile"))) {
      for (int run = 0; run < 3; run++) { // the best of three opens: the first warms the disk cache
        long start = System.nanoTime();
        chromium.open(page);
        chromium.evaluate(SETTLED);
        openMs = Math.min(openMs, (System.nanoTime() - start) / 1e6);
      }
      for (String column : List.of("resource", "message", "where", "severity")) {
        sortMs =
            Math.max(
                sortMs,
                timed(chromium, "document.querySelector('th[data-key=" + column + "]').click()"));
      }
      filterMs =
          timed(
              chromium,
              "(() => { const q = document.getElementById('q'); q.value = 'container';"
                  + " q.dispatchEvent(new Event('input')); })()");
      if (!chromium.errors().isEmpty()) {
        throw new IllegalStateException("the page reported errors: " + chromium.errors());
      }
    }
    System.out.printf(
        Locale.ROOT,
        "findings=%d bytes=%d render_ms=%.0f open_ms=%.0f sort_ms=%.0f filter_ms=%.0f%n",
        count,
        Files.size(page),
        renderMs,
        openMs,
        sortMs,
        filterMs);
    try (var files = Files.walk(work)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  /** Milliseconds from running {@code action} in the page to the next frame painted after it. */
  private static double timed(HeadlessChromium chromium, String action) throws Exception {
    return chromium
        .evaluate(
            "(async () => { const t0 = performance.now(); "
                + action
                + "; await "
                + SETTLED
                + "; return performance.now() - t0; })()")
        .asDouble();
  }

  /**
   * {@code count} findings over 10 controls a resource, in 4 accounts × 3 Regions: mostly FAILED,
   * one in 20 suppressed, with messages of a realistic length.
   */
  static ScanResult findings(int count) {
    List<ControlInfo> controls =
        Catalogue.CONTROLS.stream().map(control -> control.info()).toList();
    ScanResult result = new ScanResult();
    String[] regions = {"eu-west-1", "us-east-1", "ap-southeast-2"};
    Status[] statuses = {
      Status.FAILED, Status.FAILED, Status.FAILED, Status.UNKNOWN, Status.PASSED
    };
    for (int i = 0; i < count; i++) {
      int resource = i / 10;
      ControlInfo control = controls.get((i * 7 + resource) % controls.size());
      String account = String.format(Locale.ROOT, "1234567890%02d", resource % 4);
      String region = regions[resource % 3];
      String id =
          "arn:aws:ecs:"
              + region
              + ":"
              + account
              + ":task-definition/service-"
              + resource
              + ":"
              + (1 + resource % 9);
      Finding finding =
          new Finding(
              control,
              statuses[i % statuses.length],
              control.resourceType(),
              id,
              Map.of("account", account, "region", region),
              new Location(account + "/" + region, "", 0, 0),
              "Container \"app-"
                  + (i % 13)
                  + "\" of "
                  + id
                  + ": "
                  + control.title()
                  + " (as the control reads its settings).",
              List.of());
      result.finding(
          i % 20 == 0
              ? finding.suppressedBy(
                  new Suppression(
                      control.id(), id, "accepted until the migration", null, ".ecsguard.yml:4"))
              : finding);
    }
    for (int i = 0; i < 12; i++) {
      result.fileScanned(
          String.format(Locale.ROOT, "1234567890%02d/%s", i % 4, regions[i % 3]), count / 120);
    }
    return result;
  }
}
