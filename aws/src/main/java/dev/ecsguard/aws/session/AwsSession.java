package dev.ecsguard.aws.session;

import dev.ecsguard.engine.ScanListener;
import dev.ecsguard.tree.InputException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AccountStatus;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * What every live command shares: the accounts (the caller's, roles given, or an organization's) ×
 * regions it reaches, clients configured alike (adaptive retry, one HTTP client, an emulator's
 * endpoint, {@link CallOutcome}), and the count of API calls they make. Failures to find accounts
 * or regions are errors naming the call, reported to a listener, so that nothing unreached passes
 * as checked.
 */
public final class AwsSession implements AutoCloseable {
  public record Account(String id, AwsCredentialsProvider credentials) {}

  /** One account in one region. */
  public record Target(Account account, String region) {
    public String name() {
      return "aws://" + account.id() + "/" + region;
    }
  }

  private final AwsOptions options;
  private final ApiCalls calls = new ApiCalls();
  private final SdkHttpClient http = UrlConnectionHttpClient.create();
  private final String configuredRegion;
  private final String homeRegion;
  private final List<AutoCloseable> opened = new ArrayList<>();
  private SdkHttpClient patchCapableHttp;

  public AwsSession(AwsOptions options) {
    this.options = options;
    this.configuredRegion = configuredRegion(options);
    this.homeRegion =
        configuredRegion != null
            ? configuredRegion
            : options.regions().isEmpty() ? "us-east-1" : options.regions().get(0);
  }

  public ApiCalls calls() {
    return calls;
  }

  /** The region of the environment or the profile, or null when neither names one. */
  public String configuredRegion() {
    return configuredRegion;
  }

  /** Every account × region the options reach, in the order given. */
  public List<Target> targets(ScanListener errors) {
    List<Target> targets = new ArrayList<>();
    for (Account account : accounts(errors)) {
      for (String region : regions(account, errors)) {
        targets.add(new Target(account, region));
      }
    }
    return targets;
  }

  public EcsClient ecs(Target target) {
    return configure(EcsClient.builder(), target.account().credentials(), target.region()).build();
  }

  /** A Security Hub client: over the JDK's HTTP client, for BatchUpdateFindings is a PATCH. */
  public synchronized SecurityHubClient securityHub(Account account, String region) {
    if (patchCapableHttp == null) {
      patchCapableHttp = new JdkHttpClient();
      opened.add(patchCapableHttp);
    }
    return configure(SecurityHubClient.builder(), account.credentials(), region)
        .httpClient(patchCapableHttp)
        .build();
  }

  /**
   * Any SDK client, configured as this session's own (retries, call counts, endpoint, HTTP client):
   * what the guardrail's Config, CloudFormation, SNS and SSM calls use.
   */
  public <B extends AwsClientBuilder<B, C>, C> C client(B builder, Account account, String region) {
    return configure(builder, account.credentials(), region).build();
  }

  private <B extends AwsClientBuilder<B, ?>> B configure(
      B builder, AwsCredentialsProvider credentials, String region) {
    builder
        .region(Region.of(region))
        .credentialsProvider(credentials)
        .overrideConfiguration(
            ClientOverrideConfiguration.builder()
                // Adaptive: under throttling, calls slow down instead of failing.
                .retryStrategy(
                    AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                        .maxAttempts(options.maxAttempts())
                        .build())
                .addExecutionInterceptor(calls)
                .addExecutionInterceptor(new CallOutcome())
                .build());
    if (options.endpoint() != null) {
      builder.endpointOverride(options.endpoint());
    }
    if (builder instanceof SdkSyncClientBuilder<?, ?> sync) {
      sync.httpClient(http);
    }
    return builder;
  }

  /** The accounts the options reach: the caller's, each role's, or the organization's. */
  public List<Account> accounts(ScanListener errors) {
    AwsCredentialsProvider base = baseCredentials();
    List<Account> accounts = new ArrayList<>();
    // The STS client outlives this method: the assumed roles' credentials refresh through it.
    StsClient sts = configure(StsClient.builder(), base, homeRegion).build();
    opened.add(sts);
    if (options.organization()) {
      try {
        String self = accountOf(sts);
        for (String id : activeAccounts(base)) {
          accounts.add(
              id.equals(self)
                  ? new Account(id, base)
                  : assumed(sts, "arn:aws:iam::" + id + ":role/" + options.organizationRole(), id));
        }
      } catch (AwsCallException e) {
        errors.error(
            new InputException(
                e.call(),
                "cannot list the organization's accounts (" + e.code() + "); nothing was reached"));
      }
    } else if (!options.roleArns().isEmpty()) {
      for (String role : options.roleArns()) {
        String id = role.split(":").length > 4 ? role.split(":")[4] : role;
        accounts.add(assumed(sts, role, id));
      }
    } else {
      try {
        accounts.add(new Account(accountOf(sts), base));
      } catch (AwsCallException e) {
        errors.error(
            new InputException(
                e.call(),
                "cannot tell who the credentials belong to ("
                    + e.code()
                    + "); nothing was reached"));
      }
    }
    return accounts;
  }

