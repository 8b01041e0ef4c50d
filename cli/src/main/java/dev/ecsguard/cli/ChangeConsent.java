package dev.ecsguard.cli;

import java.time.Duration;
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
  Duration waitPerService() {
    return waitForServices ? waitTimeout : null;
  }
}
