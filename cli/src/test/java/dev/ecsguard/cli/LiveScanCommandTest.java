package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsguard.aws.MotoExtension;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
