package dev.ecsguard.aws.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.aws.scan.AwsScan;
import dev.ecsguard.aws.session.AwsOptions;
import dev.ecsguard.control.RemedyOptions;
import dev.ecsguard.control.Status;
import dev.ecsguard.engine.Engine;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanRequest;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.engine.Scanner;
import dev.ecsguard.engine.Selection;
import dev.ecsguard.tree.InputLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.Service;

/** apply and rollback against moto, seeded afresh for each test with seed-apply.py. */
class RemediationTest {
  private static final String SECRET = "PLANTEDapplySECRETvalue98765";
  private static final String PREFIX = "arn:aws:ecs:us-east-1:123456789012:";
  private static final Scanner SCANNER = new Scanner(Selection.defaults(), InputLimits.DEFAULT);
  private static final RemedyOptions CHOICES =
      new RemedyOptions("1000:1000", List.of(), null, Map.of(), false);
  private static ApplyEstate estate;
  private static EcsClient ecs;

  @TempDir Path directory;

  @BeforeAll
  static void start() throws IOException, InterruptedException {
    estate = ApplyEstate.start();
    ecs =
        EcsClient.builder()
            .endpointOverride(estate.moto())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
            .build();
  }

  @AfterAll
  static void stop() {
    if (ecs != null) {
      ecs.close();
    }
    if (estate != null) {
      estate.close();
    }
  }

  @BeforeEach
  void seed() throws IOException, InterruptedException {
    estate.reseed(SECRET);
  }

  private static Remediation remediation() {
    return new Remediation(SCANNER, options(), CHOICES, List.of());
  }

  private static AwsOptions options() {
    return new AwsOptions(
        null, List.of("us-east-1"), List.of(), false, "r", 1, estate.endpoint(), 1);
  }

  private static final List<String> PLANNED =
      List.of(
          "task definition web: register a hardened revision from web:2 (removes ECS.4, ECS.5, ECS.9, ECS.20, ECS.21)",
          "task definition legacy: register a hardened revision from legacy:1 (removes ECS.20, ECSG.1)",
          "service prod/web: task definition web:1 → a hardened copy of web:2, assignPublicIp ENABLED → DISABLED,"
              + " platformVersion 1.3.0 → LATEST, with a new deployment (removes ECS.2, ECSG.12, ECS.10, ECSG.11)",
          "service prod/legacy: task definition legacy:1 → a hardened copy of legacy:1, with a new deployment",
          "cluster prod: containerInsights disabled → enabled (removes ECS.12)",
          "capacity provider spot: managedTerminationProtection DISABLED → ENABLED (removes ECS.19)");

  @Test
  void theDryRunReadsOnlyAndPlansEveryFixableFinding() {
    try (Remediation remediation = remediation()) {
      Remediation.Plan plan = remediation.plan();
      assertThat(plan.errors()).isEmpty();
      assertThat(plan.changes())
          .extracting(Change::describe)
          .containsExactlyInAnyOrderElementsOf(PLANNED);
      assertThat(remediation.apiCalls().keySet())
          .allSatisfy(
              operation -> assertThat(operation).matches("(List|Describe|GetCallerIdentity).*"));
      assertThat(plan.remaining()).containsOnlyKeys("ECS.8", "ECS.9", "ECS.15");
      assertThat(plan.instructions())
          .anySatisfy(step -> assertThat(step).contains("--secret AWS_SECRET_ACCESS_KEY=ARN"))
          .anySatisfy(
              step ->
                  assertThat(step)
                      .endsWith(
                          "service tidy runs tidy:1, not the latest revision tidy:2 (the one checked and fixed);"
                              + " move it to the latest revision when that is intended"));
      String shown =
          plan.changes().stream()
                  .map(change -> change.describe() + change.diff())
                  .collect(Collectors.joining())
              + plan.instructions();
      assertThat(shown).doesNotContain(SECRET).contains("(value not shown)");
    }
    assertThat(revisions("web")).containsExactly("web:1", "web:2");
  }

