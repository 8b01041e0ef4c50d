package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report opened in a real browser: headless Chromium renders it, runs its script, and
 * takes a screenshot.
 */
class HtmlReportTest {
  private static final Path SCREENSHOT =
      Path.of("target/html-report.png"); // kept for a person to look at

  @TempDir Path dir;

  private static String chromium(Path profile, String... arguments)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile));
    command.addAll(List.of(arguments));
    Process browser;
    try {
      browser = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "this test needs Chromium (apt-get install chromium; .ci/run installs it)", e);
    }
    String out = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(browser.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  @Test
  void theReportRendersInABrowserWithItsChartsAndAFilterableTable() throws Exception {
    Path html = dir.resolve("report.html");
    Run run = Run.of("scan", "--format", "text", "--format", "html=" + html, "../examples");
    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED.code());
    String page = Files.readString(html);
    assertThat(page)
        .doesNotContainPattern("(src|href)\\s*=\\s*[\"']?https?:")
        .doesNotContain("<link")
        .contains("<svg");

    String dom = chromium(dir.resolve("profile-1"), "--dump-dom", html.toUri().toString());
    assertThat(dom)
        .as("the script ran and filtered to FAILED findings")
        .containsPattern("33 of \\d+ findings");
    assertThat(dom).contains("FAILED by severity").contains("FAILED by control");

    Files.createDirectories(SCREENSHOT.toAbsolutePath().getParent());
    Files.deleteIfExists(SCREENSHOT);
    chromium(
        dir.resolve("profile-2"),
        "--window-size=1280,1000",
        "--screenshot=" + SCREENSHOT.toAbsolutePath(),
        html.toUri().toString());
    assertThat(Files.size(SCREENSHOT))
        .as("a real rendering, not a blank page")
        .isGreaterThan(20_000);
  }

  @Test
  void textFromTheInputCannotInjectMarkup() throws IOException {
    Path task =
        Files.writeString(
            dir.resolve("task.json"),
            "{\"family\":\"<script>alert(1)</script>\",\"containerDefinitions\":[{\"name\":\"<img src=x onerror=alert(2)>\",\"privileged\":true}]}");
    Run run = Run.of("scan", "--controls", "ECS.4", "--format", "html", task.toString());
    assertThat(run.out())
        .doesNotContain("<script>alert")
        .doesNotContain("<img src=x")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
  }
}
