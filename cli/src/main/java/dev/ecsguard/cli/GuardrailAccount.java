package dev.ecsguard.cli;

import dev.ecsguard.guardrail.AwsAccess;
import dev.ecsguard.guardrail.GuardrailException;
import picocli.CommandLine.Option;

/** The one account and Region a guardrail command calls with --aws (a picocli mixin). */
final class GuardrailAccount {
  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description = "With --aws: a profile of the shared AWS config files.")
  String profile;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      description = "With --aws: the Region (default: the environment's or the profile's).")
  String region;

  /** Whether --profile or --region was given (they need --aws). */
  boolean given() {
    return profile != null || region != null;
  }

  /** The caller's account in the Region chosen; STS tells which account. */
  AwsAccess open() throws GuardrailException {
    return AwsAccess.open(profile, region);
  }
}
