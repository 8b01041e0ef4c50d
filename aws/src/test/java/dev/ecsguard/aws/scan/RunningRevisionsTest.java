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
import dev.ecsguard.tree.InputException;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A live scan reads the revision each service and task set runs: each that is not its family's
 * latest ACTIVE revision is described once more, by ARN, and counted; one that cannot be read is
 * UNKNOWN naming the call.
 */
class RunningRevisionsTest {
  private static final String ARN = "arn:aws:ecs:us-east-1:123456789012:task-definition/";
  private static final Pattern NAMED = Pattern.compile("\"taskDefinition\"\\s*:\\s*\"([^\"]+)\"");
  @RegisterExtension static final MotoExtension moto = MotoExtension.started();

  @BeforeAll
  static void seed() throws IOException, InterruptedException {
    moto.server().seed("/dev/ecsguard/aws/seed-running.py");
  }

  private static ScanResult scan(URI endpoint) {
    return Engine.scan(
        ScanRequest.builder()
            .input(
                new AwsScan(
                    new AwsOptions(
                        null, List.of("us-east-1"), List.of(), false, "r", 1, endpoint, 1),
                    null))
            .build());
  }

  /** Scans through an endpoint that records what each DescribeTaskDefinition asked for. */
  private static ScanResult scanRecording(List<String> described) throws IOException {
    try (FaultyEndpoint recording = new FaultyEndpoint(moto.server().endpoint())) {
      recording.rewrite(
          "DescribeTaskDefinition",
          body -> {
            Matcher named = NAMED.matcher(body);
            described.add(named.find() ? named.group(1) : body);
            return body;
          });
      return scan(recording.endpoint());
    }
  }

  @Test
  void eachOlderRunningRevisionIsDescribedOnceByArnAndCounted() throws IOException {
    List<String> described = new CopyOnWriteArrayList<>();
    ScanResult result = scanRecording(described);
    // By family first (moto lists the deregistered family too, and answers with its INACTIVE
    // revision, which is not evaluated; AWS would not list it); then each revision services run
    // that
    // was not described: web:1 once, although two services and a task set run it, the deregistered
    // gone:1 and stale:1. web:2, the latest, is not described again.
    assertThat(described.subList(0, 3)).containsExactly("web", "gone", "stale");
    assertThat(described.subList(3, described.size()))
        .containsExactlyInAnyOrder(ARN + "web:1", ARN + "gone:1", ARN + "stale:1");
    assertThat(result.apiCalls()).containsEntry("DescribeTaskDefinition", 6L);
    assertThat(result.errors())
        .extracting(InputException::problem)
        .noneMatch(p -> p.contains("TaskDefinition"));
  }

  @Test
  void aRunningRevisionThatCannotBeReadIsUnknownNamingTheCallAndTheScanGoesOn() throws IOException {
    try (FaultyEndpoint faulty = new FaultyEndpoint(moto.server().endpoint())) {
      // A revision AWS cannot find: it answers ClientException, as for one not found.
      faulty.rewrite("DescribeTaskDefinition", body -> body.replace("web:1", "web:99"));
      ScanResult result = scan(faulty.endpoint());
      assertThat(result.findings().stream().filter(f -> f.resourceId().equals(ARN + "web:1")))
          .isNotEmpty()
          .allSatisfy(
              finding -> {
                assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
                assertThat(finding.message())
                    .contains("ecs:DescribeTaskDefinition failed (ClientException)");
              });
      assertThat(result.errors())
          .extracting(InputException::getMessage)
          .contains(
              ARN
                  + "web:1: ecs:DescribeTaskDefinition failed (ClientException): its controls are UNKNOWN");
      assertThat(result.findings().stream().map(Finding::resourceId))
          .contains(ARN + "web:2", ARN + "stale:2"); // the rest is read
      assertThat(result.apiCalls()).containsEntry("DescribeTaskDefinition", 6L);
    }
  }
}
