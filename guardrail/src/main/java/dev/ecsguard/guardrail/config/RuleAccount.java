package dev.ecsguard.guardrail.config;

import dev.ecsguard.aws.session.AwsSession;
import dev.ecsguard.guardrail.AwsAccess;
import dev.ecsguard.guardrail.GuardrailContext;
import dev.ecsguard.guardrail.GuardrailException;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The account a rule's event is about, where its AWS calls go: the function's own, or — for an
 * organization rule, whose one central function Config invokes for every member account — the
 * event's {@code accountId}, reached through the role named by {@value #MEMBER_ROLE_VARIABLE}
 * assumed there. That is how AWS's cross-account rule setup works: the member account's role is
 * passed to the central function, which assumes it to read the member's resources and to send
 * {@code PutEvaluations} with the member's credentials (the result token belongs to the member's
 * rule).
 */
record RuleAccount(AwsSession session, AwsSession.Target target) {
  /** The function's environment variable: the role name (or path/name) to assume in members. */
  static final String MEMBER_ROLE_VARIABLE = "ECSGUARD_CONFIG_MEMBER_ROLE";

  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

  /** The rule's account for {@code event}, where the context allows AWS calls. */
  static RuleAccount of(GuardrailContext context, ConfigEvent event) throws GuardrailException {
    AwsAccess aws = context.aws();
    String account = event.accountId();
    if (account == null || account.equals(aws.accountId())) {
      return new RuleAccount(aws.session(), aws.target());
    }
    if (!ACCOUNT_ID.matcher(account).matches()) {
      throw new GuardrailException("the Config rule event's accountId is not an account id");
    }
    String role = context.environment().get(MEMBER_ROLE_VARIABLE);
    if (role == null || role.isBlank()) {
      throw new GuardrailException(
          "the event is about another account than the function's (an organization rule): set "
              + MEMBER_ROLE_VARIABLE
              + " to the role to assume in member accounts");
    }
    String roleArn =
        "arn:" + partition(aws.region()) + ":iam::" + account + ":role/" + role.strip();
    return new RuleAccount(
        aws.session(), new AwsSession.Target(aws.session().assume(roleArn, account), aws.region()));
  }

  private static String partition(String region) {
    if (region.startsWith("cn-")) {
      return "aws-cn";
    }
    return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  }

  EcsClient ecs() {
    return session.ecs(target);
  }

  <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
    return session.client(builder, target.account(), target.region());
  }
}
