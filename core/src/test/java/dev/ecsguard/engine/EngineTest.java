package dev.ecsguard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsguard.control.Status;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's one entry point: a ScanRequest's parts, each applied. */
class EngineTest {
  private static final Path LEGACY_WORKER = Path.of("../examples/legacy-worker.json");
  private static final String PRIVILEGED =
      "{\"family\": \"web\", \"containerDefinitions\": [{\"name\": \"web\", \"image\": \"nginx\", \"privileged\": true}]}";

  @TempDir Path directory;

  @Test
  void aControlIdOrParameterThatIsNotKnownIsRefusedWhenTheRequestIsBuilt() {
    assertThatThrownBy(() -> ScanRequest.builder().only(List.of("ECS.6")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown control ECS.6");
    assertThatThrownBy(() -> ScanRequest.builder().parameter("ECS.13.colour", "red").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("colour");
  }

  @Test
  void laterSettingsAddToEarlierOnesAndALaterParameterValueWins() {
    ScanRequest request =
        ScanRequest.builder()
            .skip(List.of("ECS.13"))
            .skip(List.of("ECS.14"))
            .parameters(Map.of("ECS.15.requiredTagKeys", "team"))
            .parameter("ECS.15.requiredTagKeys", "owner")
            .build();
    assertThat(request.selection().entries())
        .extracting(entry -> entry.control().info().id())
        .doesNotContain("ECS.13", "ECS.14")
        .contains("ECS.15");
    assertThat(
            Engine.scan(
                    ScanRequest.builder()
                        .only(List.of("ECS.15"))
                        .parameter("ECS.15.requiredTagKeys", "team")
                        .parameter("ECS.15.requiredTagKeys", "owner")
                        .stream(
                            new ByteArrayInputStream(
                                "{\"family\": \"web\", \"tags\": [{\"key\": \"team\", \"value\": \"a\"}], \"containerDefinitions\": []}"
                                    .getBytes(StandardCharsets.UTF_8)),
                            "td.json")
                        .build())
                .findings())
        .singleElement()
        .extracting(Finding::status)
        .isEqualTo(Status.FAILED);
  }

  @Test
  void inputsAreReadInTheOrderGivenAndAStreamCarriesItsName() {
    ScanResult result =
        Engine.scan(
            ScanRequest.builder().only(List.of("ECS.4")).stream(
                    new ByteArrayInputStream(PRIVILEGED.getBytes(StandardCharsets.UTF_8)),
                    "<stdin>")
                .path(LEGACY_WORKER)
                .path(directory.resolve("missing.json"))
                .build());
    assertThat(result.findings())
        .extracting(finding -> finding.location().file())
        .containsExactly("<stdin>", LEGACY_WORKER.toString());
    assertThat(result.files()).isEqualTo(2);
    assertThat(result.errors())
        .singleElement()
        .extracting(Throwable::getMessage)
        .asString()
        .contains("missing.json");
  }

  @Test
  void suppressionsAreJudgedOnTheRequestsDay() {
    Suppression accepted =
        new Suppression(
            "ECS.4",
            "*legacy-worker*",
            "vendor agent",
            LocalDate.of(2030, 1, 31),
            ".ecsguard.yml:3");
    ScanRequest.Builder request =
        ScanRequest.builder()
            .only(List.of("ECS.4"))
            .path(LEGACY_WORKER)
            .suppressions(List.of(accepted));

    ScanResult inForce = Engine.scan(request.today(LocalDate.of(2030, 1, 31)).build());
    assertThat(inForce.findings())
        .singleElement()
        .extracting(Finding::suppression)
        .isEqualTo(accepted);
    assertThat(inForce.failing(dev.ecsguard.control.Severity.LOW)).isZero();

    ScanResult expired = Engine.scan(request.today(LocalDate.of(2030, 2, 1)).build());
    assertThat(expired.findings()).singleElement().extracting(Finding::suppressed).isEqualTo(false);
    assertThat(expired.notes())
        .extracting(Note::message)
        .containsExactly(
            "the suppression of ECS.4 on *legacy-worker* expired on 2030-01-31; it no longer applies");
  }

  @Test
  void inlineSuppressionsAreJudgedOnTheRequestsDayToo(@TempDir Path directory) throws Exception {
    Path template =
        Files.writeString(
            directory.resolve("template.yaml"),
            """
            Resources:
              Task:
                Type: AWS::ECS::TaskDefinition
                Metadata:
                  ecsguard:
                    suppress:
                      - control: ECS.4
                        reason: vendor agent
                        expires: "2030-01-31"
                Properties:
                  ContainerDefinitions:
                    - Name: agent
                      Image: vendor/agent:1
                      Privileged: true
            """);
    ScanRequest.Builder request = ScanRequest.builder().only(List.of("ECS.4")).path(template);
    assertThat(Engine.scan(request.today(LocalDate.of(2030, 1, 31)).build()).findings())
        .singleElement()
        .extracting(Finding::suppressed)
        .isEqualTo(true);
    assertThat(Engine.scan(request.today(LocalDate.of(2030, 2, 1)).build()).findings())
        .singleElement()
        .extracting(Finding::suppressed)
        .isEqualTo(false);
  }

  @Test
  void aBaselineMarksTheFailedFindingsItHolds() throws Exception {
    Path file = directory.resolve("baseline.json");
    Baseline.write(
        Engine.scan(ScanRequest.builder().only(List.of("ECS.4")).path(LEGACY_WORKER).build()),
        file);

    ScanResult result =
        Engine.scan(
            ScanRequest.builder()
                .only(List.of("ECS.4", "ECS.17"))
                .path(LEGACY_WORKER)
                .baseline(Baseline.read(file, "baseline.json"))
                .build());
    assertThat(result.findings())
        .extracting(finding -> finding.control().id() + " " + finding.suppressed())
        .containsExactly("ECS.4 true", "ECS.17 false");
  }

  @Test
  void aBaselineNamesFilesFromTheirRepositoryRootSoAnyFormOfThePathMatches() throws Exception {
    Path infra = Files.createDirectories(directory.resolve("repo/infra"));
    Files.createDirectory(directory.resolve("repo/.git"));
    Path task = Files.writeString(infra.resolve("task.json"), PRIVILEGED);
    Path file = directory.resolve("baseline.json");
    Baseline.write(
        Engine.scan(ScanRequest.builder().only(List.of("ECS.4")).path(task).build()), file);
    assertThat(Files.readString(file))
        .contains("\"paths\" : \"repository\"", "\"file\" : \"infra/task.json\"");

    Path relative = Path.of("").toAbsolutePath().relativize(task); // ../../../tmp/…: another form
    assertThat(relative.toString()).startsWith("..");
    for (Path form : List.of(relative, infra.resolve("../infra/task.json"))) {
      assertThat(
              Engine.scan(
                      ScanRequest.builder()
                          .only(List.of("ECS.4"))
                          .path(form)
                          .baseline(Baseline.read(file, "baseline.json"))
                          .build())
                  .findings())
          .as(form.toString())
          .singleElement()
          .extracting(Finding::suppressed)
          .isEqualTo(true);
    }
  }

  @Test
  void aBaselineOfPathsAsGivenStillMatchesByThemButOneFromTheRootDoesNot() throws Exception {
    Path task = Files.writeString(directory.resolve("task.json"), PRIVILEGED);
    Path relative = Path.of("").toAbsolutePath().relativize(task);
    ScanRequest.Builder scan = ScanRequest.builder().only(List.of("ECS.4")).path(relative);
    String asGiven = Engine.scan(scan.build()).findings().getFirst().fingerprint();
    Path older = directory.resolve("older.json");
    Files.writeString(
        older, "{\"schemaVersion\": 1, \"findings\": [{\"fingerprint\": \"" + asGiven + "\"}]}");
    assertThat(Engine.scan(scan.baseline(Baseline.read(older, "older.json")).build()).findings())
        .singleElement()
        .extracting(Finding::suppressed)
        .isEqualTo(true);

    Path marked = directory.resolve("marked.json");
    Files.writeString(
        marked,
        "{\"schemaVersion\": 1, \"paths\": \"repository\", \"findings\": [{\"fingerprint\": \""
            + asGiven
            + "\"}]}");
    assertThat(Engine.scan(scan.baseline(Baseline.read(marked, "marked.json")).build()).findings())
        .as("a baseline that names files from the root matches by that form only")
        .singleElement()
        .extracting(Finding::suppressed)
        .isEqualTo(false);
  }

  @Test
  void aStandardSelectsItsControlsAndComposesWithOnlyAndSkip() {
    List<String> securityHub =
        ids(ScanRequest.builder().standards(Selection.standards("securityhub")).build());
    assertThat(securityHub)
        .allMatch(id -> id.startsWith("ECS."))
        .contains("ECS.4")
        .doesNotContain("ECS.1"); // retired: only when named
    assertThat(ids(ScanRequest.builder().standards(Selection.standards("ECSGUARD")).build()))
        .allMatch(id -> id.startsWith("ECSG."))
        .contains("ECSG.1");
    assertThat(ids(ScanRequest.builder().build())).containsAll(securityHub).contains("ECSG.1");
    assertThat(
            ids(
                ScanRequest.builder()
                    .standards(Selection.standards("securityhub"))
                    .only(List.of("ECS.1", "ECS.4"))
                    .skip(List.of("ECS.4", "ECSG.1")) // one of another standard is no error
                    .build()))
        .containsExactly("ECS.1");
    assertThatThrownBy(
            () ->
                ScanRequest.builder()
                    .standards(Selection.standards("securityhub"))
                    .only(List.of("ECSG.1"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ECSG.1 is a control of ecsguard");
    assertThatThrownBy(() -> Selection.standards("cis"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("securityhub")
        .hasMessageNotContaining("cis");
  }

  @Test
  void fixLeavesAloneOtherStandardsButNotARemedyItShares() {
    assertThat(Selection.outside(Selection.standards("securityhub")))
        .contains("ECSG.2")
        .doesNotContain("ECSG.1", "ECS.4"); // ECS.20's remedy fixes ECSG.1 too
    assertThat(Selection.outside(Selection.standards("ecsguard")))
        .contains("ECS.4")
        .doesNotContain("ECS.20", "ECSG.2");
    assertThat(Selection.outside(Selection.standards("all"))).isEmpty();
  }

  @Test
  void theResultSaysWhichStandardsRanAndTheBaselineGivesTheEarlierScore() throws Exception {
    Path task = Files.writeString(directory.resolve("td.json"), PRIVILEGED);
    ScanResult before =
        Engine.scan(ScanRequest.builder().only(List.of("ECS.4", "ECS.5")).path(task).build());
    assertThat(before.standards()).containsExactly(dev.ecsguard.control.Standard.SECURITY_HUB);
    Path baseline = directory.resolve("baseline.json");
    Baseline.write(before, baseline);
    Files.writeString(task, PRIVILEGED.replace("\"privileged\": true", "\"privileged\": false"));
    ScanResult after =
        Engine.scan(
            ScanRequest.builder()
                .only(List.of("ECS.4", "ECS.5", "ECSG.1"))
                .baseline(Baseline.read(baseline, "baseline.json"))
                .path(task)
                .build());
    assertThat(after.earlierSecurityHubScore()).isEqualTo(new SecurityHubScore(0, 2, 0));
    assertThat(after.securityHubScore()).isEqualTo(new SecurityHubScore(1, 1, 0));
    assertThat(after.baselineWithoutScore()).isFalse();

    ScanResult ecsguardOnly =
        Engine.scan(
            ScanRequest.builder()
                .standards(Selection.standards("ecsguard"))
                .baseline(Baseline.read(baseline, "baseline.json"))
                .path(task)
                .build());
    assertThat(ecsguardOnly.securityHubScore()).isNull();
    assertThat(ecsguardOnly.earlierSecurityHubScore()).isNull();

    Path old =
        Files.writeString(
            directory.resolve("old.json"), "{\"schemaVersion\": 1, \"findings\": []}");
    ScanResult withOld =
        Engine.scan(
            ScanRequest.builder().baseline(Baseline.read(old, "old.json")).path(task).build());
    assertThat(withOld.earlierSecurityHubScore()).isNull();
    assertThat(withOld.baselineWithoutScore()).isTrue();
  }

  private static List<String> ids(ScanRequest request) {
    return request.selection().entries().stream()
        .map(entry -> entry.control().info().id())
        .toList();
  }
}
