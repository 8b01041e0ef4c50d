package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.aws.remediation.ApplyEstate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ecsguard apply and rollback end to end, against moto, as a user runs them. */
class ApplyCommandTest {
  private static final String SECRET = "PLANTEDcliApplySECRET24680";
  private static ApplyEstate estate;

  @TempDir Path directory;

  @BeforeAll
  static void start() throws IOException, InterruptedException {
    estate = ApplyEstate.start();
    System.setProperty("aws.endpointUrl", estate.endpoint().toString());
  }

  @AfterAll
  static void stop() {
    System.clearProperty("aws.endpointUrl");
    if (estate != null) {
      estate.close();
    }
  }

  @Test
  void aDryRunWithOnlyEditsThatChangeNoVerdictHasNothingToChange()
      throws IOException, InterruptedException {
    estate.reseedWith("/dev/ecsguard/aws/seed-privileged-false.py");
    Run dryRun = Run.of("apply", "--aws", "--region", "us-east-1");
    assertThat(dryRun.out())
        .contains("ecsguard apply: nothing to change.")
        .doesNotContain("Plan:")
        .doesNotContain("privileged");
  }

  @Test
  void aStandardLeavesTheOtherStandardsFindingsAlone() throws IOException, InterruptedException {
    estate.reseed(SECRET);
    Run dryRun = Run.of("apply", "--aws", "--region", "us-east-1", "--standard", "ecsguard");
    assertThat(dryRun.out())
        .contains("register a hardened revision from legacy:1 (removes ECS.20, ECSG.1)")
        .doesNotContain("privileged") // ECS.4 is Security Hub's: left alone
        .doesNotContain("Still FAILED")
        // ECSG.11 and ECSG.12 are ecsguard's: web moves to its latest revision, without public IPs
        .contains("service prod/web: task definition web:1 → web:2")
        .contains("Run again with --yes to make these 3 changes.");
  }

  @Test
  void dryRunThenApplyThenRollback() throws IOException, InterruptedException {
    estate.reseed(SECRET);
    Path journal = directory.resolve("journal.json");

    Run dryRun = Run.of("apply", "--aws", "--region", "us-east-1");
    assertThat(dryRun.exitCode()).as(dryRun.err()).isEqualTo(ExitCode.FAILED.code());
    assertThat(dryRun.out())
        .contains(
            "Plan:",
            "register a hardened revision from web:2",
            "-      \"privileged\": true,",
            "(value not shown)",
            "To do by hand:",
            "Still FAILED after these changes: ECS.8, ECS.9, ECS.15",
            "dry run, nothing was changed. Run again with --yes to make these 6 changes.");

    Run applied =
        Run.of(
            "apply",
            "--aws",
            "--region",
            "us-east-1",
            "--yes",
            "--wait",
            "--wait-timeout",
            "60s",
            "--journal",
            journal.toString());
    assertThat(applied.exitCode())
        .as(applied.err())
        .isEqualTo(ExitCode.FAILED.code()); // ECS.8, ECS.9 and ECS.15 are left to the user
    assertThat(applied.out())
        .contains(
            "done: task definition web: register a hardened revision from web:2",
            ": web:3 registered",
            "steady: service prod/web",
            "6 changes made; to undo them: ecsguard rollback " + journal);
    assertThat(Files.readString(journal)).doesNotContain(SECRET);

    Run again =
        Run.of(
            "apply",
            "--aws",
            "--region",
            "us-east-1",
            "--yes",
            "--journal",
            directory.resolve("second.json").toString());
    assertThat(again.out()).contains("ecsguard apply: nothing to change.");
    assertThat(directory.resolve("second.json")).doesNotExist();

    Run overwrite =
        Run.of(
            "apply",
            "--aws",
            "--region",
            "us-east-1",
            "--yes",
            "--allow-network-change",
            "--journal",
            journal.toString());
    assertThat(overwrite.out())
        .contains("nothing to change"); // nothing planned, so no journal is started or overwritten

    Run rollbackPlan = Run.of("rollback", journal.toString(), "--region", "us-east-1");
    assertThat(rollbackPlan.exitCode()).as(rollbackPlan.err()).isZero();
    assertThat(rollbackPlan.out())
        .contains(
            "service prod/web: task definition back to web:1",
            "dry run, nothing was changed",
            "web:3 stays registered");

    Run rolledBack = Run.of("rollback", journal.toString(), "--yes", "--wait");
    assertThat(rolledBack.exitCode()).as(rolledBack.err()).isZero();
    assertThat(rolledBack.out()).contains("4 changes undone");
    assertThat(Run.of("rollback", journal.toString()).out()).contains("nothing to undo");

    for (Run run : new Run[] {dryRun, applied, again, rollbackPlan, rolledBack}) {
      assertThat(run.all()).doesNotContain(SECRET);
    }
  }

  @Test
  void mistakesAreOneLineErrors() throws IOException {
    Run noAws = Run.of("apply");
    assertThat(noAws.exitCode()).isEqualTo(ExitCode.ERROR.code());
    assertThat(noAws.err()).contains("Missing required option: '--aws'");

    Run waitWithoutYes = Run.of("apply", "--aws", "--wait");
    assertThat(waitWithoutYes.exitCode()).isEqualTo(ExitCode.ERROR.code());
    assertThat(waitWithoutYes.err()).contains("--wait and --journal need --yes");

    Path notAJournal = directory.resolve("x.json");
    Files.writeString(notAJournal, "{\"changes\": [");
    Run broken = Run.of("rollback", notAJournal.toString());
    assertThat(broken.exitCode()).isEqualTo(ExitCode.ERROR.code());
    assertThat(broken.err().strip()).isEqualTo(notAJournal + ": not a journal: not JSON (line 1)");

    Files.writeString(notAJournal, "{\"changes\": []}");
    assertThat(Run.of("rollback", notAJournal.toString()).err())
        .contains("not a journal of ecsguard apply (version 1)");
    assertThat(Run.of("apply", "--aws", "--wait-timeout", "soon").err())
        .contains("--wait-timeout': not a duration: (not shown) (e.g. 90s, 10m, 1h)")
        .doesNotContain("soon"); // a value is never echoed
  }
}
