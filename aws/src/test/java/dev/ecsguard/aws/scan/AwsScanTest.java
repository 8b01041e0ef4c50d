package dev.ecsguard.aws.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.aws.FaultyEndpoint;
import dev.ecsguard.aws.MotoExtension;
import dev.ecsguard.aws.session.AwsOptions;
import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Engine;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanRequest;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.report.JsonReport;
import dev.ecsguard.report.TextReport;
import dev.ecsguard.tree.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Live scans against moto's ECS API: what is read, how many calls it takes, and failing closed. */
class AwsScanTest {
  private static final String SECRET = "PLANTEDliveSECRETvalue0123456789";
  private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();
  @RegisterExtension static final MotoExtension moto = MotoExtension.started();
  private static ScanResult clean;
  private static StringWriter progress = new StringWriter();

  @BeforeAll
  static void seedAndScan() throws IOException, InterruptedException {
    moto.server().seed("/dev/ecsguard/aws/seed.py", SECRET);
    clean = scan(moto.server().endpoint(), 3, AwsScan.Display.redrawn(new PrintWriter(progress)));
  }

  private static ScanResult scan(URI endpoint, int attempts, AwsScan.Display progress) {
    return Engine.scan(
        ScanRequest.builder()
            .input(
                new AwsScan(
                    new AwsOptions(null, REGIONS, List.of(), false, "r", 2, endpoint, attempts),
                    progress))
            .build());
  }

  private static Map<String, Status> verdicts(ScanResult result) {
    return result.findings().stream()
        .collect(
            Collectors.toMap(
                f ->
                    f.resourceId().replaceFirst("^arn:aws:ecs:[a-z0-9-]+:\\d+:", "")
                        + " "
                        + f.control().id(),
                Finding::status));
  }

  @Test
  void onlyTheLatestActiveRevisionOfEachFamilyAndEachResourceOnce() {
    assertThat(
            clean.findings().stream()
                .filter(f -> f.resourceType().awsName().equals("AWS::ECS::TaskDefinition"))
                .map(Finding::resourceId)
                .distinct())
        .containsExactlyInAnyOrder(
            "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3",
            "arn:aws:ecs:us-east-1:123456789012:task-definition/hardened:1",
            "arn:aws:ecs:eu-west-1:123456789012:task-definition/batch:1");
    assertThat(
            clean.findings().stream()
                .map(f -> f.resourceId() + " " + f.control().id())
                .distinct()
                .count())
        .isEqualTo(clean.findings().size()); // toMap below would throw on a repeat too
    assertThat(clean.findings())
        .allSatisfy(
            finding -> {
              assertThat(finding.labels()).containsEntry("account", "123456789012");
              assertThat(finding.resourceId()).contains(":" + finding.labels().get("region") + ":");
            });
  }

  @Test
  void verdictsAreTheSpecsOnLiveResources() {
    Map<String, Status> verdicts = verdicts(clean);
    assertThat(verdicts)
        .containsEntry("task-definition/web:3 ECS.4", Status.FAILED)
        .containsEntry("task-definition/web:3 ECS.8", Status.FAILED)
        .containsEntry("task-definition/web:3 ECS.15", Status.PASSED)
        .containsEntry("task-definition/hardened:1 ECS.4", Status.PASSED)
        .containsEntry("task-definition/hardened:1 ECS.5", Status.PASSED)
        .containsEntry("task-definition/batch:1 ECS.20", Status.FAILED)
        .containsEntry("service/prod/public-api ECS.2", Status.FAILED)
        .containsEntry("service/prod/public-api ECS.10", Status.FAILED)
        .containsEntry("service/prod/public-api ECS.13", Status.PASSED)
        .containsEntry("service/prod/worker ECS.13", Status.FAILED)
        .containsEntry("cluster/prod ECS.12", Status.PASSED)
        .containsEntry("cluster/prod ECS.14", Status.PASSED)
        .containsEntry("cluster/batch ECS.12", Status.FAILED);
    assertThat(
            verdicts.entrySet().stream()
                .filter(e -> e.getKey().contains("task-set/") && e.getKey().endsWith("ECS.16")))
        .singleElement()
        .satisfies(e -> assertThat(e.getValue()).isEqualTo(Status.FAILED));
    assertThat(verdicts.keySet()).noneMatch(key -> key.contains("retired"));
    assertThat(
            verdicts.keySet().stream()
                .filter(key -> key.startsWith("service/batch/") && key.endsWith("ECS.2")))
        .hasSize(12);
  }

