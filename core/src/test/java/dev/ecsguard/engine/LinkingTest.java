package dev.ecsguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.control.Status;
import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan's second phase: only the latest revision of a family is reported (Decided point 1), and
 * the controls across resources see every input of a scan, whichever way the scan is fed.
 */
class LinkingTest {
  @TempDir Path directory;

  private static String revision(int number, boolean privileged) {
    return """
        {"taskDefinition": {"taskDefinitionArn": "arn:aws:ecs:eu-west-1:1:task-definition/web:%d",
          "family": "web", "revision": %d, "status": "ACTIVE",
          "containerDefinitions": [{"name": "app", "privileged": %s}]}}
        """
        .formatted(number, number, privileged);
  }

  private static final String SERVICE =
      """
      {"services": [{"serviceArn": "arn:aws:ecs:eu-west-1:1:service/c/api", "serviceName": "api",
        "taskDefinition": "arn:aws:ecs:eu-west-1:1:task-definition/web:3"}]}
      """;

  @Test
  void onlyTheLatestRevisionOfAFamilyIsReportedAndEachOlderOneIsNoted() {
    ScanResult result =
        Scans.json("[" + revision(5, true) + "," + revision(3, true) + "]", "ECS.4");
    assertThat(result.findings())
        .extracting(Finding::resourceId, Finding::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "arn:aws:ecs:eu-west-1:1:task-definition/web:5", Status.FAILED));
    assertThat(result.notes())
        .singleElement()
        .satisfies(
            note ->
                assertThat(note.message())
                    .startsWith(
                        "revision 3 is not the latest ACTIVE revision 5 of its family in this scan"));
  }

  /**
   * A service still runs revision 3 after it was deregistered: AWS judges it no more, so no
   * task-definition finding names it, but ECSG.11 reads it, and it is never taken for the latest.
   */
  @Test
  void aDeregisteredRevisionAServiceStillRunsIsReadForItAlone() {
    String deregistered = revision(3, true).replace("\"ACTIVE\"", "\"INACTIVE\"");
    String newerDeregistered = revision(7, false).replace("\"ACTIVE\"", "\"INACTIVE\"");
    ScanResult result =
        Scans.json(
            "["
                + revision(5, false)
                + ","
                + deregistered
                + ","
                + newerDeregistered
                + ","
                + SERVICE
                + "]",
            "ECS.4",
            "ECSG.11");
    assertThat(result.findings())
        .extracting(Finding::resourceId, Finding::control)
        .noneMatch(
            tuple ->
                tuple.toList().get(0).toString().endsWith("web:3")
                    || tuple.toList().get(0).toString().endsWith("web:7"));
    assertThat(result.findings())
        .filteredOn(finding -> finding.control().id().equals("ECSG.11"))
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.status()).isEqualTo(Status.FAILED);
              assertThat(finding.message()).contains("web:3", "ECS.4", "web:5");
            });
    assertThat(result.notes())
        .anySatisfy(note -> assertThat(note.message()).startsWith("status INACTIVE"));
  }

  @Test
  void revisionsOfOtherFamiliesAndTaskDefinitionsWithoutNumbersAreEachReported() {
    ScanResult result =
        Scans.json(
            "["
                + revision(3, true)
                + ",{\"family\": \"web\", \"containerDefinitions\": [{\"name\": \"app\", \"privileged\": true}]}"
                + "]",
            "ECS.4");
    assertThat(result.findings()).hasSize(2);
    assertThat(result.notes()).isEmpty();
  }

  @Test
  void aRequestLinksAServiceToATaskDefinitionOfAnotherInput() throws IOException {
    Path revisions = directory.resolve("revisions.json");
    Path services = directory.resolve("services.json");
    Files.writeString(revisions, "[" + revision(3, true) + "," + revision(5, false) + "]");
    Files.writeString(services, SERVICE);
    ScanResult result =
        Engine.scan(
            ScanRequest.builder()
                .path(revisions)
                .path(services)
                .only(List.of("ECSG.11", "ECS.4"))
                .build());
    assertThat(result.findings())
        .extracting(f -> f.control().id() + " " + f.resourceId() + " " + f.status())
        .containsExactlyInAnyOrder(
            "ECS.4 arn:aws:ecs:eu-west-1:1:task-definition/web:5 PASSED",
            "ECSG.11 arn:aws:ecs:eu-west-1:1:service/c/api FAILED");
    assertThat(result.notes()).singleElement().asString().contains("revision 3 is not the latest");
  }

  @Test
  void aTemplateServiceRunsItsOwnTaskDefinitionThoughAnotherTemplateRegistersTheSameFamily()
      throws IOException {
    String taskDefinition =
        """
          %s:
            Type: AWS::ECS::TaskDefinition
            Properties:
              Family: web
              ContainerDefinitions:
                - Name: app
                  Privileged: true
        """;
    // Read first, the other template would be taken for the family's latest revision.
    Path other = directory.resolve("a.yaml");
    Path stack = directory.resolve("b.yaml");
    Files.writeString(other, "Resources:\n" + taskDefinition.formatted("Other"));
    Files.writeString(
        stack,
        "Resources:\n"
            + taskDefinition.formatted("Task")
            + """
              Api:
                Type: AWS::ECS::Service
                Properties:
                  TaskDefinition: !Ref Task
            """);
    ScanResult result =
        Engine.scan(ScanRequest.builder().path(other).path(stack).only(List.of("ECSG.11")).build());
    assertThat(result.findings())
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.status()).isEqualTo(Status.PASSED);
              assertThat(finding.message()).contains("Task, the latest revision");
            });
  }

  @Test
  void documentsScannedTogetherAreLinkedAtTheEndAndOnlyWithinTheirLabels() {
    DocumentReader documents = new DocumentReader(InputLimits.DEFAULT);
    Scanner scanner =
        new Scanner(Selection.of(List.of("ECSG.11"), List.of(), Map.of()), InputLimits.DEFAULT);
    ScanResult result = new ScanResult();
    Map<String, String> one = Map.of("account", "1", "region", "eu-west-1");
    Map<String, String> other = Map.of("account", "2", "region", "eu-west-1");
    scanner.scanTogether(
        result,
        () -> {
          scanner.scan(read(documents, revision(3, true)), one, result);
          scanner.scan(read(documents, revision(5, false)), one, result);
          scanner.scan(read(documents, SERVICE), one, result);
          scanner.scan(read(documents, SERVICE), other, result);
          assertThat(result.findings()).isEmpty();
        });
    assertThat(result.findings())
        .extracting(f -> f.labels().get("account") + " " + f.status())
        .containsExactlyInAnyOrder("1 FAILED", "2 UNKNOWN");
  }

  @Test
  void eachDocumentScannedAloneIsAWholeScan() {
    DocumentReader documents = new DocumentReader(InputLimits.DEFAULT);
    Scanner scanner =
        new Scanner(
            Selection.of(List.of("ECSG.11", "ECS.4"), List.of(), Map.of()), InputLimits.DEFAULT);
    ScanResult result = new ScanResult();
    scanner.scan(read(documents, revision(3, true)), Map.of(), result);
    assertThat(result.findings()).extracting(Finding::status).containsExactly(Status.FAILED);
    scanner.scan(read(documents, SERVICE), Map.of(), result);
    assertThat(result.findings())
        .extracting(Finding::status)
        .containsExactly(Status.FAILED, Status.UNKNOWN);
  }

  private static dev.ecsguard.tree.Document read(DocumentReader documents, String json) {
    try {
      return documents.read(json.getBytes(StandardCharsets.UTF_8), "aws.json");
    } catch (InputException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }
}