  @Test
  void whatASuppressionAcceptsIsLeftAsItIs() {
    List<dev.ecsguard.engine.Suppression> accepted =
        List.of(
            new dev.ecsguard.engine.Suppression(
                "ECS.4", "*:task-definition/web:*", "the proxy needs it (SEC-1)", null, "test"),
            new dev.ecsguard.engine.Suppression(
                "ECS.12", "*:cluster/prod", "cost (SEC-2)", null, "test"));
    try (Remediation remediation = new Remediation(SCANNER, options(), CHOICES, accepted)) {
      Remediation.Plan plan = remediation.plan();
      Change web =
          plan.changes().stream()
              .filter(change -> change.describe().startsWith("task definition web"))
              .findFirst()
              .orElseThrow();
      assertThat(web.describe()).doesNotContain("ECS.4");
      assertThat(web.diff()).doesNotContain("-      \"privileged\"");
      assertThat(plan.changes())
          .extracting(Change::describe)
          .noneMatch(change -> change.startsWith("cluster prod"));
      assertThat(plan.instructions())
          .anySatisfy(
              step ->
                  assertThat(step)
                      .contains(
                          "left alone: ECS.4 on "
                              + PREFIX
                              + "task-definition/web:2, suppressed: the proxy needs it"));
      assertThat(plan.remaining()).doesNotContainKeys("ECS.4", "ECS.12");
    }
  }

  @Test
  void skippedControlsAreLeftAsTheyAre() {
    try (Remediation remediation =
        new Remediation(
            SCANNER,
            options(),
            CHOICES.leavingAlone(List.of("ECS.2", "ECS.10", "ECS.12", "ECS.4")),
            List.of())) {
      Remediation.Plan plan = remediation.plan();
      assertThat(plan.changes())
          .extracting(Change::describe)
          .noneMatch(
              change ->
                  change.contains("assignPublicIp")
                      || change.contains("platformVersion")
                      || change.startsWith("cluster"))
          .allSatisfy(change -> assertThat(change).doesNotContain("ECS.4"));
      assertThat(plan.remaining()).doesNotContainKeys("ECS.2", "ECS.10", "ECS.12", "ECS.4");
    }
  }

  @Test
  void applyMakesExactlyThePlanLeavesNothingFixableAndNeverDeregisters() throws IOException {
    Path file = directory.resolve("journal.json");
    List<String> progress = new ArrayList<>();
    try (Remediation remediation = remediation()) {
      Remediation.Plan plan = remediation.plan();
      Remediation.Outcome outcome =
          remediation.apply(plan, Journal.create(file), Duration.ofSeconds(30), progress::add);
      assertThat(outcome.failure()).isNull();
      assertThat(outcome.done()).hasSize(PLANNED.size());
      for (int i = 0; i < plan.changes().size(); i++) {
        assertThat(outcome.done().get(i))
            .startsWith(plan.changes().get(i).describe()); // the dry run is what happens
      }
      assertThat(progress)
          .anySatisfy(line -> assertThat(line).isEqualTo("steady: service prod/web"));
    }
    assertThat(revisions("web")).containsExactly("web:1", "web:2", "web:3");
    assertThat(service("web").taskDefinition()).isEqualTo(PREFIX + "task-definition/web:3");
    assertThat(service("web").networkConfiguration().awsvpcConfiguration().assignPublicIpAsString())
        .isEqualTo("DISABLED");
    assertThat(service("legacy").taskDefinition()).isEqualTo(PREFIX + "task-definition/legacy:2");
    assertThat(service("tidy").taskDefinition()).endsWith("tidy:1");

    Map<String, Status> failed = failedAfterwards();
    assertThat(failed.keySet()).allSatisfy(key -> assertThat(key).matches(".* ECS\\.(8|9|15)"));

    String journal = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(journal)
        .doesNotContain(SECRET)
        .contains("\"state\": \"complete\"")
        .doesNotContain("\"state\": \"started\"");
    try (Remediation again = remediation()) {
      assertThat(again.plan().changes()).isEmpty(); // fixing twice changes nothing
    }
  }

