package dev.ecsguard.cli;

import dev.ecsguard.aws.session.AwsOptions;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options that choose which AWS accounts and regions a live command reaches (a picocli mixin).
 */
final class AwsAccounts {
  private static final java.util.regex.Pattern ROLE_ARN =
      java.util.regex.Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/\\S+");

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description =
          "A profile of the shared AWS config files (default: the standard credential chain).")
  String profile;

  @Option(
      names = "--region",
      split = ",",
      paramLabel = "REGION",
      description = "A region (repeatable; default: every region enabled for the account).")
  List<String> regions = List.of();

  @Option(
      names = "--role-arn",
      paramLabel = "ARN",
      description = "Assume this role and work in its account (repeatable).")
  List<String> roleArns = List.of();

  @Option(
      names = "--org",
      description = "Every active account of the organization, assuming --org-role-name in each.")
  boolean organization;

  @Option(
      names = "--org-role-name",
      paramLabel = "NAME",
      description = "With --org: the role assumed in each account (default: ${DEFAULT-VALUE}).")
  String organizationRole = AwsOptions.DEFAULT_ORGANIZATION_ROLE;

  @Option(
      names = "--max-attempts",
      paramLabel = "N",
      description =
          "Attempts per AWS call, the first included, under adaptive retry (default: ${DEFAULT-VALUE}); fewer fails faster.")
  int maxAttempts = 8;

  /**
   * Whether an option that only a live command uses was given ({@code --profile} aside, which
   * Security Hub imports use too).
   */
  boolean chooseAccounts() {
    return !regions.isEmpty() || !roleArns.isEmpty() || organization;
  }

  /** The options, or an error message when they contradict each other. */
  AwsOptions options(int concurrency) {
    if (organization && !roleArns.isEmpty()) {
      throw new IllegalArgumentException(
          "--org and --role-arn choose accounts in two ways; give one of them");
    }
    for (String role : roleArns) {
      if (!ROLE_ARN.matcher(role).matches()) {
        // Never echoed: a key or token pasted in the wrong place would be printed in CI logs.
        throw new IllegalArgumentException(
            "--role-arn takes a role ARN, arn:aws:iam::ACCOUNT:role/NAME; the value given is not one (not shown)");
      }
    }
    return new AwsOptions(
        profile, regions, roleArns, organization, organizationRole, concurrency, null, maxAttempts);
  }
}
