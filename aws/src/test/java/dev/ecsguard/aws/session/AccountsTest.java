package dev.ecsguard.aws.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.aws.FaultyEndpoint;
import dev.ecsguard.aws.MotoExtension;
import dev.ecsguard.aws.scan.AwsScan;
import dev.ecsguard.engine.Engine;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanRequest;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.tree.InputException;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many accounts: roles given one by one, and an organization's active accounts. */
class AccountsTest {
  @RegisterExtension static final MotoExtension moto = MotoExtension.started();
  private static List<String> members;

  @BeforeAll
  static void seed() throws IOException, InterruptedException {
    members = List.of(moto.server().seed("/dev/ecsguard/aws/seed-accounts.py").split(" "));
  }

  private static ScanResult scan(List<String> roles, boolean organization) {
    return scan(roles, organization, moto.server().endpoint());
  }

  private static ScanResult scan(List<String> roles, boolean organization, URI endpoint) {
    AwsScan live =
        new AwsScan(
            new AwsOptions(
                null,
                List.of("us-east-1"),
                roles,
                organization,
                AwsOptions.DEFAULT_ORGANIZATION_ROLE,
                4,
                endpoint,
                2),
            null);
    return Engine.scan(ScanRequest.builder().only(List.of("ECS.4")).input(live).build());
  }

  @Test
  void eachRoleGivenIsScannedInItsOwnAccount() {
    ScanResult result =
        scan(
            members.stream()
                .map(id -> "arn:aws:iam::" + id + ":role/OrganizationAccountAccessRole")
                .toList(),
            false);
    assertThat(result.findings())
        .extracting(
            finding ->
                finding.labels().get("account")
                    + " "
                    + finding.resourceId().replaceFirst(".*task-definition/", ""))
        .containsExactly(
            members.get(0) + " app-" + members.get(0) + ":1",
            members.get(1) + " app-" + members.get(1) + ":1");
    assertThat(result.apiCalls()).containsEntry("AssumeRole", 2L).doesNotContainKey("ListAccounts");
  }

  @Test
  void anOrganizationsActiveAccountsAreScannedAndClosedOnesAreNot() {
    ScanResult result = scan(List.of(), true);
    assertThat(result.findings().stream().map(f -> f.labels().get("account")).distinct())
        .containsExactlyInAnyOrderElementsOf(members);
    assertThat(result.files())
        .as("account-regions: the management account and two members")
        .isEqualTo(3);
    assertThat(result.apiCalls()).containsEntry("ListAccounts", 1L).containsEntry("AssumeRole", 2L);
    assertThat(result.findings())
        .extracting(Finding::resourceId)
        .allMatch(id -> id.contains(":task-definition/app-"));
  }

  @Test
  void anOrganizationListingWhoseTokenComesBackAgainReachesNoAccount() throws IOException {
    try (FaultyEndpoint faulty = new FaultyEndpoint(moto.server().endpoint())) {
      // Every answer hands back the same token, and every call asks for the first page again (moto
      // checks its tokens).
      faulty.answer(
          "ListAccounts", body -> body.replace("\"NextToken\": null", "\"NextToken\": \"again\""));
      faulty.rewrite("ListAccounts", body -> "{}");
      ScanResult result = scan(List.of(), true, faulty.endpoint());
      assertThat(result.errors())
          .extracting(InputException::getMessage)
          .first()
          .asString()
          .isEqualTo(
              "organizations:ListAccounts: cannot list the organization's accounts (a page token came back twice, so the listing cannot be completed); nothing was reached");
      assertThat(result.findings()).isEmpty();
      assertThat(result.apiCalls()).containsEntry("ListAccounts", 2L);
    }
  }

  @Test
  void withoutRegionsGivenEachAccountIsReachedInTheRegionsEc2SaysAreEnabled() {
    try (AwsSession session =
        new AwsSession(
            new AwsOptions(
                null, List.of(), List.of(), false, "r", 1, moto.server().endpoint(), 1))) {
      ScanResult errors = new ScanResult();
      List<String> regions =
          session.targets(errors).stream().map(AwsSession.Target::region).toList();
      assertThat(errors.errors()).isEmpty();
      assertThat(regions).contains("eu-west-1", "us-east-1").isSorted().doesNotHaveDuplicates();
      assertThat(session.calls().byOperation())
          .containsEntry("DescribeRegions", 1L)
          .containsEntry("GetCallerIdentity", 1L);
    }
  }
}
