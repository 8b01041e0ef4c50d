package dev.ecsguard.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.engine.Scanner;
import dev.ecsguard.engine.Selection;
import dev.ecsguard.source.InputLimits;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Many accounts: roles given one by one, and an organization's active accounts. */
class AccountsTest {
  private static MotoServer moto;
  private static List<String> members;

  @BeforeAll
  static void seed() throws IOException, InterruptedException {
    moto = MotoServer.startWithTestCredentials();
    members = List.of(moto.seed("/dev/ecsguard/aws/seed-accounts.py").split(" "));
  }

  @AfterAll
  static void stop() {
    if (moto != null) {
      moto.close();
    }
  }

  private static ScanResult scan(List<String> roles, boolean organization) {
    ScanResult result = new ScanResult();
    Scanner scanner = new Scanner(Selection.of(List.of("ECS.4"), List.of(), Map.of()), InputLimits.DEFAULT);
    new AwsScan(scanner, new AwsOptions(null, List.of("us-east-1"), roles, organization, AwsOptions.DEFAULT_ORGANIZATION_ROLE, 4,
        moto.endpoint(), 2), null).run(result);
    return result;
  }

  @Test
  void eachRoleGivenIsScannedInItsOwnAccount() {
    ScanResult result = scan(members.stream().map(id -> "arn:aws:iam::" + id + ":role/OrganizationAccountAccessRole").toList(), false);
    assertThat(result.findings()).extracting(finding -> finding.labels().get("account") + " " + finding.resourceId().replaceFirst(".*task-definition/", ""))
        .containsExactly(members.get(0) + " app-" + members.get(0) + ":1", members.get(1) + " app-" + members.get(1) + ":1");
    assertThat(result.apiCalls()).containsEntry("AssumeRole", 2L).doesNotContainKey("ListAccounts");
  }

  @Test
  void anOrganizationsActiveAccountsAreScannedAndClosedOnesAreNot() {
    ScanResult result = scan(List.of(), true);
    assertThat(result.findings().stream().map(f -> f.labels().get("account")).distinct())
        .containsExactlyInAnyOrderElementsOf(members);
    assertThat(result.files()).as("account-regions: the management account and two members").isEqualTo(3);
    assertThat(result.apiCalls()).containsEntry("ListAccounts", 1L).containsEntry("AssumeRole", 2L);
    assertThat(result.findings()).extracting(Finding::resourceId).allMatch(id -> id.contains(":task-definition/app-"));
  }
}