  /**
   * The caller's own account when its id is known already (a Lambda function's, from its ARN): what
   * {@link #accounts} gives without options, but without asking STS.
   */
  public Account caller(String accountId) {
    return new Account(accountId, baseCredentials());
  }

  /**
   * Account {@code accountId} through the role {@code roleArn} there, assumed with the session's
   * own credentials (a central function answering for a member account of its organization).
   */
  public Account assume(String roleArn, String accountId) {
    StsClient sts = configure(StsClient.builder(), baseCredentials(), homeRegion).build();
    opened.add(sts); // it outlives this call: the credentials refresh through it
    return assumed(sts, roleArn, accountId);
  }

  private AwsCredentialsProvider baseCredentials() {
    AwsCredentialsProvider base =
        options.profile() != null
            ? ProfileCredentialsProvider.create(options.profile())
            : DefaultCredentialsProvider.builder().build();
    if (base instanceof AutoCloseable closeable) {
      opened.add(closeable);
    }
    return base;
  }

  private Account assumed(StsClient sts, String roleArn, String accountId) {
    StsAssumeRoleCredentialsProvider credentials =
        StsAssumeRoleCredentialsProvider.builder()
            .stsClient(sts)
            .refreshRequest(r -> r.roleArn(roleArn).roleSessionName("ecsguard"))
            .asyncCredentialUpdateEnabled(false)
            .build();
    opened.add(credentials);
    return new Account(accountId, credentials);
  }

  /** The ids of the organization's ACTIVE accounts, every page of them. */
  private List<String> activeAccounts(AwsCredentialsProvider credentials) throws AwsCallException {
    String call = "organizations:ListAccounts";
    List<String> accounts = new ArrayList<>();
    try (OrganizationsClient organizations =
        configure(OrganizationsClient.builder(), credentials, homeRegion).build()) {
      Pages.follow(
          call,
          token -> {
            try {
              return organizations.listAccounts(request -> request.nextToken(token));
            } catch (RuntimeException e) {
              throw AwsCallException.of(call, e);
            }
          },
          ListAccountsResponse::nextToken,
          page ->
              page.accounts().stream()
                  .filter(account -> account.status() == AccountStatus.ACTIVE)
                  .forEach(account -> accounts.add(account.id())));
    }
    return accounts;
  }

  private static String accountOf(StsClient sts) throws AwsCallException {
    try {
      return sts.getCallerIdentity().account();
    } catch (RuntimeException e) {
      throw AwsCallException.of("sts:GetCallerIdentity", e);
    }
  }

  private List<String> regions(Account account, ScanListener errors) {
    if (!options.regions().isEmpty()) {
      return options.regions();
    }
    try {
      return enabledRegions(account.credentials());
    } catch (AwsCallException e) {
      errors.error(
          new InputException(
              e.call(),
              "cannot list the regions enabled for account "
                  + account.id()
                  + " ("
                  + e.code()
                  + "); give them with --region; account "
                  + account.id()
                  + " was not reached"));
      return List.of();
    }
  }

  /**
   * The regions enabled for the account behind {@code credentials}, asked in the home region,
   * sorted.
   */
  private List<String> enabledRegions(AwsCredentialsProvider credentials) throws AwsCallException {
    String call = "ec2:DescribeRegions";
    List<String> regions;
    try (Ec2Client ec2 = configure(Ec2Client.builder(), credentials, homeRegion).build()) {
      regions =
          ec2.describeRegions().regions().stream()
              .map(region -> region.regionName())
              .sorted()
              .toList();
    } catch (RuntimeException e) {
      throw AwsCallException.of(call, e);
    }
    if (regions.isEmpty()) {
      throw new AwsCallException(call, "an answer that names no region");
    }
    return regions;
  }

  private static String configuredRegion(AwsOptions options) {
    try {
      return DefaultAwsRegionProviderChain.builder()
          .profileName(options.profile())
          .build()
          .getRegion()
          .id();
    } catch (RuntimeException e) {
      return null;
    }
  }

  @Override
  public void close() {
    for (AutoCloseable resource : opened.reversed()) {
      try {
        resource.close();
      } catch (Exception e) {
        // closing is best effort: the work is done
      }
    }
    http.close();
  }
}
