package dev.ecsguard.aws.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.aws.session.AwsOptions;
import dev.ecsguard.catalog.Catalogue;
import dev.ecsguard.control.ControlSpec;
import dev.ecsguard.control.Remedy;
import dev.ecsguard.control.RemedyContext;
import dev.ecsguard.control.RemedyOptions;
import dev.ecsguard.control.RequiredTags;
import dev.ecsguard.control.Severity;
import dev.ecsguard.engine.Scanner;
import dev.ecsguard.engine.Selection;
import dev.ecsguard.model.ResourceType;
import dev.ecsguard.model.Service;
import dev.ecsguard.tree.InputLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The redeploy a service running an older revision gets when a control's remedy asks for its
 * family's latest revision (taskDefinition set to the family's name, as UpdateService reads it):
 * planned in the dry run, made with a new deployment, journalled with the revision before, rolled
 * back; not offered when the latest revision fails the same. The remedy here is the tests' own,
 * given by a stand-in for the service tag control, so that untagged services ask for it.
 */
class RedeployTest {
  private static final String SECRET = "PLANTEDredeploySECRETvalue4242";
  private static final String PREFIX = "arn:aws:ecs:us-east-1:123456789012:task-definition/";
  private static final Scanner SCANNER = new Scanner(Selection.defaults(), InputLimits.DEFAULT);
  private static final RemedyOptions CHOICES =
      new RemedyOptions("1000:1000", List.of(), null, Map.of(), false);
  private static final List<Remedy> REDEPLOYING =
      Remedy.givenBy(List.of(new UntaggedServiceRedeploys()));
  private static ApplyEstate estate;
  private static EcsClient ecs;

  @TempDir Path directory;

  /** Asks for the family's latest revision: what a control about the running revision gives. */
  static final class LatestRevision extends Remedy {
    @Override
    public void resource(ObjectNode service, RemedyContext context) {
      String running = service.path("taskDefinition").asText();
      String revision = running.substring(running.lastIndexOf('/') + 1);
      service.put("taskDefinition", revision.replaceFirst(":\\d+$", ""));
    }
  }

  @ControlSpec(
      id = "ECS.13",
      title = "Services must be tagged",
      severity = Severity.LOW,
      resourceType = ResourceType.SERVICE,
      configRule = "tagged-ecs-service",
      remediation = "Redeploy.")
  static final class UntaggedServiceRedeploys extends RequiredTags<Service> {
    UntaggedServiceRedeploys() {
      super(Service.class, "service", Service::tags);
    }