  @Test
  void callsAreWhatACarefulEngineerWouldMake() {
    assertThat(clean.apiCalls())
        .containsEntry("GetCallerIdentity", 1L)
        .containsEntry("ListTaskDefinitionFamilies", 2L)
        .containsEntry(
            "DescribeTaskDefinition", 4L) // moto lists the deregistered family too; AWS would not
        .containsEntry("ListClusters", 2L)
        .containsEntry("DescribeClusters", 2L)
        .containsEntry("ListServices", 2L)
        .containsEntry("DescribeServices", 3L) // 3 services in one call, 12 in two
        .containsEntry("DescribeCapacityProviders", 2L)
        .doesNotContainKey("ListTaskDefinitions");
  }

  @Test
  void aListingThatFailsMakesTheScanIncompleteAndSaysWhich() {
    // moto answers DescribeCapacityProviders without names with HTTP 500: a real failure to read.
    assertThat(clean.errors())
        .extracting(InputException::getMessage)
        .containsExactlyInAnyOrder(
            "aws://123456789012/us-east-1/ecs:DescribeCapacityProviders: ecs:DescribeCapacityProviders failed (HTTP 500): the capacity providers in us-east-1 of account 123456789012 were not read",
            "aws://123456789012/eu-west-1/ecs:DescribeCapacityProviders: ecs:DescribeCapacityProviders failed (HTTP 500): the capacity providers in eu-west-1 of account 123456789012 were not read");
    assertThat(clean.files()).isEqualTo(2); // account-regions
  }

