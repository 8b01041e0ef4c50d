package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ecsguard.report.ReportFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Several formats from one scan, and what each format promises its readers. */
class ReportFormatsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EXAMPLES = "../examples";

  @TempDir Path dir;

  /**
   * Validates against the OASIS SARIF 2.1.0 schema; every SARIF report of the tests goes through
   * here.
   */
  static void assertValidSarif(String sarif) throws IOException {
    Schema schema;
    try (InputStream in = ReportFormatsTest.class.getResourceAsStream("/sarif-schema-2.1.0.json")) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
    }
    assertThat(schema.validate(JSON.readTree(sarif))).as("SARIF schema errors").isEmpty();
  }

  /** Where {@link #oneScanWritesEveryFormatAskedForEachToItsPlace} writes a format. */
  private Path reportFile(ReportFormat format) {
    return dir.resolve("r" + format.extensions().getFirst());
  }

  @Test
  void oneScanWritesEveryFormatAskedForEachToItsPlace() throws Exception {
    List<String> args = new ArrayList<>(List.of("scan", "--format", "text"));
    for (ReportFormat format : ReportFormat.values()) {
      if (format != ReportFormat.TEXT) {
        args.addAll(List.of("--format", format.label() + "=" + reportFile(format)));
      }
    }
    args.add(EXAMPLES);
    Run run = Run.of(args.toArray(String[]::new));
    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED.code());
    assertThat(run.out()).contains("FAILED         ECS.4");
    for (ReportFormat format : ReportFormat.values()) {
      if (format != ReportFormat.TEXT) {
        assertThat(Files.size(reportFile(format))).as(format.label()).isPositive();
      }
    }
    JsonNode json = JSON.readTree(reportFile(ReportFormat.JSON).toFile());
    int findings = json.get("findings").size();
    int failed = json.get("summary").get("failed").asInt();
    int unknown = json.get("summary").get("unknown").asInt();

    String sarif = Files.readString(reportFile(ReportFormat.SARIF));
    assertValidSarif(sarif);
    JsonNode sarifRun = JSON.readTree(sarif).get("runs").get(0);
    assertThat(sarifRun.get("results").size()).isEqualTo(failed + unknown);
    assertThat(sarifRun.get("tool").get("driver").get("rules"))
        .allSatisfy(
            rule -> {
              assertThat(rule.get("help").get("markdown").asText()).contains("## How to fix it");
              assertThat(rule.get("properties").get("security-severity").asText())
                  .isIn("9.5", "8.0", "5.5", "3.0");
            });
    assertThat(sarifRun.get("results"))
        .allSatisfy(
            result -> {
              assertThat(result.get("partialFingerprints").get("ecsguardFinding/v1").asText())
                  .hasSize(32);
              // SARIF 3.27.9: a result that is not kind fail takes level none
              assertThat(
                      result.get("kind").asText().equals("fail")
                          || result.get("level").asText().equals("none"))
                  .isTrue();
            });

    Document junit =
        DocumentBuilderFactory.newDefaultInstance()
            .newDocumentBuilder()
            .parse(reportFile(ReportFormat.JUNIT).toFile());
    assertThat(junit.getElementsByTagName("testcase").getLength()).isEqualTo(findings);
    assertThat(junit.getElementsByTagName("failure").getLength()).isEqualTo(failed);

    List<String> csv = Files.readAllLines(reportFile(ReportFormat.CSV));
    assertThat(csv.get(0))
        .isEqualTo(
            "controlId,severity,status,suppressed,resourceType,resourceId,file,line,column,message,standard");
    assertThat(csv).hasSize(findings + 1);

    assertThat(Files.readString(reportFile(ReportFormat.MARKDOWN)))
        .startsWith("### ecsguard: " + failed + " FAILED")
        .contains("| High |");
  }

  @Test
  void everyReportMarksEachControlsStandardAndShowsThePredictedScore() throws Exception {
    List<String> args = new ArrayList<>(List.of("scan", "--no-config"));
    for (ReportFormat format : ReportFormat.values()) {
      args.addAll(List.of("--format", format.label() + "=" + reportFile(format)));
    }
    args.add(EXAMPLES);
    Run.of(args.toArray(String[]::new));
    JsonNode json = JSON.readTree(reportFile(ReportFormat.JSON).toFile());
    assertThat(json.get("standards").toString()).isEqualTo("[\"securityhub\",\"ecsguard\"]");
    assertThat(json.get("findings"))
        .allSatisfy(
            finding ->
                assertThat(finding.get("standard").asText())
                    .isEqualTo(
                        finding.get("controlId").asText().startsWith("ECSG.")
                            ? "ecsguard"
                            : "securityhub"));
    JsonNode score = json.get("summary").get("securityHubScore");
    assertThat(score.get("percent").asInt())
        .isBetween(score.get("min").asInt(), score.get("max").asInt());
    String percent = score.get("percent").asInt() + "%";

    JsonNode rules =
        JSON.readTree(reportFile(ReportFormat.SARIF).toFile())
            .get("runs")
            .get(0)
            .get("tool")
            .get("driver")
            .get("rules");
    assertThat(rules)
        .allSatisfy(
            rule -> {
              boolean own = rule.get("id").asText().startsWith("ECSG.");
              assertThat(rule.get("properties").get("standard").asText())
                  .isEqualTo(own ? "ecsguard" : "AWS Security Hub");
              assertThat(rule.get("properties").get("tags").toString())
                  .contains(own ? "\"ecsguard\"" : "\"securityhub\"");
            });
    assertThat(JSON.readTree(reportFile(ReportFormat.ASFF).toFile()))
        .allSatisfy(
            finding ->
                assertThat(finding.get("Types").get(0).asText())
                    .isEqualTo(
                        finding.get("GeneratorId").asText().startsWith("ECSG.")
                            ? "Software and Configuration Checks/AWS Security Best Practices/ecsguard"
                            : "Software and Configuration Checks/AWS Security Best Practices"));
    assertThat(Files.readString(reportFile(ReportFormat.TEXT)))
        .contains("\nPredicted Security Hub ECS score: " + percent + " (");
    assertThat(Files.readString(reportFile(ReportFormat.MARKDOWN)))
        .contains("**Predicted Security Hub ECS score:** " + percent)
        .contains("| status | control | standard |")
        .contains("| ECSG.1 | ecsguard |", "| ECS.4 | AWS Security Hub |");
    assertThat(Files.readString(reportFile(ReportFormat.HTML)))
        .contains("<b>Predicted Security Hub ECS score:</b> " + percent)
        .contains("<th>standard</th>", "<td>ECSG.1</td><td>ecsguard</td>");
    assertThat(Files.readString(reportFile(ReportFormat.JUNIT)))
        .contains(
            "<testsuite name=\"ECSG.1 ",
            "<property name=\"standard\" value=\"ecsguard\"/>",
            "<property name=\"standard\" value=\"AWS Security Hub\"/>");
  }

  @Test
  void withOnlyEcsguardsOwnControlsThereIsNoScoreToPredict() throws IOException {
    Run text = Run.of("scan", "--no-config", "--standard", "ecsguard", EXAMPLES);
    assertThat(text.out()).doesNotContain("Security Hub").doesNotContain("ECS.4 ");
    JsonNode json =
        JSON.readTree(
            Run.of("scan", "--no-config", "--standard", "ecsguard", "--format", "json", EXAMPLES)
                .out());
    assertThat(json.get("standards").toString()).isEqualTo("[\"ecsguard\"]");
    assertThat(json.get("summary").get("securityHubScore").isNull()).isTrue();
  }

  @Test
  void fingerprintsStayWhenLinesMoveAndRegionsFollowThem() throws IOException {
    Path task = dir.resolve("task.json");
    String body =
        "{\"family\":\"f\",\"containerDefinitions\":[{\"name\":\"app\",\"privileged\":true}]}";
    Files.writeString(task, body);
    JsonNode before = sarifOf(task);
    Files.writeString(task, "\n\n\n" + body);
    JsonNode after = sarifOf(task);
    assertThat(fingerprints(after)).isEqualTo(fingerprints(before)).isNotEmpty();
    assertThat(
            after
                .get(0)
                .get("locations")
                .get(0)
                .get("physicalLocation")
                .get("region")
                .get("startLine")
                .asInt())
        .isEqualTo(
            before
                    .get(0)
                    .get("locations")
                    .get(0)
                    .get("physicalLocation")
                    .get("region")
                    .get("startLine")
                    .asInt()
                + 3);
  }

  private JsonNode sarifOf(Path file) throws IOException {
    Run run = Run.of("scan", "--controls", "ECS.4,ECS.5", "--format", "sarif", file.toString());
    assertValidSarif(run.out());
    return JSON.readTree(run.out()).get("runs").get(0).get("results");
  }

  private static List<String> fingerprints(JsonNode results) {
    List<String> prints = new ArrayList<>();
    results.forEach(
        result ->
            prints.add(
                result.get("ruleId").asText()
                    + " "
                    + result.get("partialFingerprints").get("ecsguardFinding/v1").asText()));
    return prints;
  }

  @Test
  void textThatCouldHijackAReaderIsNeutralised() throws IOException {
    Path task = dir.resolve("task.json");
    Files.writeString(
        task,
        "{\"family\":\"=HYPERLINK(\\\"x\\\")|<b>\",\"containerDefinitions\":[{\"name\":\"a|b\",\"privileged\":true}]}");
    Run csv = Run.of("scan", "--controls", "ECS.4", "--format", "csv", task.toString());
    assertThat(csv.out()).contains(",\"'=HYPERLINK(\"\"x\"\")|<b>\",");
    Run markdown = Run.of("scan", "--controls", "ECS.4", "--format", "markdown", task.toString());
    assertThat(markdown.out()).contains("`=HYPERLINK(\"x\")\\|<b>`").doesNotContain("\")|<b>");
    Run junit = Run.of("scan", "--controls", "ECS.4", "--format", "junit", task.toString());
    assertThat(junit.out()).contains("name=\"=HYPERLINK(&quot;x&quot;)|&lt;b&gt;\"");
    Path tabbed = dir.resolve("tabbed.json");
    Files.writeString(
        tabbed,
        "{\"family\":\"\\t=cmd\",\"containerDefinitions\":[{\"name\":\"a\",\"privileged\":true}]}");
    assertThat(Run.of("scan", "--controls", "ECS.4", "--format", "csv", tabbed.toString()).out())
        .contains(",\"'\t=cmd\",");
  }

  @Test
  void junitNamesClassesAsCiShowsThemAndUnreadableInputsAreErroredTests() throws Exception {
    Path task = dir.resolve("task.json");
    Files.writeString(
        task, "{\"family\":\"f\",\"containerDefinitions\":[{\"name\":\"a\",\"privileged\":true}]}");
    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"family\": ");
    Run junit =
        Run.of(
            "scan", "--controls", "ECS.4", "--format", "junit", task.toString(), broken.toString());
    assertThat(junit.exitCode()).isEqualTo(ExitCode.ERROR.code());
    assertThat(junit.out()).contains("classname=\"ecsguard.ECS_4\"");
    Document document =
        DocumentBuilderFactory.newDefaultInstance()
            .newDocumentBuilder()
            .parse(new java.io.ByteArrayInputStream(junit.out().getBytes(StandardCharsets.UTF_8)));
    assertThat(document.getElementsByTagName("error").getLength()).isEqualTo(1);
    assertThat(junit.out()).contains("classname=\"ecsguard.inputs\" name=\"" + broken + "\"");
  }

  @Test
  void namesCannotAddImagesMentionsMarkupOrBidiOverridesToAReport() throws IOException {
    Path task = dir.resolve("task.json");
    // The family is shown in a code span, the container name in prose: both are hostile.
    Files.writeString(
        task,
        "{\"family\":\"f\u202egnp.exe`x\",\"containerDefinitions\":[{\"name\":"
            + "\"![t](https://evil.example/t.png) [c](https://evil.example) @octocat `x` &#x202E; \u2066y\\u0007\",\"privileged\":true}]}");
    String markdown =
        Run.of("scan", "--controls", "ECS.4", "--format", "markdown", task.toString()).out();
    assertThat(markdown)
        .doesNotContain("![", "@octocat", "&#x202E;", "\u202e", "\u2066", "\u0007")
        .doesNotContain("`x`")
        .contains("\\[t\\]", "@\u200boctocat", "&amp;#x202E;", "\\u202e", "\\u2066", "\\u0007");
    String html = Run.of("scan", "--controls", "ECS.4", "--format", "html", task.toString()).out();
    assertThat(html).doesNotContain("\u202e", "\u2066", "\u0007").contains("\\u202e", "\\u2066");
    String text = Run.of("scan", "--controls", "ECS.4", task.toString()).out();
    assertThat(text).doesNotContain("\u202e", "\u2066", "\u0007");
  }

  @Test
  void onlyOneReportMayGoToStandardOutput() {
    Run run = Run.of("scan", "--format", "text", "--format", "json", EXAMPLES);
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR.code());
    assertThat(run.err()).contains("only one report can go to standard output");
    assertThat(Run.of("scan", "--format", "pdf", EXAMPLES).err())
        .contains("unknown format (not shown) (" + String.join(", ", ReportFormat.labels()) + ")")
        .doesNotContain("pdf");
  }

  @Test
  void scanHelpListsEveryFormatFromTheRegistry() {
    String help = Run.of("scan", "--help").out();
    assertThat(help.replaceAll("\\s+", " "))
        .contains(String.join(", ", ReportFormat.labels()) + " (Report formats, below)");
    for (ReportFormat format : ReportFormat.values()) {
      assertThat(help)
          .containsPattern(
              "\\n  "
                  + format.label()
                  + " +"
                  + java.util.regex.Pattern.quote(format.description()));
    }
    assertThat(help.lines())
        .allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(80)); // no format line wraps
  }
}
