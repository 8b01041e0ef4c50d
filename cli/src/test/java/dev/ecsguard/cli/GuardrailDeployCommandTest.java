package dev.ecsguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.aws.MotoExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * ecsguard guardrail deploy from the command line: the template without --aws, a dry run, a deploy
 * with --yes, and its errors in one line. (StackDeployerTest has the calls on the wire.)
 */
class GuardrailDeployCommandTest {
  @RegisterExtension static final MotoExtension moto = MotoExtension.asDefaultEndpoint();

  @Test
  void withoutAwsItPrintsThePackagedTemplateAndCallsNothing() {
    Run account = Run.of("guardrail", "deploy");
    assertThat(account.exitCode()).isZero();
    assertThat(account.out())
        .startsWith("AWSTemplateFormatVersion")
        .contains("Type: AWS::CloudFormation::LambdaHook");
    Run organization = Run.of("guardrail", "deploy", "--organization");
    assertThat(organization.out()).contains("Type: AWS::CloudFormation::StackSet");
    Run yes = Run.of("guardrail", "deploy", "--yes");
    assertThat(yes.exitCode()).isEqualTo(ExitCode.ERROR.code());
    assertThat(yes.err()).isEqualTo("ecsguard: --yes, --profile and --region need --aws\n");
  }

  @Test
  void theDryRunIsTheDefaultAndMasksCredentialsInValues() {
    String accessKey = "AKIAQWERTYUIOPASDFGH";
    Run run =
        Run.of(
            "guardrail",
            "deploy",
            "--aws",
            "--region",
            "us-east-1",
            "--stack-name",
            "dry",
            "--code-bucket",
            "code",
            "--code-key",
            accessKey + ".jar");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("In aws://123456789012/us-east-1:")
        .contains("Dry run: would create stack dry (template.yaml):")
        .contains("  + ApiCallRule AWS::Events::Rule")
        .contains("  parameter CodeKey = \"")
        .contains("Nothing was changed.")
        .doesNotContain(accessKey);
  }

  @Test
  void yesDeploysAGivenTemplateThroughAChangeSet(@TempDir Path directory) throws IOException {
    Path template = directory.resolve("custom.yaml");
    Files.writeString(
        template,
        """
        Parameters:
          Greeting: {Type: String, Default: hello}
        Resources:
          Topic:
            Type: AWS::SNS::Topic
            Properties: {DisplayName: !Ref Greeting}
        """);
    Run run =
        Run.of(
            "guardrail",
            "deploy",
            "--aws",
            "--region",
            "us-east-1",
            "--stack-name",
            "custom",
            "--template",
            template.toString(),
            "--yes");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Change set ecsguard-")
        .contains("  Add Topic AWS::SNS::Topic")
        .contains("Stack custom: CREATE_COMPLETE");
  }

  @Test
  void errorsAreOneLineWithoutTheValuesGiven() {
    Run missing =
        Run.with(Map.of(), false, "guardrail", "deploy", "--aws", "--region", "us-east-1", "--yes");
    assertThat(missing.exitCode()).isEqualTo(ExitCode.ERROR.code());
    assertThat(missing.err())
        .isEqualTo(
            "ecsguard: template.yaml needs CodeBucket, CodeKey: give --code-bucket and --code-file guardrail/target/ecsguard-guardrail-lambda.jar (or --code-key of a package uploaded already)\n");
    Run malformed =
        Run.of("guardrail", "deploy", "--aws", "--region", "us-east-1", "-p", "s3cr3tVALUE");
    assertThat(malformed.err()).isEqualTo("ecsguard: --parameter takes NAME=VALUE\n");
  }

  @Test
  void codeFilePutsThePackageUnderAKeyOfItsContentOnlyWithYes(@TempDir Path directory)
      throws IOException {
    Path jar = Files.write(directory.resolve("package.jar"), new byte[] {'P', 'K', 3, 4, 42});
    Path template = directory.resolve("code.yaml");
    Files.writeString(
        template,
        """
        Parameters:
          CodeBucket: {Type: String}
          CodeKey: {Type: String}
        Resources:
          Topic:
            Type: AWS::SNS::Topic
            Properties: {DisplayName: !Ref CodeKey}
        """);
    try (S3Client s3 =
        S3Client.builder()
            .region(Region.US_EAST_1)
            .endpointOverride(moto.server().endpoint())
            .forcePathStyle(true)
            .build()) {
      s3.createBucket(request -> request.bucket("packages"));
      String[] deploy = {
        "guardrail",
        "deploy",
        "--aws",
        "--region",
        "us-east-1",
        "--stack-name",
        "code",
        "--template",
        template.toString(),
        "--code-bucket",
        "packages",
        "--code-file",
        jar.toString()
      };
      Run dryRun = Run.of(deploy);
      assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
      assertThat(dryRun.out())
          .containsPattern(
              "would upload .*package.jar to s3://packages/ecsguard/guardrail-[0-9a-f]{16}\\.jar");
      assertThat(s3.listObjectsV2(request -> request.bucket("packages")).contents()).isEmpty();

      String[] withYes = java.util.Arrays.copyOf(deploy, deploy.length + 1);
      withYes[deploy.length] = "--yes";
      Run yes = Run.of(withYes);
      assertThat(yes.exitCode()).as(yes.err()).isZero();
      assertThat(yes.out()).contains("uploaded ").contains("Stack code: CREATE_COMPLETE");
      assertThat(s3.listObjectsV2(request -> request.bucket("packages")).contents())
          .singleElement()
          .satisfies(
              object -> assertThat(object.key()).matches("ecsguard/guardrail-[0-9a-f]{16}\\.jar"));
      assertThat(Run.of(deploy).out()).contains("holds the deployment package already");
    }
  }
}
