package dev.ecsguard.guardrail;

import dev.ecsguard.aws.session.AwsOptions;
import dev.ecsguard.aws.session.AwsSession;
import dev.ecsguard.engine.ScanResult;
import java.util.List;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The AWS the guardrail calls: one account and Region (the function's own in Lambda; the caller's
 * with {@code guardrail invoke --aws}), every client configured as a live scan's (adaptive retries,
 * call counts, AWS_ENDPOINT_URL honoured).
 */
public final class AwsAccess implements AutoCloseable {
  private final AwsSession session;
  private final AwsSession.Target target;

  private AwsAccess(AwsSession session, AwsSession.Target target) {
    this.session = session;
    this.target = target;
  }

  /**
   * The caller's account in {@code region} (null: the environment's or the profile's Region), with
   * the credentials of {@code profile} (null: the standard chain); STS tells the account.
   */
  public static AwsAccess open(String profile, String region) throws GuardrailException {
    AwsSession session = session(profile, region);
    String chosen = region(session, region);
    ScanResult errors = new ScanResult();
    List<AwsSession.Account> accounts = session.accounts(errors);
    if (accounts.isEmpty()) {
      session.close();
      throw new GuardrailException(
          errors.errors().isEmpty()
              ? "no AWS account to work in"
              : errors.errors().get(0).getMessage());
    }
    return new AwsAccess(session, new AwsSession.Target(accounts.get(0), chosen));
  }

  /**
   * A Lambda function's own account and Region, both known from its environment: no call is made
   * until a handler needs one (a hook's resource request needs none).
   */
  public static AwsAccess forFunction(String accountId, String region) throws GuardrailException {
    AwsSession session = session(null, region);
    return new AwsAccess(
        session, new AwsSession.Target(session.caller(accountId), region(session, region)));
  }

  private static AwsSession session(String profile, String region) {
    return new AwsSession(
        new AwsOptions(
            profile,
            region == null ? List.of() : List.of(region),
            List.of(),
            false,
            AwsOptions.DEFAULT_ORGANIZATION_ROLE,
            1,
            null,
            8));
  }

  private static String region(AwsSession session, String region) throws GuardrailException {
    String chosen = region != null ? region : session.configuredRegion();
    if (chosen == null) {
      session.close();
      throw new GuardrailException(
          "no AWS Region (set AWS_REGION or give a profile or --region with one)");
    }
    return chosen;
  }

  public AwsSession session() {
    return session;
  }

  /** The account and Region every call goes to. */
  public AwsSession.Target target() {
    return target;
  }

  public String accountId() {
    return target.account().id();
  }

  public String region() {
    return target.region();
  }

  public EcsClient ecs() {
    return session.ecs(target);
  }

  /** Any other SDK client, for this account and Region: {@code client(ConfigClient.builder())}. */
  public <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
    return session.client(builder, target.account(), target.region());
  }

  @Override
  public void close() {
    session.close();
  }
}
