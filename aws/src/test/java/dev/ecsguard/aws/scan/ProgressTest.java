package dev.ecsguard.aws.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.aws.session.ApiCalls;
import dev.ecsguard.aws.session.AwsSession.Account;
import dev.ecsguard.aws.session.AwsSession.Target;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A live scan's progress: redrawn on a terminal, logged at an interval elsewhere, with an ETA. */
class ProgressTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final List<Target> FOUR =
      List.of(
          new Target(new Account("111111111111", null), "eu-west-1"),
          new Target(new Account("111111111111", null), "us-east-1"),
          new Target(new Account("222222222222", null), "eu-west-1"),
          new Target(new Account("222222222222", null), "us-east-1"));

  private final AtomicReference<Instant> now = new AtomicReference<>(START);
  private final InstantSource clock = now::get;
  private final StringWriter err = new StringWriter();

  @Test
  void theLineSaysAccountsRegionsResourcesCallsRetriesAndTheTimeLeftAtThePaceSoFar() {
    AwsScan.Progress progress =
        new AwsScan.Progress(
            new AwsScan.Display(new PrintWriter(err), true, Duration.ZERO, clock), new ApiCalls());
    progress.targets(FOUR);
    assertThat(progress.line())
        .endsWith(
            "0/4 account-regions done, 0 resources described, 0 API calls, 0 retries, ETA unknown");
    progress.described(12);
    now.set(START.plusSeconds(30));
    progress.targetDone();
    assertThat(progress.line())
        .isEqualTo(
            "ecsguard: 2 accounts, 1/4 account-regions done, 12 resources described, 0 API calls, 0 retries, ETA 1m30s");
    now.set(START.plus(Duration.ofHours(1)));
    assertThat(progress.line()).endsWith("ETA 3h00m");
    progress.targetDone();
    progress.targetDone();
    progress.targetDone();
    assertThat(progress.line())
        .endsWith("4/4 account-regions done, 12 resources described, 0 API calls, 0 retries");
    progress.done();
    assertThat(err.toString())
        .as("redrawn in place, and wiped at the end")
        .startsWith("\r\033[Kecsguard: 2 accounts, 0/4")
        .endsWith("\r\033[K")
        .doesNotContain("\n");
  }

  @Test
  void offATerminalALineIsLoggedEveryIntervalAndNoneAfterTheScan() throws InterruptedException {
    AwsScan.Progress progress =
        new AwsScan.Progress(
            new AwsScan.Display(new PrintWriter(err), false, Duration.ofMillis(20), clock),
            new ApiCalls());
    progress.targets(FOUR.subList(0, 1));
    progress.described(3);
    assertThat(err.toString()).as("nothing before the first interval").isEmpty();
    for (int waited = 0; waited < 100 && err.toString().lines().count() < 2; waited++) {
      Thread.sleep(10);
    }
    progress.done();
    List<String> lines = err.toString().lines().toList();
    assertThat(lines.size()).isGreaterThanOrEqualTo(2);
    assertThat(lines)
        .allMatch(
            line ->
                line.equals(
                    "ecsguard: 1 account, 0/1 account-regions done, 3 resources described, 0 API calls, 0 retries, ETA unknown"));
    int logged = err.toString().length();
    Thread.sleep(60);
    assertThat(err.toString()).hasSize(logged);
  }

  @Test
  void withoutADisplayNothingIsShown() {
    AwsScan.Progress progress = new AwsScan.Progress(null, new ApiCalls());
    progress.targets(FOUR);
    progress.targetDone();
    progress.done();
    assertThat(progress.line()).contains("1/4 account-regions done");
  }
}
