package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsguard.aws.remediation.ApplyEstate;
import dev.ecsguard.report.ReportFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

/**
 * Every credential ECSG.5 and ECSG.6 recognise, planted in each format fix reads and in a live task
 * definition, stays out of every output of fix (the diff and its context lines, the steps, the
 * summary, with --write too) and of apply (the plan, its diff, the progress, the journal).
 */
class PlantedCredentialsTest {
  /** What must never be shown: each planted value, or the part of it that is the credential. */
  static final List<String> PLANTED =
      List.of(
          "Tr0ub4dor-and-3", // DB_PASSWORD
          "wJalrXUtnFEMIK7MDENGbPxRfiCYzEXAMPLEKEY", // a lower-case aws_secret_access_key
          "hunter2-mysql-pw", // --password= in command
          "tok-abcdef-9876", // "--token", "…" in command
          "pg-s3cret-pass", // PGPASSWORD=… psql in entryPoint
          "label-pass-1234", // a password Docker label
          "AKIAIOSFODNN7EXAMPLE",
          "ghp_0123456789abcdefghijABCDEFGHIJ012345",
          "github_pat_11AAAAAAA0bbbbbbbbbbbbbb_cccccccccccccccccccc",
          "glpat-abcdefghij0123456789",
          "xoxb-123456789012-abcdefABCDEF",
          "sk_live_51Habcdefghijklmnopqrstuv",
          "AIzaSyA-abcdefghijklmnopqrstuvwxyz01234",
          "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c", // a JWT's signature, in the environment
          // and in a health check
          "url-pass-5678", // a URL's password
          "MIIEowIBAAKCAQEAplantedKEYline1", // a private key's lines
          "Q2hhcmxpZSBwbGFudGVkIGtleSBsaW5lIDI",
          "apedq", // a value the file spells with escapes
          "foldedpart", // a YAML value folded over two lines
          "var-default-pass", // a Terraform variable's default, used as a secret-like variable's
          // value
          "local-unused-token", // a secret-like local that no task definition uses
          "horse battery", // a quoted --secret value with spaces
          "SubLiteralPw123",
          "defghijk123",
          "LabelSubPw77",
          "ProdIfPassw0rd", // literals inside intrinsics under a secret-like name
          "UPPERCASEPASSWORD1",
          "enConcat",
          "Value1"); // literals of a Terraform expression under a secret-like name

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"task.json", "stack.yaml", "stack.json", "main.tf"})
  void noPlantedCredentialIsShownByFix(String fixture) throws IOException {
    Path file = dir.resolve(fixture);
    try (InputStream in = getClass().getResourceAsStream("/credentials/" + fixture)) {
      Files.copy(in, file);
    }
    Run dryRun = Run.of("fix", "--log-region", "eu-west-1", file.toString());
    assertThat(dryRun.out()).contains("(value not shown)").containsIgnoringCase("privileged");
    assertShowsNone(dryRun);
    Run written = Run.of("fix", "--write", "--log-region", "eu-west-1", file.toString());
    assertShowsNone(written);
    assertThat(Files.readString(file))
        .contains("Tr0ub4dor-and-3")
        .contains("label-pass-1234"); // hidden from view, not lost
  }

  @ParameterizedTest
  @ValueSource(strings = {"task.json", "stack.yaml", "stack.json", "main.tf"})
  void ecsg5MovesCredentialsToSecretsAndNeitherItsDiffNorAnyStepShowsOne(String fixture)
      throws IOException {
    Path file = dir.resolve(fixture);
    try (InputStream in = getClass().getResourceAsStream("/credentials/" + fixture)) {
      Files.copy(in, file);
    }
    Run moved =
        Run.of(
            "fix",
            "--secret",
            "DB_PASSWORD=arn:aws:secretsmanager:eu-west-1:123456789012:secret:db",
            "--secret",
            "GH=arn:aws:secretsmanager:eu-west-1:123456789012:secret:gh",
            file.toString());
    assertThat(moved.out())
        .containsIgnoringCase("valueFrom")
        .contains("secret:db")
        .contains("SLACK holds a Slack token as a plain environment variable")
        .contains("passes a literal password in its command");
    assertShowsNone(moved);
  }

  @ParameterizedTest
  @EnumSource(ReportFormat.class)
  void ecsg5And6FindingsNameTheKindButNoValueInAnyReportFormat(ReportFormat format)
      throws IOException {
    for (String fixture : List.of("task.json", "stack.yaml", "stack.json", "main.tf")) {
      try (InputStream in = getClass().getResourceAsStream("/credentials/" + fixture)) {
        Files.copy(in, dir.resolve(fixture));
      }
    }
    Run scan =
        Run.with(
            Run.ACCOUNT,
            false,
            "scan",
            "--format",
            format.label(),
            "--verbose",
            "--controls",
            "ECSG.5,ECSG.6",
            dir.toString());
    assertThat(scan.out()).contains("ECSG.5").contains("ECSG.6");
    assertShowsNone(scan);
    Run text = Run.of("scan", "--controls", "ECSG.5,ECSG.6", dir.toString());
    assertThat(text.out())
        .contains("\"DB_PASSWORD\" holds a literal password")
        .contains("\"SLACK\" holds a Slack token")
        .contains("passes a JSON Web Token in its health check command")
        .contains("passes a literal password in its Docker label \"password\"");
  }

  @ParameterizedTest
  @EnumSource(ReportFormat.class)
  void aCredentialInASettingThatAMessageQuotesIsHiddenThere(ReportFormat format)
      throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("settings.json"),
            """
        {"family": "f", "pidMode": "AKIAIOSFODNN7EXAMPLE", "networkMode": "glpat-abcdefghij0123456789",
         "runtimePlatform": {"operatingSystemFamily": "sk_live_51Habcdefghijklmnopqrstuv"},
         "containerDefinitions": [{"name": "a", "user": "1000"}]}
        """);
    Run scan =
        Run.with(
            Run.ACCOUNT, false, "scan", "--format", format.label(), "--verbose", file.toString());
    // GitLab's report holds FAILED findings only, and none of those that quote these settings fails
    if (format != ReportFormat.GITLAB_SAST) {
      assertThat(scan.out()).contains("(value not shown)");
    }
    assertShowsNone(scan);
  }

  @Test
  void noPlantedCredentialIsShownByApplyOrKeptInItsJournal() throws Exception {
    try (ApplyEstate estate = ApplyEstate.start();
        EcsClient ecs =
            EcsClient.builder()
                .endpointOverride(estate.moto())
                .region(Region.US_EAST_1)
                .credentialsProvider(
                    StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("testing", "testing")))
                .build()) {
      estate.reseed("PLANTEDestateSECRET13579");
      try (InputStream in = getClass().getResourceAsStream("/credentials/task.json")) {
        JsonNode task = new ObjectMapper().readTree(in);
        ecs.registerTaskDefinition(
            new ObjectMapper()
                .treeToValue(task, RegisterTaskDefinitionRequest.serializableBuilderClass())
                .build());
      }
      System.setProperty("aws.endpointUrl", estate.endpoint().toString());
      Path journal = dir.resolve("journal.json");
      Run plan = Run.of("apply", "--aws", "--region", "us-east-1");
      assertThat(plan.out())
          .contains("register a hardened revision from leaky:1")
          .contains("-      \"privileged\": true,")
          .contains("(value not shown)")
          .contains("GH holds a GitHub token as a plain environment variable");
      assertShowsNone(plan);
      Run movingPlan =
          Run.of(
              "apply",
              "--aws",
              "--region",
              "us-east-1",
              "--secret",
              "GH=arn:aws:secretsmanager:us-east-1:123456789012:secret:gh");
      assertThat(movingPlan.out()).contains("valueFrom").contains("secret:gh");
      assertShowsNone(movingPlan);
      Run applied =
          Run.of(
              "apply", "--aws", "--region", "us-east-1", "--yes", "--journal", journal.toString());
      assertThat(applied.out()).contains("leaky:2 registered");
      assertShowsNone(applied);
      for (String credential : PLANTED) {
        assertThat(Files.readString(journal)).as(credential).doesNotContain(credential);
      }
      // Hidden from view, not lost: the hardened revision keeps every value.
      assertThat(
              ecs.describeTaskDefinition(r -> r.taskDefinition("leaky:2"))
                  .taskDefinition()
                  .containerDefinitions()
                  .get(0)
                  .environment())
          .anySatisfy(variable -> assertThat(variable.value()).isEqualTo("Tr0ub4dor-and-3"));
    } finally {
      System.clearProperty("aws.endpointUrl");
    }
  }

  private static void assertShowsNone(Run run) {
    for (String credential : PLANTED) {
      assertThat(run.all()).as(credential).doesNotContain(credential);
    }
  }
}
