package dev.ecsguard.cli;

import dev.ecsguard.aws.remediation.Remediation;
import dev.ecsguard.report.Printable;
import java.time.Duration;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * Whether a command that changes AWS may, and whether it waits for services afterwards (a picocli
 * mixin).
 */
final class ChangeConsent {
  @Option(names = "--yes", description = "Make the changes (default: a dry run that only reads).")
  boolean yes;

  @Option(
      names = "--wait",
      description = "With --yes: wait until each updated service reaches a steady state.")
  boolean waitForServices;

  @Option(
      names = "--wait-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      defaultValue = "10m", // as a user writes it, so that the help shows it so
      description = "How long --wait waits per service (default: ${DEFAULT-VALUE}), e.g. 90s, 15m.")
  Duration waitTimeout;

  /** How long to wait for each service, or null for not at all. */
  private Duration waitPerService() {
    return waitForServices ? waitTimeout : null;
  }

  /**
   * A run of changes (apply's or rollback's), given how long to wait and where to say each step.
   */
  interface Changes {
    Remediation.Outcome make(Duration waitPerService, Consumer<String> progress);
  }

  /**
   * Makes the changes, printing each step as it is made (a long run shows where it is); when they
   * stop part-way, prints why and how far they got, and returns null.
   *
   * @param partly what the count of changes made is followed by when the run stopped
   */
  Remediation.Outcome make(Context context, Changes changes, int planned, String partly) {
    Remediation.Outcome outcome =
        changes.make(
            waitPerService(),
            line -> {
              context.out().println("  " + Printable.escape(line));
              context.out().flush();
            });
    if (outcome.complete()) {
      return outcome;
    }
    context.err().println("ecsguard: " + Printable.escape(outcome.failure()));
    context.err().println("ecsguard: " + outcome.done().size() + " of " + planned + " " + partly);
    return null;
  }
}
