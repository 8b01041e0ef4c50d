package dev.ecsguard.cli;

import dev.ecsguard.guardrail.AwsAccess;
import dev.ecsguard.guardrail.GuardrailException;
import dev.ecsguard.guardrail.deploy.CodeUpload;
import dev.ecsguard.guardrail.deploy.StackDeployer;
import dev.ecsguard.guardrail.deploy.StackTemplate;
import dev.ecsguard.report.Printable;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import dev.ecsguard.tree.RegularFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code ecsguard guardrail deploy}: the guardrail's stack created or updated through
 * CloudFormation's API, a dry run unless {@code --yes}; without {@code --aws}, the template is
 * printed and no AWS call is made.
 */
@Command(
    name = "deploy",
    description =
        "Create or update the guardrail's CloudFormation stack (the function, the hook, the Config rule, the EventBridge rule). Without --aws: print the template. With --aws: a dry run that changes nothing, unless --yes.",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class)
final class GuardrailDeployCommand implements Callable<Integer> {
  /** How often a change set or the stack is asked for its status while waiting. */
  private static final Duration POLL_INTERVAL = Duration.ofSeconds(5);

  private final Context context;

  @Option(
      names = "--aws",
      description =
          "Read the stack (and with --yes, change it) in the caller's account and Region.")
  boolean aws;

  @Option(
      names = "--yes",
      description =
          "Create a change set, print it, execute it and wait for the stack. Without it, a dry run: read calls only.")
  boolean yes;

  @Option(
      names = "--stack-name",
      paramLabel = "NAME",
      defaultValue = "ecsguard-guardrail",
      description = "The stack (default: ${DEFAULT-VALUE}).")
  String stackName;

  @Option(
      names = "--code-bucket",
      paramLabel = "BUCKET",
      description =
          "The S3 bucket holding the deployment package (the template's CodeBucket; on an update, default: the stack's).")
  String codeBucket;

  @Option(
      names = "--code-key",
      paramLabel = "KEY",
      description =
          "The S3 key of guardrail/target/ecsguard-guardrail-lambda.jar (CodeKey; a new key for new code).")
  String codeKey;

  @Option(
      names = "--code-file",
      paramLabel = "JAR",
      description =
          "With --code-bucket: put this deployment package (guardrail/target/ecsguard-guardrail-lambda.jar) in the bucket under a key named by its content, unless it is there already (with --yes; the dry run only looks), and deploy it.")
  Path codeFile;

  @Option(
      names = {"-p", "--parameter"},
      paramLabel = "NAME=VALUE",
      description = "A template parameter (repeatable), e.g. FailureMode=FAIL.")
  List<String> parameters = List.of();

  @Option(
      names = "--organization",
      description =
          "The organization template: a stack set to the OUs' accounts and the organization Config rule.")
  boolean organization;

  @Option(
      names = "--template",
      paramLabel = "FILE",
      description = "Deploy this template instead of the packaged one (a customised copy).")
  Path template;

  @Option(
      names = "--wait-timeout",
      paramLabel = "DURATION",
      defaultValue = "30m",
      converter = DurationConverter.class,
      description =
          "With --yes: the longest wait for the change set, then for the stack (default: 30m).")
  Duration waitTimeout;

  @Mixin GuardrailAccount account = new GuardrailAccount();

  GuardrailDeployCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (!aws && (yes || account.given())) {
      context.err().println("ecsguard: --yes, --profile and --region need --aws");
      return ExitCode.ERROR.code();
    }
    try {
      StackTemplate stackTemplate = template();
      if (!aws) {
        context.out().print(stackTemplate.text());
        return ExitCode.OK.code();
      }
      if (codeFile != null && codeBucket == null) {
        throw new GuardrailException("--code-file needs --code-bucket, the bucket to put it in");
      }
      String key = codeFile != null && codeKey == null ? CodeUpload.key(codeFile) : codeKey;
      StackDeployer.Request request =
          new StackDeployer.Request(stackName, stackTemplate, parameterValues(key));
      try (AwsAccess access = account.open();
          CloudFormationClient cloudFormation = access.client(CloudFormationClient.builder())) {
        context.out().println("In aws://" + access.accountId() + "/" + access.region() + ":");
        if (codeFile != null) {
          upload(access, key);
        }
        StackDeployer deployer =
            new StackDeployer(
                cloudFormation, context.out(), waitTimeout, POLL_INTERVAL, Clock.systemUTC());
        if (!yes) {
          deployer.preview(request);
          return ExitCode.OK.code();
        }
        return deployer.deploy(request) ? ExitCode.OK.code() : ExitCode.ERROR.code();
      }
    } catch (GuardrailException e) {
      context.out().flush();
      context.err().println("ecsguard: " + Printable.escape(e.getMessage()));
      return ExitCode.ERROR.code();
    }
  }

  private StackTemplate template() throws GuardrailException {
    if (template == null) {
      return (organization ? StackTemplate.Packaged.ORGANIZATION : StackTemplate.Packaged.ACCOUNT)
          .load();
    }
    try {
      byte[] bytes =
          RegularFiles.read(template, template.toString(), InputLimits.DEFAULT.maxFileBytes());
      return StackTemplate.parse(template.toString(), new String(bytes, StandardCharsets.UTF_8));
    } catch (InputException e) {
      throw new GuardrailException(e.getMessage());
    }
  }

  /** The package in S3: looked for in a dry run, put there with --yes when it is not. */
  private void upload(AwsAccess access, String key) throws GuardrailException {
    String where = "s3://" + codeBucket + "/" + key;
    // An emulator behind AWS_ENDPOINT_URL resolves no bucket host names: path-style addresses.
    boolean emulated =
        System.getProperty("aws.endpointUrl") != null
            || context.environment().containsKey("AWS_ENDPOINT_URL")
            || context.environment().containsKey("AWS_ENDPOINT_URL_S3");
    try (S3Client s3 = access.client(S3Client.builder().forcePathStyle(emulated))) {
      if (CodeUpload.present(s3, codeBucket, key)) {
        context.out().println(where + " holds the deployment package already");
      } else if (!yes) {
        context.out().println("would upload " + codeFile + " to " + where);
      } else {
        CodeUpload.put(s3, codeBucket, key, codeFile);
        context.out().println("uploaded " + codeFile + " to " + where);
      }
    }
  }

  /** --parameter NAME=VALUE, then --code-bucket and the code's key (which win). */
  private Map<String, String> parameterValues(String key) throws GuardrailException {
    Map<String, String> values = new LinkedHashMap<>();
    for (String parameter : parameters) {
      int equals = parameter.indexOf('=');
      if (equals < 1) {
        // the value is never echoed: it may be a secret
        throw new GuardrailException("--parameter takes NAME=VALUE");
      }
      values.put(parameter.substring(0, equals), parameter.substring(equals + 1));
    }
    if (codeBucket != null) {
      values.put("CodeBucket", codeBucket);
    }
    if (key != null) {
      values.put("CodeKey", key);
    }
    return values;
  }
}