  @Test
  void resourcesThatCannotBeReadAreUnknownWithTheCallAndErrorCodeNeverPassed() throws IOException {
    try (FaultyEndpoint faulty = new FaultyEndpoint(moto.server().endpoint())) {
      faulty.fail("DescribeServices", "eu-west-1", 400, "AccessDeniedException");
      faulty.fail("DescribeTaskDefinition", "us-east-1", 400, "ThrottlingException");
      ScanResult result = scan(faulty.endpoint(), 2, null);
      List<Finding> denied =
          result.findings().stream()
              .filter(f -> f.resourceId().contains(":service/batch/"))
              .toList();
      assertThat(denied)
          .isNotEmpty()
          .allSatisfy(
              finding -> {
                assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
                assertThat(finding.message())
                    .contains("ecs:DescribeServices failed (AccessDeniedException)");
              });
      List<Finding> throttled =
          result.findings().stream()
              .filter(
                  f ->
                      f.resourceId().contains("us-east-1")
                          && f.resourceId().contains(":task-definition/"))
              .toList();
      assertThat(throttled)
          .isNotEmpty()
          .allSatisfy(
              finding -> {
                assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
                assertThat(finding.message())
                    .contains("ecs:DescribeTaskDefinition failed (ThrottlingException)");
              });
      assertThat(throttled.stream().map(Finding::resourceId).distinct())
          .containsExactlyInAnyOrder(
              "arn:aws:ecs:us-east-1:123456789012:task-definition/web",
              "arn:aws:ecs:us-east-1:123456789012:task-definition/retired",
              "arn:aws:ecs:us-east-1:123456789012:task-definition/hardened");
      assertThat(result.errors())
          .extracting(InputException::problem)
          .anySatisfy(
              problem ->
                  assertThat(problem)
                      .isEqualTo(
                          "ecs:DescribeServices failed (AccessDeniedException): its controls are UNKNOWN"))
          .anySatisfy(
              problem ->
                  assertThat(problem)
                      .isEqualTo(
                          "ecs:DescribeTaskDefinition failed (ThrottlingException): its controls are UNKNOWN"));
      assertThat(result.apiCalls())
          .containsEntry("DescribeTaskDefinition", 4L); // retried, but one call each
      assertThat(verdicts(result))
          .containsEntry(
              "task-definition/batch:1 ECS.20", Status.FAILED); // the other region is still read
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ListTaskDefinitionFamilies", "ListClusters", "ListServices"})
  @Timeout(60)
  void aPageTokenHandedBackAgainEndsTheListingAsIncomplete(String operation) throws IOException {
    try (FaultyEndpoint faulty = new FaultyEndpoint(moto.server().endpoint())) {
      faulty.answer(operation, body -> body.replaceFirst("\\{", "{\"nextToken\":\"again\","));
      ScanResult result = scan(faulty.endpoint(), 1, null);
      assertThat(result.errors())
          .extracting(InputException::problem)
          .anySatisfy(
              problem ->
                  assertThat(problem)
                      .startsWith(
                          "ecs:"
                              + operation
                              + " failed (a page token came back twice, so the listing cannot be completed)")
                      .contains("were not all read"));
      assertThat(result.apiCalls().get(operation)).isLessThan(20L);
      // What the pages read named is still read, once.
      assertThat(
              result.findings().stream()
                  .map(f -> f.resourceId() + " " + f.control().id())
                  .distinct()
                  .count())
          .isEqualTo(result.findings().size());
      assertThat(verdicts(result))
          .containsEntry("task-definition/batch:1 ECS.20", Status.FAILED)
          .containsEntry("service/prod/worker ECS.13", Status.FAILED);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "DescribeServices, services, ecs:DescribeServices, :service/",
    "DescribeClusters, clusters, ecs:DescribeClusters, :cluster/",
    "DescribeTaskDefinition, taskDefinition, ecs:DescribeTaskDefinition, :task-definition/"
  })
  void aResourceADescribeLeavesOutIsUnknownNamingTheCall(
      String operation, String field, String call, String kind) throws IOException {
    try (FaultyEndpoint faulty = new FaultyEndpoint(moto.server().endpoint())) {
      faulty.answer(operation, body -> dropFirst(body, field));
      ScanResult result = scan(faulty.endpoint(), 1, null);
      List<Finding> left =
          result.findings().stream()
              .filter(f -> f.message().contains(call + " did not return it"))
              .toList();
      assertThat(left)
          .isNotEmpty()
          .allSatisfy(
              finding -> {
                assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
                assertThat(finding.resourceId()).contains(kind);
              });
      assertThat(result.errors())
          .extracting(InputException::problem)
          .anySatisfy(
              problem ->
                  assertThat(problem)
                      .isEqualTo(
                          call
                              + " did not return it (neither described nor among its failures): its controls are UNKNOWN"));
      if (!operation.equals(
          "DescribeTaskDefinition")) { // those are named by family, without the revision the answer
        // left out
        // Nothing is dropped, but the task sets of a service left out, which only its description
        // names.
        assertThat(result.findings().stream().map(Finding::resourceId).distinct())
            .containsAll(
                clean.findings().stream()
                    .map(Finding::resourceId)
                    .filter(id -> !id.contains(":task-set/"))
                    .distinct()
                    .toList());
      }
    }
  }

  /**
   * The answer without the first of its {@code field} items (or without {@code field}, when it is
   * one object).
   */
  private static String dropFirst(String body, String field) {
    try {
      com.fasterxml.jackson.databind.node.ObjectNode answer =
          (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(body);
      if (answer.get(field) instanceof com.fasterxml.jackson.databind.node.ArrayNode items
          && !items.isEmpty()) {
        items.remove(0);
      } else if (answer.get(field) instanceof com.fasterxml.jackson.databind.node.ObjectNode) {
        answer.remove(field);
      }
      return JSON.writeValueAsString(answer);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void noReportNorProgressShowsTheValueOfAFlaggedVariable() throws IOException {
    StringWriter text = new StringWriter();
    new TextReport(false, true, false).render(clean, text);
    StringWriter json = new StringWriter();
    new JsonReport().render(clean, json);
    assertThat(text.toString()).contains("AWS_SECRET_ACCESS_KEY").doesNotContain(SECRET);
    assertThat(json.toString())
        .contains("AWS_SECRET_ACCESS_KEY")
        .contains("\"apiCalls\"")
        .doesNotContain(SECRET);
    assertThat(progress.toString()).contains("2/2 account-regions").doesNotContain(SECRET);
  }
}