    @Override
    public Optional<Remedy> remedy() {
      return Optional.of(new LatestRevision());
    }
  }

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
    estate.reseedWith("/dev/ecsguard/aws/seed-redeploy.py", SECRET);
  }

  private static Remediation remediation() {
    return new Remediation(
        SCANNER,
        options(),
        CHOICES,
        List.of(),
        type -> {
          List<Remedy> remedies = new ArrayList<>(Catalogue.remedies(type));
          if (type == ResourceType.SERVICE) {
            remedies.addAll(REDEPLOYING);
          }
          return remedies;
        });
  }

  private static AwsOptions options() {
    return new AwsOptions(
        null, List.of("us-east-1"), List.of(), false, "r", 1, estate.endpoint(), 1);
  }

  /**
   * The catalogue's own: ECSG.11 finds that service old runs web:1, privileged where web:2 is not,
   * across the live scan's documents (the latest revisions first, the running ones after), and its
   * remedy asks for the redeploy; stale:1 fails ECS.8 as stale:2 does, so the family comes first.
   */
  @Test
  void ecsg11AsksForTheRedeployOfAServiceOnAnOlderRevision() {
    try (Remediation remediation =
        new Remediation(SCANNER, options(), CHOICES, List.of(), Catalogue::remedies)) {
      Remediation.Plan plan = remediation.plan();
      assertThat(plan.errors()).isEmpty();
      assertThat(plan.changes())
          .extracting(Change::describe)
          .anySatisfy(
              change ->
                  assertThat(change)
                      .startsWith("service prod/old: task definition web:1 → web:2")
                      .contains("ECSG.11"))
          .noneSatisfy(change -> assertThat(change).contains("prod/new"))
          .noneSatisfy(change -> assertThat(change).contains("stale:2"));
      assertThat(plan.instructions())
          .anySatisfy(
              step ->
                  assertThat(step).contains("service behind runs stale:1", "fix the family first"));
      String shown = String.join("\n", plan.instructions()) + plan.changes();
      assertThat(shown).doesNotContain(SECRET);
    }
  }

  @Test
  void theDryRunOffersTheRedeployOnlyWhereTheLatestRevisionPassesWhatTheRunningOneFails() {
    try (Remediation remediation = remediation()) {
      Remediation.Plan plan = remediation.plan();
      assertThat(plan.errors()).isEmpty();
      assertThat(plan.changes())
          .extracting(Change::describe)
          .containsExactly(
              "service prod/old: task definition web:1 → web:2, its family's latest revision,"
                  + " with a new deployment (removes ECSG.11, ECS.13)");
      assertThat(plan.instructions())
          .anySatisfy(
              step ->
                  assertThat(step)
                      .isEqualTo(
                          "123456789012 us-east-1: service behind runs stale:1, which fails ECS.8 as the latest revision"
                              + " stale:2 does: fix the family first (a revision that passes them), then redeploy the service to it"))
          .noneSatisfy(step -> assertThat(step).contains("service old"))
          .noneSatisfy(step -> assertThat(step).contains("service new"));
      assertThat(plan.apiCalls().keySet())
          .allSatisfy(call -> assertThat(call).matches("(List|Describe|Get).*"));
      // web:1 and stale:1 are described once more, being run by a service.
      assertThat(plan.apiCalls()).containsEntry("DescribeTaskDefinition", 4L);
      String shown = String.join("\n", plan.instructions()) + plan.changes();
      assertThat(shown).doesNotContain(SECRET);
    }
  }

  @Test
  void theRedeployIsMadeJournalledAndRolledBack() throws Exception {
    Path file = directory.resolve("journal.json");
    try (Remediation remediation = remediation()) {
      Remediation.Outcome outcome =
          remediation.apply(
              remediation.plan(), Journal.create(file), Duration.ofSeconds(30), line -> {});
      assertThat(outcome.failure()).isNull();
      assertThat(outcome.done()).hasSize(1);
    }
    assertThat(taskDefinition("old")).isEqualTo(PREFIX + "web:2");
    assertThat(taskDefinition("new")).isEqualTo(PREFIX + "web:2");
    assertThat(taskDefinition("behind")).isEqualTo(PREFIX + "stale:1");
    String journal = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(journal).doesNotContain(SECRET);
    var entry = new ObjectMapper().readTree(journal).path("changes").get(0);
    assertThat(entry.path("action").asText()).isEqualTo("UpdateService");
    assertThat(entry.path("before").path("taskDefinition").asText()).isEqualTo(PREFIX + "web:1");
    assertThat(entry.path("after").path("taskDefinition").asText()).isEqualTo(PREFIX + "web:2");
    try (Remediation again = remediation()) {
      assertThat(again.plan().changes()).isEmpty(); // it runs the latest revision now
    }

    try (Rollback rollback = new Rollback(options())) {
      Rollback.Plan plan = rollback.plan(Journal.read(file));
      assertThat(plan.undos())
          .extracting(Rollback.Undo::description)
          .containsExactly(
              "service prod/old: task definition back to web:1, with a new deployment");
      assertThat(rollback.apply(plan, Journal.read(file), null, line -> {}).complete()).isTrue();
    }
    assertThat(taskDefinition("old")).isEqualTo(PREFIX + "web:1");
  }

  private static String taskDefinition(String service) {
    return ecs.describeServices(r -> r.cluster("prod").services(service))
        .services()
        .get(0)
        .taskDefinition();
  }
}
