package dev.ecsguard.aws.session;

import java.net.URI;
import java.util.List;

/**
 * Which accounts and regions a live scan (or a remediation) reaches, and how.
 *
 * @param profile a named profile of the shared config files, or null for the default credential
 *     chain
 * @param regions the regions to scan; empty: every region enabled for each account
 * @param roleArns roles to assume, one account each; empty (and no organization): the caller's own
 *     account
 * @param organization list the organization's active accounts and assume {@code organizationRole}
 *     in each
 * @param organizationRole the role name assumed in each member account
 * @param concurrency how many account-region pairs are scanned at once
 * @param endpoint an endpoint for every AWS service (an emulator), or null for AWS's own (the SDK
 *     also honours AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_&lt;SERVICE&gt;)
 * @param maxAttempts attempts per call, first included, under the SDK's adaptive retry
 */
public record AwsOptions(
    String profile,
    List<String> regions,
    List<String> roleArns,
    boolean organization,
    String organizationRole,
    int concurrency,
    URI endpoint,
    int maxAttempts) {

  public static final String DEFAULT_ORGANIZATION_ROLE = "OrganizationAccountAccessRole";

  public AwsOptions {
    regions = List.copyOf(regions);
    roleArns = List.copyOf(roleArns);
    if (concurrency < 1) {
      throw new IllegalArgumentException("--concurrency must be at least 1");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
  }
}
