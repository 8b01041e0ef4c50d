package dev.ecsguard.cli;

import dev.ecsguard.aws.remediation.Change;
import dev.ecsguard.aws.remediation.Journal;
import dev.ecsguard.aws.remediation.Remediation;
import dev.ecsguard.aws.session.AwsOptions;
import dev.ecsguard.config.Configuration;
import dev.ecsguard.control.Standard;
import dev.ecsguard.engine.Scanner;
import dev.ecsguard.engine.Selection;
import dev.ecsguard.report.Printable;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import dev.ecsguard.tree.Problems;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "apply",
    description = {
      "Fix what a live scan finds in AWS accounts: register a hardened revision of each failing task definition (its latest ACTIVE revision),"
          + " move the services of that family to it with a new deployment, redeploy a service to its family's latest revision where"
          + " a finding asks (the revision it runs fails what the latest passes), and fix service, cluster and capacity-provider settings.",
      "Dry run by default: prints the plan and the diffs, and changes nothing. --yes makes exactly those changes, journalled for"
          + " 'ecsguard rollback'. Nothing is ever deregistered or deleted."
    },
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    usageHelpAutoWidth = true)
final class ApplyCommand implements Callable<Integer> {
  private final Context context;
  private final Main main;

  @Option(
      names = "--aws",
      required = true,
      description =
          "Fix live AWS accounts (the standard credential chain; AWS_ENDPOINT_URL is honoured).")
  boolean aws;

  @Mixin AwsAccounts accounts = new AwsAccounts();

  @Mixin HardeningChoices choices = new HardeningChoices();

  @Mixin ConfigChoice configChoice = new ConfigChoice();

  @Mixin StandardChoice standardChoice = new StandardChoice();

  @Option(
      names = "--skip-controls",
      split = ",",
      paramLabel = "ID",
      description =
          "Leave these controls' findings as they are (as the configuration's controls.skip does).")
  List<String> skip = List.of();

  @Mixin ChangeConsent consent = new ChangeConsent();

  @Option(
      names = "--journal",
      paramLabel = "FILE",
      description =
          "Where --yes records each change (default: ecsguard-journal-UTC_TIME.json here); never overwritten.")
  Path journal;

  ApplyCommand(Context context, Main main) {
    this.context = context;
    this.main = main;
  }

  @Override
  public Integer call() {
    AwsOptions options;
    try {
      options = accounts.options(1);
    } catch (IllegalArgumentException e) {
      context.err().println("ecsguard: " + e.getMessage());
      return ExitCode.ERROR.code();
    }
    if (!consent.yes && (consent.waitForServices || journal != null)) {
      context
          .err()
          .println(
              "ecsguard: --wait and --journal need --yes (a dry run changes nothing and records nothing)");
      return ExitCode.ERROR.code();
    }
    Configuration configuration;
    Scanner scanner;
    List<String> skipped = new ArrayList<>(skip);
    try {
      configuration = configChoice.load();
      skipped.addAll(configuration.skip());
      Set<Standard> standards = standardChoice.standards(configuration);
      scanner =
          new Scanner(
              Selection.of(standards, List.of(), skipped, configuration.parameters()),
              InputLimits.DEFAULT);
      skipped.addAll(Selection.outside(standards));
    } catch (InputException e) {
      context.err().println(Printable.escape(e.getMessage()));
      return ExitCode.ERROR.code();
    } catch (IllegalArgumentException e) {
      context.err().println("ecsguard: " + e.getMessage());
      return ExitCode.ERROR.code();
    }
    try (Remediation remediation =
        new Remediation(
            scanner,
            options,
            choices.options(null).leavingAlone(skipped),
            configuration.suppressions())) {
      Remediation.Plan plan = remediation.plan();
      for (InputException error : plan.errors()) {
        context.err().println(Printable.escape(error.getMessage()));
      }
      print(plan);
      if (!consent.yes || plan.changes().isEmpty()) {
        context
            .out()
            .println(
                plan.changes().isEmpty()
                    ? "ecsguard apply: nothing to change"
                        + (plan.errors().isEmpty() ? "." : " in what could be read.")
                    : "ecsguard apply: dry run, nothing was changed. Run again with --yes to make these "
                        + plan.changes().size()
                        + " changes.");
        return exit(plan, null);
      }
      Journal record;
      Path file =
          journal != null
              ? journal
              : Path.of(
                  "ecsguard-journal-"
                      + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                          .format(ZonedDateTime.now(ZoneOffset.UTC))
                      + ".json");
      try {
        record = Journal.create(file);
      } catch (IOException e) {
        String why =
            e instanceof java.nio.file.FileAlreadyExistsException
                ? "it exists, and ecsguard never overwrites a journal"
                : Problems.describe(e);
        context
            .err()
            .println(
                "ecsguard: cannot start the journal "
                    + file
                    + ": "
                    + why
                    + "; nothing was changed");
        return ExitCode.ERROR.code();
      }
      context
          .out()
          .println(
              "ecsguard apply: making " + plan.changes().size() + " changes; journal: " + file);
      context.out().flush();
      Remediation.Outcome outcome =
          consent.make(
              context,
              (wait, progress) -> remediation.apply(plan, record, wait, progress),
              plan.changes().size(),
              "changes made; undo them with: ecsguard rollback " + file);
      if (outcome == null) {
        return ExitCode.ERROR.code();
      }
      context
          .out()
          .println(
              "ecsguard apply: "
                  + outcome.done().size()
                  + " changes made; to undo them: ecsguard rollback "
                  + file);
      return exit(plan, outcome);
    } catch (RuntimeException e) {
      context.err().println("ecsguard: " + Main.oneLine(e));
      if (main.debug) {
        e.printStackTrace(context.err());
      }
      return ExitCode.ERROR.code();
    }
  }

  private void print(Remediation.Plan plan) {
    if (!plan.changes().isEmpty()) {
      context.out().println("Plan:");
    }
    for (Change change : plan.changes()) {
      context
          .out()
          .println(
              "  "
                  + change.account()
                  + " "
                  + change.region()
                  + ": "
                  + Printable.escape(change.describe()));
      for (String line : change.diff().split("\n")) {
        if (!line.isEmpty()) {
          context.out().println("      " + Printable.escape(line));
        }
      }
    }
    if (!plan.instructions().isEmpty()) {
      context.out().println("To do by hand:");
      plan.instructions().forEach(step -> context.out().println("  " + Printable.escape(step)));
    }
    if (!plan.remaining().isEmpty()) {
      context
          .out()
          .println("Still FAILED after these changes: " + FixCommand.words(plan.remaining()));
    }
  }

  private int exit(Remediation.Plan plan, Remediation.Outcome outcome) {
    if (!plan.errors().isEmpty()) {
      context
          .err()
          .println("ecsguard: the plan is INCOMPLETE: what could not be read was not fixed");
      return ExitCode.ERROR.code();
    }
    boolean findingsLeft =
        !plan.remaining().isEmpty() || (outcome == null && !plan.changes().isEmpty());
    return findingsLeft ? ExitCode.FAILED.code() : ExitCode.OK.code();
  }
}