  @Test
  void rollbackRestoresRevisionsAndSettingsAndKeepsTheRegisteredRevisions() throws Exception {
    Path file = directory.resolve("journal.json");
    try (Remediation remediation = remediation()) {
      assertThat(
              remediation
                  .apply(remediation.plan(), Journal.create(file), null, line -> {})
                  .complete())
          .isTrue();
    }
    try (Rollback rollback = new Rollback(options())) {
      Journal journal = Journal.read(file);
      Rollback.Plan plan = rollback.plan(journal);
      assertThat(plan.errors()).isEmpty();
      // Newest first: the capacity provider, the cluster, then the services.
      assertThat(plan.undos())
          .extracting(Rollback.Undo::description)
          .startsWith(
              "capacity provider spot: managedTerminationProtection back to DISABLED",
              "cluster prod: containerInsights back to disabled");
      assertThat(plan.undos())
          .extracting(Rollback.Undo::description)
          .containsExactlyInAnyOrder(
              "capacity provider spot: managedTerminationProtection back to DISABLED",
              "cluster prod: containerInsights back to disabled",
              "service prod/legacy: task definition back to legacy:1, with a new deployment",
              "service prod/web: task definition back to web:1, assignPublicIp back to ENABLED, platformVersion back to 1.3.0, with a new deployment");
      assertThat(plan.notes())
          .anySatisfy(note -> assertThat(note).contains("web:3 stays registered"));
      assertThat(rollback.apply(plan, journal, Duration.ofSeconds(30), line -> {}).complete())
          .isTrue();
    }
    assertThat(service("web").taskDefinition()).endsWith("task-definition/web:1");
    assertThat(service("web").platformVersion()).isEqualTo("1.3.0");
    assertThat(service("web").networkConfiguration().awsvpcConfiguration().assignPublicIpAsString())
        .isEqualTo("ENABLED");
    assertThat(service("legacy").taskDefinition()).endsWith("task-definition/legacy:1");
    assertThat(containerInsights()).isEqualTo("disabled");
    assertThat(revisions("web")).containsExactly("web:1", "web:2", "web:3");
    assertThat(Files.readString(file)).contains("\"state\": \"rolled back\"");
    try (Rollback again = new Rollback(options())) {
      assertThat(again.plan(Journal.read(file)).undos()).isEmpty();
    }
  }

  @Test
  void rollbackLeavesAloneWhatChangedSince() throws Exception {
    Path file = directory.resolve("journal.json");
    try (Remediation remediation = remediation()) {
      remediation.apply(remediation.plan(), Journal.create(file), null, line -> {});
    }
    ecs.updateService(r -> r.cluster("prod").service("legacy").taskDefinition("legacy:1"));
    // As if the run had been killed during the cluster's call.
    Files.writeString(
        file,
        Files.readString(file)
            .replaceFirst(
                "(?s)(\"state\": )\"done\"(,\\s+\"account\": \"[0-9]+\",\\s+\"region\": \"[a-z0-9-]+\",\\s+\"action\": \"UpdateCluster\")",
                "$1\"started\"$2"));
    try (Rollback rollback = new Rollback(options())) {
      Rollback.Plan plan = rollback.plan(Journal.read(file));
      assertThat(plan.notes())
          .anySatisfy(
              note ->
                  assertThat(note)
                      .startsWith("cluster prod")
                      .endsWith(
                          "started but never confirmed (the run stopped during the call); check it by hand"));
      assertThat(plan.undos())
          .extracting(Rollback.Undo::description)
          .noneMatch(undo -> undo.startsWith("cluster prod"));
      assertThat(plan.undos())
          .extracting(Rollback.Undo::description)
          .noneMatch(undo -> undo.startsWith("service prod/legacy"));
      assertThat(plan.notes())
          .anySatisfy(
              note ->
                  assertThat(note)
                      .startsWith("service prod/legacy")
                      .contains("left alone, taskDefinition is now legacy:1"));
    }
  }

