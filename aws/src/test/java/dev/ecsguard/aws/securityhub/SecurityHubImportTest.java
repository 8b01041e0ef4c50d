package dev.ecsguard.aws.securityhub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.aws.FaultyEndpoint;
import dev.ecsguard.aws.MotoExtension;
import dev.ecsguard.aws.scan.AwsScan;
import dev.ecsguard.aws.session.AwsOptions;
import dev.ecsguard.aws.session.AwsSession;
import dev.ecsguard.engine.Engine;
import dev.ecsguard.engine.ScanRequest;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.engine.Suppression;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;

/**
 * --securityhub-import against moto: each finding in its own account (assumed into as the scan was)
 * and Region, files' findings as the caller's, suppressed ones marked by BatchUpdateFindings. moto
 * 5.2.1 has no BatchUpdateFindings (HTTP 404), so a stand-in in front of it answers that call as
 * AWS documents it; moto also accepts any account's findings, so "refused" is injected.
 */
class SecurityHubImportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UPDATE = "PATCH /findings/batchupdate";
  private static final String CALLER = "123456789012";
  @RegisterExtension static final MotoExtension moto = MotoExtension.started();
  private static List<String> members;

  @BeforeAll
  static void seed() throws IOException, InterruptedException {
    members = List.of(moto.server().seed("/dev/ecsguard/aws/seed-accounts.py").split(" "));
    moto.server().seed("/dev/ecsguard/aws/seed-region.py", members.get(0), "eu-west-1");
  }

  private static AwsOptions options(URI endpoint) {
    return new AwsOptions(
        null,
        List.of("us-east-1", "eu-west-1"),
        members.stream()
            .map(id -> "arn:aws:iam::" + id + ":role/OrganizationAccountAccessRole")
            .toList(),
        false,
        AwsOptions.DEFAULT_ORGANIZATION_ROLE,
        2,
        endpoint,
        1);
  }

  /** Both members' privileged task definitions (ECS.4), the second member's suppressed. */
  private static ScanResult liveScan() {
    return Engine.scan(
        ScanRequest.builder()
            .only(List.of("ECS.4"))
            .suppressions(
                List.of(
                    new Suppression(
                        "ECS.4",
                        "*:task-definition/app-" + members.get(1) + ":*",
                        "the batch job needs it",
                        null,
                        ".ecsguard.yml:3")))
            .input(new AwsScan(options(moto.server().endpoint()), null))
            .build());
  }

  /** What Security Hub holds in {@code account}'s {@code region}, read with that account's role. */
  private static List<AwsSecurityFinding> held(String account, String region) {
    AwsOptions options =
        account.equals(CALLER)
            ? new AwsOptions(null, List.of(), List.of(), false, "r", 1, moto.server().endpoint(), 1)
            : options(moto.server().endpoint());
    try (AwsSession session = new AwsSession(options)) {
      AwsSession.Account reached =
          session.accounts(new ScanResult()).stream()
              .filter(candidate -> candidate.id().equals(account))
              .findFirst()
              .orElseThrow();
      try (SecurityHubClient securityHub = session.securityHub(reached, region)) {
        return securityHub.getFindings(request -> request.maxResults(100)).findings();
      }
    }
  }

  /**
   * Answers BatchUpdateFindings as AWS does when it processes every finding, recording the call.
   */
  private static String processedAll(String request, List<JsonNode> calls) {
    try {
      JsonNode body = JSON.readTree(request);
      calls.add(body);
      ObjectNode answer = JSON.createObjectNode();
      answer.set("ProcessedFindings", body.get("FindingIdentifiers"));
      answer.putArray("UnprocessedFindings");
      return JSON.writeValueAsString(answer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void eachFindingGoesToItsOwnAccountAndRegionAndSuppressedOnesAreMarkedSo() throws IOException {
    ScanResult result = liveScan();
    // moto cannot list capacity providers (HTTP 500): errors, but the task definitions are read.
    assertThat(result.findings())
        .extracting(finding -> finding.resourceId() + " " + finding.suppressed())
        .containsExactly(
            "arn:aws:ecs:us-east-1:%1$s:task-definition/app-%1$s:1 false".formatted(members.get(0)),
            "arn:aws:ecs:eu-west-1:%1$s:task-definition/app-%1$s-eu-west-1:1 false"
                .formatted(members.get(0)),
            "arn:aws:ecs:us-east-1:%1$s:task-definition/app-%1$s:1 true".formatted(members.get(1)));
    List<JsonNode> updates = new CopyOnWriteArrayList<>();
    SecurityHubImport.Outcome outcome;
    try (FaultyEndpoint faulty = new FaultyEndpoint(moto.server().endpoint())) {
      faulty.standIn(UPDATE, request -> processedAll(request, updates));
      outcome = SecurityHubImport.send(result, options(faulty.endpoint()));
    }
    assertThat(outcome.error()).isNull();
    assertThat(outcome.imported()).isEqualTo(3);
    assertThat(outcome.updated()).isEqualTo(1);
    assertThat(outcome.failed()).isZero();

    String first = members.get(0);
    String second = members.get(1);
    assertThat(held(first, "us-east-1"))
        .extracting(AwsSecurityFinding::productArn)
        .containsExactly(
            "arn:aws:securityhub:us-east-1:" + first + ":product/" + first + "/default");
    assertThat(held(first, "eu-west-1"))
        .extracting(finding -> finding.awsAccountId() + " " + finding.resources().get(0).region())
        .containsExactly(first + " eu-west-1");
    assertThat(held(second, "us-east-1"))
        .extracting(AwsSecurityFinding::awsAccountId)
        .containsExactly(second);
    assertThat(held(second, "eu-west-1")).isEmpty();
    assertThat(held(CALLER, "us-east-1"))
        .extracting(AwsSecurityFinding::awsAccountId)
        .doesNotContain(first, second);

    assertThat(updates).hasSize(1);
    JsonNode update = updates.get(0);
    assertThat(update.at("/Workflow/Status").asText()).isEqualTo("SUPPRESSED");
    assertThat(update.at("/Note/Text").asText())
        .isEqualTo("the batch job needs it (.ecsguard.yml:3)");
    assertThat(update.at("/Note/UpdatedBy").asText()).isEqualTo("ecsguard");
    assertThat(update.get("FindingIdentifiers")).hasSize(1);
    assertThat(update.at("/FindingIdentifiers/0/ProductArn").asText())
        .isEqualTo("arn:aws:securityhub:us-east-1:" + second + ":product/" + second + "/default");
    assertThat(update.at("/FindingIdentifiers/0/Id").asText())
        .isEqualTo(held(second, "us-east-1").get(0).id());
  }

  @Test
  void filesFindingsGoToTheCallersAccountInItsRegion() {
    String privileged =
        "{\"family\": \"files\", \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"a:1\", \"privileged\": true}]}";
    ScanResult files =
        Engine.scan(
            ScanRequest.builder().only(List.of("ECS.4")).stream(
                    new ByteArrayInputStream(privileged.getBytes(StandardCharsets.UTF_8)),
                    "task.json")
                .build());
    SecurityHubImport.Outcome outcome =
        SecurityHubImport.send(files, options(moto.server().endpoint()));
    assertThat(outcome.complete()).as(String.valueOf(outcome.error())).isTrue();
    assertThat(outcome.imported()).isEqualTo(1);
    assertThat(outcome.updated()).isZero();
    assertThat(held(CALLER, "us-east-1"))
        .filteredOn(finding -> finding.description().contains("task.json"))
        .extracting(AwsSecurityFinding::awsAccountId)
        .containsExactly(CALLER);
    assertThat(held(members.get(0), "us-east-1"))
        .noneMatch(finding -> finding.description().contains("task.json"));
  }

  @Test
  void aDeniedImportInOneRegionIsAnErrorAndTheOtherPlacesAreStillImported() throws IOException {
    SecurityHubImport.Outcome outcome;
    try (FaultyEndpoint faulty = new FaultyEndpoint(moto.server().endpoint())) {
      faulty.standIn(UPDATE, request -> processedAll(request, new CopyOnWriteArrayList<>()));
      faulty.fail("POST /findings/import", "eu-west-1", 403, "AccessDeniedException");
      outcome = SecurityHubImport.send(liveScan(), options(faulty.endpoint()));
    }
    assertThat(outcome.imported()).isEqualTo(2);
    assertThat(outcome.updated()).isEqualTo(1);
    assertThat(outcome.complete()).isFalse();
    assertThat(outcome.error())
        .isEqualTo(
            "securityhub:BatchImportFindings failed: AccessDeniedException after 0 findings were imported");
  }

  @Test
  void suppressedFindingsSecurityHubLeavesUnprocessedAreRefusedAndMotoLacksTheCall()
      throws IOException {
    SecurityHubImport.Outcome outcome;
    try (FaultyEndpoint faulty = new FaultyEndpoint(moto.server().endpoint())) {
      faulty.standIn(
          UPDATE,
          request -> {
            try {
              ObjectNode answer = JSON.createObjectNode();
              answer.putArray("ProcessedFindings");
              ArrayNode unprocessed = answer.putArray("UnprocessedFindings");
              for (JsonNode identifier : JSON.readTree(request).get("FindingIdentifiers")) {
                unprocessed
                    .addObject()
                    .put("ErrorCode", "FindingNotFound")
                    .put("ErrorMessage", "not found")
                    .set("FindingIdentifier", identifier);
              }
              return JSON.writeValueAsString(answer);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      outcome = SecurityHubImport.send(liveScan(), options(faulty.endpoint()));
    }
    assertThat(outcome.imported()).isEqualTo(3);
    assertThat(outcome.updated()).isZero();
    assertThat(outcome.failed()).isEqualTo(1);
    assertThat(outcome.failures())
        .singleElement()
        .asString()
        .endsWith(": FindingNotFound not found");
    assertThat(outcome.complete()).isFalse();

    SecurityHubImport.Outcome straightToMoto =
        SecurityHubImport.send(liveScan(), options(moto.server().endpoint()));
    assertThat(straightToMoto.imported()).isEqualTo(3);
    assertThat(straightToMoto.error())
        .startsWith("securityhub:BatchUpdateFindings failed")
        .endsWith("after 0 suppressed findings were updated");
  }
}
