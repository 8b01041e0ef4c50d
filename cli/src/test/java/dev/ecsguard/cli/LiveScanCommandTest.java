package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsguard.aws.MotoExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * ecsguard scan --aws end to end, against moto, with the SDK's own endpoint and credential
 * settings.
 */
class LiveScanCommandTest {
  private static final String SECRET = "PLANTEDcliSECRETvalue9876543210";
  @RegisterExtension static final MotoExtension moto = MotoExtension.asDefaultEndpoint();

  @BeforeAll
  static void start() throws IOException, InterruptedException {
    moto.server().seed("/dev/ecsguard/aws/seed.py", SECRET);
  }

  @Test
  void anIncompleteScanExitsTwoAndItsJsonReportCarriesTheApiCalls() throws IOException {
    Run run =
        Run.with(
            Map.of(), true, "scan", "--aws", "--region", "us-east-1,eu-west-1", "--format", "json");
    // moto cannot list capacity providers (HTTP 500): the scan is incomplete, whatever else it
    // found.
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.ERROR.code());
    JsonNode report =
        new ObjectMapper().readTree(run.out()); // the progress line went to standard error only
    assertThat(report.get("apiCalls").get("DescribeTaskDefinition").asInt()).isEqualTo(4);
    assertThat(report.get("summary").get("errors").asInt()).isEqualTo(2);
    assertThat(run.err())
        .contains("ecs:DescribeCapacityProviders failed (HTTP 500)")
        .contains("\r\033[Kecsguard: 1 account, 0/2 account-regions done");
    assertThat(run.all()).contains("AWS_SECRET_ACCESS_KEY").doesNotContain(SECRET);
  }

  @Test
  void theTextReportSaysTheScanIsIncomplete() {
    Run run =
        Run.with(Map.of(), false, "scan", "--aws", "--region", "eu-west-1", "--controls", "ECS.20");
    assertThat(run.out())
        .contains("FAILED         ECS.20")
        .contains("1 account-region, 14 resources")
        .contains("the scan is INCOMPLETE");
    // Off a terminal, no line redrawn in place (log lines every 10 s are AwsScan's own tests': how
    // many this scan prints depends on the machine's speed).
    assertThat(run.err()).doesNotContain("\r");
    assertThat(run.all()).doesNotContain(SECRET);
  }

  @Test
  void quietShowsNoProgressEvenOnATerminal() {
    Run run =
        Run.with(
            Map.of(), true, "scan", "--aws", "--region", "eu-west-1", "--controls", "ECS.20", "-q");
    assertThat(run.out()).contains("ECS.20").contains("runs as root");
    assertThat(run.err()).doesNotContain("account-regions done").doesNotContain("\r");
  }

  @Test
  void findingsGoToSecurityHubInBatchesOfAHundred() {
    Run run = Run.of("scan", "--securityhub-import", "../examples");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILED.code());
    assertThat(run.err())
        .contains(
            "ecsguard: Security Hub: 192 findings imported, 0 updated as suppressed, 0 refused")
        .doesNotContain("refused:");
  }

  /**
   * GitHub refuses a result without a file and line: each live result points at its resource's line
   * in the list written beside the report, which holds ARNs and names, never a value.
   */
  @Test
  void aLiveSarifReportPointsEachResultAtItsResourcesLineInTheListBesideIt(@TempDir Path dir)
      throws IOException {
    Files.createDirectories(dir.resolve(".git"));
    Path sarif = dir.resolve("live.sarif");
    Run run =
        Run.with(
            Map.of(),
            false,
            "scan",
            "--aws",
            "--region",
            "us-east-1,eu-west-1",
            "--format",
            "sarif=" + sarif);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.ERROR.code()); // incomplete
    Path list = dir.resolve("live.resources.tsv");
    assertThat(run.err())
        .contains("sarif report in " + sarif + " (live resources in " + list + ")");
    String report = Files.readString(sarif);
    ReportFormatsTest.assertValidSarif(report);
    List<String> lines = Files.readAllLines(list);
    assertThat(lines.getFirst()).isEqualTo("arn\taccount\tregion\ttype");
    assertThat(lines.subList(1, lines.size()))
        .isNotEmpty()
        .doesNotHaveDuplicates()
        .allSatisfy(
            line ->
                assertThat(line)
                    .matches("arn:aws:ecs:[^\t]+\t\\d{12}\t[a-z0-9-]+\tAWS::ECS::\\w+"));
    JsonNode sarifRun = new ObjectMapper().readTree(report).get("runs").get(0);
    assertThat(sarifRun.get("results"))
        .isNotEmpty()
        .allSatisfy(
            result -> {
              JsonNode location = result.get("locations").get(0);
              JsonNode physical = location.get("physicalLocation");
              assertThat(physical.get("artifactLocation").get("uri").asText())
                  .isEqualTo("live.resources.tsv");
              assertThat(physical.get("artifactLocation").get("uriBaseId").asText())
                  .isEqualTo("%SRCROOT%");
              String arn =
                  location.get("logicalLocations").get(0).get("fullyQualifiedName").asText();
              assertThat(lines.get(physical.get("region").get("startLine").asInt() - 1))
                  .startsWith(arn + "\t");
            });
    // The failed listing is named in its notification's text: no aws:// URI, which GitHub refuses.
    JsonNode notifications = sarifRun.get("invocations").get(0).get("toolExecutionNotifications");
    assertThat(notifications.toString())
        .contains("aws://")
        .contains("ecs:DescribeCapacityProviders failed");
    notifications.forEach(notification -> assertThat(notification.has("locations")).isFalse());
    assertThat(report + String.join("\n", lines)).doesNotContain(SECRET);
  }

  @Test
  void aLiveSarifReportOnStandardOutputNeedsAFileForItsResources(@TempDir Path dir)
      throws IOException {
    Run refused = Run.of("scan", "--aws", "--region", "eu-west-1", "--format", "sarif");
    assertThat(refused.exitCode()).isEqualTo(ExitCode.ERROR.code());
    assertThat(refused.err()).contains("--sarif-live-file FILE");
    assertThat(refused.out()).isEmpty();
    Path list = dir.resolve("resources.tsv");
    Run run =
        Run.with(
            Map.of("ECSGUARD_SARIF_LIVE_FILE", list.toString()),
            false,
            "scan",
            "--aws",
            "--region",
            "eu-west-1",
            "--format",
            "sarif");
    ReportFormatsTest.assertValidSarif(run.out());
    assertThat(run.out()).contains(list.toRealPath().toUri().toString());
    assertThat(Files.readString(list)).contains("task-definition/batch:1\t");
  }

  @Test
  void awsOptionsNeedAws() {
    Run run = Run.of("scan", "--region", "us-east-1", "x.json");
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR.code());
    assertThat(run.err()).contains("--profile, --region, --role-arn and --org need --aws");
    assertThat(Run.of("scan").err())
        .contains(
            "give the files or directories to scan, - for standard input, or --aws for live accounts");
  }
}