  @Test
  void aFailureStopsTheRunAndLeavesAJournalThatRollsBack() throws Exception {
    estate.faults().fail("UpdateService", "us-east-1", 400, "AccessDeniedException");
    Path file = directory.resolve("journal.json");
    Remediation.Outcome outcome;
    try (Remediation remediation = remediation()) {
      outcome = remediation.apply(remediation.plan(), Journal.create(file), null, line -> {});
    }
    assertThat(outcome.complete()).isFalse();
    assertThat(outcome.failure())
        .contains("ecs:UpdateService failed (AccessDeniedException)")
        .contains("stopped there");
    assertThat(outcome.done()).hasSize(2); // the two registrations
    assertThat(containerInsights()).isEqualTo("disabled"); // nothing after the failure was tried
    String journal = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(journal)
        .contains("\"state\": \"stopped\"")
        .contains("\"state\": \"failed\"")
        .doesNotContain("UpdateCluster");
    try (Rollback rollback = new Rollback(options())) {
      Rollback.Plan plan = rollback.plan(Journal.read(file));
      assertThat(plan.undos()).isEmpty();
      assertThat(plan.notes())
          .hasSize(2)
          .allSatisfy(note -> assertThat(note).contains("stays registered"));
    }
  }

  @Test
  void aChangeAwsMadeButAnsweredWithA5xxIsOutcomeUnknownAndRollbackUndoesIt() throws Exception {
    estate.faults().failAfterReaching("UpdateCluster", "us-east-1", 1, 500, "ServerException");
    Path file = directory.resolve("journal.json");
    Remediation.Outcome outcome;
    try (Remediation remediation = remediation()) {
      outcome = remediation.apply(remediation.plan(), Journal.create(file), null, line -> {});
    }
    assertThat(outcome.failure())
        .contains(
            "cluster prod: containerInsights disabled → enabled (removes ECS.12): ecs:UpdateCluster failed (ServerException)"
                + " after the request may have reached AWS: its outcome is unknown");
    assertThat(containerInsights()).isEqualTo("enabled"); // AWS made it
    assertThat(Files.readString(file)).contains("\"state\": \"outcome unknown\"");
    try (Rollback rollback = new Rollback(options())) {
      Journal journal = Journal.read(file);
      Rollback.Plan plan = rollback.plan(journal);
      assertThat(plan.undos())
          .extracting(Rollback.Undo::description)
          .contains("cluster prod: containerInsights back to disabled");
      assertThat(plan.notes())
          .contains(
              "cluster prod: containerInsights disabled → enabled (removes ECS.12): its outcome was unknown; AWS shows it was made, so it is undone");
      assertThat(rollback.apply(plan, journal, null, line -> {}).complete()).isTrue();
    }
    assertThat(containerInsights()).isEqualTo("disabled");
  }

  @Test
  void aChangeAnsweredWithA5xxThatAwsDidNotMakeIsSaidToBeNotMade() throws Exception {
    estate.faults().fail("UpdateCluster", "us-east-1", 503, "ServiceUnavailableException");
    Path file = directory.resolve("journal.json");
    try (Remediation remediation = remediation()) {
      assertThat(
              remediation
                  .apply(remediation.plan(), Journal.create(file), null, line -> {})
                  .failure())
          .contains("its outcome is unknown");
    }
    assertThat(Files.readString(file)).contains("\"state\": \"outcome unknown\"");
    try (Rollback rollback = new Rollback(options())) {
      Rollback.Plan plan = rollback.plan(Journal.read(file));
      assertThat(plan.undos())
          .extracting(Rollback.Undo::description)
          .noneMatch(undo -> undo.startsWith("cluster prod"));
      assertThat(plan.notes())
          .contains(
              "cluster prod: containerInsights disabled → enabled (removes ECS.12): its outcome was unknown; AWS shows it was not made; nothing to undo");
    }
  }

