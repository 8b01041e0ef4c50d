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
   * Validates against the OASIS SARIF 2.1.0 schema and GitHub code scanning's requirements; every
   * SARIF report of the tests goes through here.
   */
  static void assertValidSarif(String sarif) throws IOException {
    Schema schema;
    try (InputStream in = ReportFormatsTest.class.getResourceAsStream("/sarif-schema-2.1.0.json")) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
    }
    assertThat(schema.validate(JSON.readTree(sarif))).as("SARIF schema errors").isEmpty();
    GitHubCodeScanning.assertAccepts(sarif);
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
    Run run = Run.with(Run.ACCOUNT, false, args.toArray(String[]::new));
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
    JsonNode rules = sarifRun.get("tool").get("driver").get("rules");
    assertThat(rules)
        .filteredOn(rule -> !rule.get("id").asText().endsWith("/unknown"))
        .allSatisfy(
            rule -> {
              assertThat(rule.get("help").get("markdown").asText()).contains("## How to fix it");
              assertThat(rule.get("properties").get("security-severity").asText())
                  .isIn("9.5", "8.0", "5.5", "3.0");
            });
    assertThat(sarifRun.get("results"))
        .allSatisfy(
            result -> {
              assertThat(result.get("partialFingerprints").get("ecsguardFinding/v2").asText())
                  .hasSize(32);
              // UNKNOWN results are notes of a companion rule that has no security severity, so
              // that GitHub never shows them as security alerts.
              if (result.get("ruleId").asText().endsWith("/unknown")) {
                assertThat(result.get("level").asText()).isEqualTo("note");
                assertThat(
                        rules
                            .get(result.get("ruleIndex").asInt())
                            .get("properties")
                            .has("security-severity"))
                    .isFalse();
              } else {
                assertThat(result.get("level").asText()).isIn("error", "warning", "note");
              }
              assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asText())
                  .isEqualTo(result.get("ruleId").asText());
            });
    assertThat(sarifRun.get("results"))
        .anyMatch(result -> result.get("ruleId").asText().endsWith("/unknown"));
    assertThat(sarifRun.get("invocations").get(0).get("executionSuccessful").asBoolean())
        .isEqualTo(json.get("summary").get("errors").asInt() == 0);

    Document junit =
        DocumentBuilderFactory.newDefaultInstance()
            .newDocumentBuilder()
            .parse(reportFile(ReportFormat.JUNIT).toFile());
    assertThat(junit.getElementsByTagName("testcase").getLength()).isEqualTo(findings);
    assertThat(junit.getElementsByTagName("failure").getLength()).isEqualTo(failed);

    List<String> csv = Files.readAllLines(reportFile(ReportFormat.CSV));
    assertThat(csv.get(0))
        .isEqualTo(
            "controlId,severity,status,suppressed,resourceType,resourceId,file,line,column,message,standard,"
                + "remediation,documentation,account,region,cdkPath");
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
    Run.with(Run.ACCOUNT, false, args.toArray(String[]::new));
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
        .contains(
            "| ECSG.1 | ecsguard |",
            "| [ECS.4](https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-4)"
                + " | AWS Security Hub |");
    assertThat(Files.readString(reportFile(ReportFormat.HTML)))
        .contains("<figcaption>Predicted Security Hub ECS score</figcaption>")
        .contains(">" + percent + "</text>") // on the gauge
        .containsPattern("<b>ECSG\\.1</b> [^<]+ <span class=\"muted\">\\(ecsguard, ")
        .containsPattern("<b>ECS\\.4</b> [^<]+ <span class=\"muted\">\\(AWS Security Hub, ");
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
  void asffOfFilesWithoutAnAccountIsAnErrorNotAPlaceholder() {
    Run run = Run.of("scan", "--format", "asff", EXAMPLES);
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR.code());
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip()).contains("AWS_ACCOUNT_ID").doesNotContain("\n");
    Run invalid =
        Run.with(
            java.util.Map.of("AWS_ACCOUNT_ID", "12345"),
            false,
            "scan",
            "--format",
            "asff",
            EXAMPLES);
    assertThat(invalid.exitCode()).isEqualTo(ExitCode.ERROR.code());
    assertThat(invalid.out()).doesNotContain("000000000000");
  }

  @Test
  void asffFindingsLineUpWithSecurityHubsOwnInTheRegionsPartition() throws IOException {
    Run run =
        Run.with(
            java.util.Map.of("AWS_ACCOUNT_ID", "123456789012", "AWS_REGION", "cn-north-1"),
            false,
            "scan",
            "--format",
            "asff",
            EXAMPLES);
    JsonNode findings = JSON.readTree(run.out());
    assertThat(findings)
        .allSatisfy(
            finding -> {
              assertThat(finding.get("ProductArn").asText())
                  .isEqualTo(
                      "arn:aws-cn:securityhub:cn-north-1:123456789012:product/123456789012/default");
              assertThat(finding.get("Resources").get(0).get("Partition").asText())
                  .isEqualTo("aws-cn");
              assertThat(finding.get("ProductName").asText()).isEqualTo("ecsguard");
              assertThat(finding.get("CompanyName").asText()).isEqualTo("ecsguard");
              assertThat(finding.get("FirstObservedAt").asText())
                  .isEqualTo(finding.get("LastObservedAt").asText());
              JsonNode compliance = finding.get("Compliance");
              String control = finding.get("GeneratorId").asText();
              if (control.startsWith("ECSG.")) {
                assertThat(compliance.has("SecurityControlId")).isFalse();
                assertThat(compliance.has("AssociatedStandards")).isFalse();
              } else {
                assertThat(compliance.get("SecurityControlId").asText()).isEqualTo(control);
                assertThat(compliance.get("AssociatedStandards").toString())
                    .contains(
                        control.matches("ECS\\.1[345]")
                            ? "standards/aws-resource-tagging-standard/v/1.0.0"
                            : "standards/aws-foundational-security-best-practices/v/1.0.0");
              }
              String status = compliance.get("Status").asText();
              assertThat(compliance.has("StatusReasons"))
                  .isEqualTo(status.equals("WARNING") || status.equals("NOT_AVAILABLE"));
              if (status.equals("NOT_AVAILABLE")) {
                assertThat(compliance.get("StatusReasons").get(0).get("ReasonCode").asText())
                    .isEqualTo("CONFIG_RETURNS_NOT_APPLICABLE");
              }
            });
    assertThat(findings)
        .filteredOn(finding -> finding.get("GeneratorId").asText().equals("ECS.4"))
        .isNotEmpty()
        .allSatisfy(
            finding -> {
              assertThat(finding.get("Compliance").get("RelatedRequirements").toString())
                  .contains("\"NIST.800-53.r5 AC-6\"");
              assertThat(finding.get("Compliance").get("AssociatedStandards").toString())
                  .contains("standards/nist-800-53/v/5.0.0");
            });
    assertThat(findings)
        .anyMatch(finding -> finding.get("Compliance").get("Status").asText().equals("WARNING"))
        .anyMatch(
            finding -> finding.get("Compliance").get("Status").asText().equals("NOT_AVAILABLE"));
  }

  /** A rescan from elsewhere (here: the same file named another way) updates the same findings. */
  @Test
  void asffIdsDoNotDependOnHowOrWhereTheFileIsNamed() throws IOException {
    Path examples = Path.of(EXAMPLES, "legacy-worker.json");
    List<String> relative = asffIds(examples.toString());
    assertThat(relative).isNotEmpty();
    assertThat(asffIds(examples.toAbsolutePath().toString())).isEqualTo(relative);
    assertThat(asffIds(Path.of("..", "cli", EXAMPLES, "legacy-worker.json").toString()))
        .isEqualTo(relative);
    Path copy = Files.createDirectories(dir.resolve("outside"));
    Path task = Files.writeString(copy.resolve("task.json"), TWO_PRIVILEGED_CONTAINERS);
    assertThat(asffIds(task.toString()))
        .isEqualTo(asffIds(copy.resolve("../outside/task.json").toString()));
  }

  private static List<String> asffIds(String path) throws IOException {
    Run run = Run.with(Run.ACCOUNT, false, "scan", "--no-config", "--format", "asff", path);
    List<String> ids = new ArrayList<>();
    JSON.readTree(run.out()).forEach(finding -> ids.add(finding.get("Id").asText()));
    return ids;
  }

  private static final String TWO_PRIVILEGED_CONTAINERS =
      "{\"family\":\"f\",\"containerDefinitions\":[\n"
          + "{\"name\":\"app\",\"privileged\":true},\n"
          + "{\"name\":\"sidecar\",\"privileged\":true}]}";

  @Test
  void sarifPlacesEveryOffenderAndNamesUnreadableInputs() throws IOException {
    Files.writeString(dir.resolve("task.json"), TWO_PRIVILEGED_CONTAINERS);
    Files.writeString(dir.resolve("broken.json"), "{\"family\": ");
    Run run = Run.of("scan", "--controls", "ECS.4", "--format", "sarif", dir.toString());
    assertValidSarif(run.out());
    JsonNode sarifRun = JSON.readTree(run.out()).get("runs").get(0);
    JsonNode result = sarifRun.get("results").get(0);
    // Both containers must change: each is a location, the first the one GitHub shows. GitHub
    // ignores the others, so they are also related locations, linked from the message.
    assertThat(result.get("locations")).hasSize(2);
    assertThat(startLines(result.get("locations"))).containsExactly(2, 3);
    assertThat(result.get("locations").get(1).get("message").get("text").asText())
        .contains("sidecar");
    assertThat(result.get("relatedLocations")).hasSize(1);
    assertThat(result.get("message").get("text").asText())
        .endsWith("Also at: [container \"sidecar\" at line 3](1).");
    assertThat(startLines(result.get("relatedLocations"))).containsExactly(3);
    assertThat(result.get("relatedLocations").get(0).get("message").get("text").asText())
        .contains("sidecar");
    JsonNode invocation = sarifRun.get("invocations").get(0);
    assertThat(invocation.get("executionSuccessful").asBoolean()).isFalse();
    JsonNode notification = invocation.get("toolExecutionNotifications").get(0);
    assertThat(notification.get("level").asText()).isEqualTo("error");
    assertThat(
            notification
                .get("locations")
                .get(0)
                .get("physicalLocation")
                .get("artifactLocation")
                .get("uri")
                .asText())
        .endsWith("broken.json");
  }

  static List<Integer> startLines(JsonNode locations) {
    List<Integer> lines = new ArrayList<>();
    locations.forEach(
        location ->
            lines.add(location.get("physicalLocation").get("region").get("startLine").asInt()));
    return lines;
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
                    + result.get("partialFingerprints").get("ecsguardFinding/v2").asText()));
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
  void csvEndsWithTheFixTheControlsPageAndTheCdkPathEachGuardedAsAFormula() throws IOException {
    Path template = dir.resolve("stack.yaml");
    Files.writeString(
        template,
        """
        Resources:
          Task:
            Type: AWS::ECS::TaskDefinition
            Metadata:
              aws:cdk:path: "=HYPERLINK(\\"x\\")"
            Properties:
              ContainerDefinitions:
                - Name: a
                  Image: nginx:1.27
                  Privileged: true
        """);
    Run csv = Run.of("scan", "--controls", "ECS.4", "--format", "csv", template.toString());
    // remediation, documentation, account, region (none: a file), cdkPath
    assertThat(csv.out())
        .contains(
            ",Remove privileged (or set it to false)",
            ",https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-4,,,"
                + "\"'=HYPERLINK(\"\"x\"\")\"\r\n");
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
