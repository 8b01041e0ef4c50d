package dev.ecsguard.cli;

import dev.ecsguard.aws.remediation.Journal;
import dev.ecsguard.aws.remediation.Remediation;
import dev.ecsguard.aws.remediation.Rollback;
import dev.ecsguard.report.Printable;
import dev.ecsguard.tree.InputException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "rollback",
    description = {
      "Undo what 'ecsguard apply --yes' recorded in JOURNAL, newest first: services back to their previous revisions and settings"
          + " (with a new deployment), clusters and capacity providers back to their previous settings. A resource changed since is left alone.",
      "Dry run by default; --yes makes the changes and marks them in the journal. Registered revisions stay registered."
    },
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    usageHelpAutoWidth = true)
final class RollbackCommand implements Callable<Integer> {
  private final Context context;
  private final Main main;

  @Parameters(paramLabel = "JOURNAL", description = "The journal 'ecsguard apply --yes' wrote.")
  Path file;

  @Mixin AwsAccounts accounts = new AwsAccounts();

  @Mixin ChangeConsent consent = new ChangeConsent();

  RollbackCommand(Context context, Main main) {
    this.context = context;
    this.main = main;
  }

  @Override
  public Integer call() {
    Journal journal;
    try {
      journal = Journal.read(file);
    } catch (InputException e) {
      context.err().println(Printable.escape(e.getMessage()));
      return ExitCode.ERROR.code();
    }
    if (!consent.yes && consent.waitForServices) {
      context.err().println("ecsguard: --wait needs --yes (a dry run changes nothing)");
      return ExitCode.ERROR.code();
    }
    try (Rollback rollback = new Rollback(accounts.options(1))) {
      Rollback.Plan plan = rollback.plan(journal);
      plan.errors().forEach(error -> context.err().println(Printable.escape(error.getMessage())));
      if (!plan.undos().isEmpty()) {
        context.out().println("Plan:");
        plan.undos()
            .forEach(undo -> context.out().println("  " + Printable.escape(undo.description())));
      }
      plan.notes().forEach(note -> context.out().println("Note: " + Printable.escape(note)));
      if (!consent.yes || plan.undos().isEmpty()) {
        context
            .out()
            .println(
                plan.undos().isEmpty()
                    ? "ecsguard rollback: nothing to undo."
                    : "ecsguard rollback: dry run, nothing was changed. Run again with --yes to make these "
                        + plan.undos().size()
                        + " changes.");
        return plan.errors().isEmpty() ? ExitCode.OK.code() : ExitCode.ERROR.code();
      }
      Remediation.Outcome outcome =
          consent.make(
              context,
              (wait, progress) -> rollback.apply(plan, journal, wait, progress),
              plan.undos().size(),
              "changes undone; the journal marks which");
      if (outcome == null) {
        return ExitCode.ERROR.code();
      }
      context
          .out()
          .println(
              "ecsguard rollback: "
                  + outcome.done().size()
                  + " changes undone; the journal marks them");
      return plan.errors().isEmpty() ? ExitCode.OK.code() : ExitCode.ERROR.code();
    } catch (IllegalArgumentException e) {
      context.err().println("ecsguard: " + e.getMessage());
      return ExitCode.ERROR.code();
    } catch (RuntimeException e) {
      context.err().println("ecsguard: " + Main.oneLine(e));
      if (main.debug) {
        e.printStackTrace(context.err());
      }
      return ExitCode.ERROR.code();
    }
  }
}