  @Test
  void anUndoAwsMadeButAnsweredWithA5xxIsSeenAsUndoneByTheNextRollback() throws Exception {
    Path file = directory.resolve("journal.json");
    try (Remediation remediation = remediation()) {
      assertThat(
              remediation
                  .apply(remediation.plan(), Journal.create(file), null, line -> {})
                  .complete())
          .isTrue();
    }
    estate
        .faults()
        .failAfterReaching("UpdateCapacityProvider", "us-east-1", 1, 500, "ServerException");
    try (Rollback rollback = new Rollback(options())) {
      Journal journal = Journal.read(file);
      assertThat(rollback.apply(rollback.plan(journal), journal, null, line -> {}).failure())
          .contains(
              "ecs:UpdateCapacityProvider failed (ServerException) after the request may have reached AWS: run rollback again to see whether it was made");
    }
    try (Rollback again = new Rollback(options())) {
      Rollback.Plan plan = again.plan(Journal.read(file));
      assertThat(plan.notes())
          .contains(
              "capacity provider spot: managedTerminationProtection DISABLED → ENABLED (removes ECS.19): already as it was before; nothing to undo");
      assertThat(plan.undos())
          .extracting(Rollback.Undo::description)
          .noneMatch(undo -> undo.startsWith("capacity provider"));
    }
  }

  @Test
  void aRetriedRegistrationThatLeftTwoRevisionsIsJournalledWithBoth() throws Exception {
    // AWS registers the first attempt but answers 500; the SDK's retry registers another.
    estate
        .faults()
        .failAfterReaching("RegisterTaskDefinition", "us-east-1", 1, 500, "ServerException");
    Path file = directory.resolve("journal.json");
    AwsOptions retrying =
        new AwsOptions(null, List.of("us-east-1"), List.of(), false, "r", 1, estate.endpoint(), 2);
    try (Remediation remediation = new Remediation(SCANNER, retrying, CHOICES, List.of())) {
      Remediation.Outcome outcome =
          remediation.apply(remediation.plan(), Journal.create(file), null, line -> {});
      assertThat(outcome.complete()).as(outcome.failure()).isTrue();
    }
    assertThat(revisions("web")).containsExactly("web:1", "web:2", "web:3", "web:4");
    com.fasterxml.jackson.databind.JsonNode web =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(file.toFile())
            .path("changes")
            .get(0);
    assertThat(web.path("family").asText()).isEqualTo("web");
    assertThat(web.path("revisions").toString())
        .isEqualTo(
            "[\"" + PREFIX + "task-definition/web:3\",\"" + PREFIX + "task-definition/web:4\"]");
    try (Rollback rollback = new Rollback(options())) {
      assertThat(rollback.plan(Journal.read(file)).notes())
          .anySatisfy(note -> assertThat(note).startsWith("web:3, web:4 stay registered"));
    }
  }

  @Test
  void aFamilyWhoseOnlyFixableEditWouldChangeNoVerdictGetsNoRevision() throws Exception {
    estate.reseedWith("/dev/ecsguard/aws/seed-privileged-false.py");
    try (Remediation remediation = remediation()) {
      Remediation.Plan plan = remediation.plan();
      assertThat(plan.errors()).isEmpty();
      assertThat(plan.changes())
          .isEmpty(); // privileged: false passes ECS.4; removing it fixes nothing
      assertThat(plan.remaining()).containsOnlyKeys("ECS.15");
    }
  }

  private static Service service(String name) {
    return ecs.describeServices(r -> r.cluster("prod").services(name)).services().get(0);
  }

  private static String containerInsights() {
    return ecs
        .describeClusters(r -> r.clusters("prod").include(ClusterField.SETTINGS))
        .clusters()
        .get(0)
        .settings()
        .stream()
        .filter(s -> s.nameAsString().equals("containerInsights"))
        .map(s -> s.value())
        .findFirst()
        .orElse(null);
  }

  private static List<String> revisions(String family) {
    return ecs
        .listTaskDefinitions(r -> r.familyPrefix(family).status("ACTIVE"))
        .taskDefinitionArns()
        .stream()
        .map(arn -> arn.substring(arn.lastIndexOf('/') + 1))
        .filter(name -> name.startsWith(family + ":"))
        .sorted()
        .toList();
  }

  /** FAILED findings of a fresh live scan, as "resource control". */
  private static Map<String, Status> failedAfterwards() {
    ScanResult result =
        Engine.scan(ScanRequest.builder().input(new AwsScan(options(), null)).build());
    assertThat(result.errors()).isEmpty();
    return result.findings().stream()
        .filter(f -> f.status() == Status.FAILED)
        .collect(Collectors.toMap(f -> f.resourceId() + " " + f.control().id(), Finding::status));
  }
}
