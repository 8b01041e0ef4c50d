package dev.ecsguard.guardrail.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsguard.aws.MotoExtension;
import dev.ecsguard.guardrail.AwsAccess;
import dev.ecsguard.guardrail.GuardrailException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;

/**
 * guardrail deploy against moto's CloudFormation, every call recorded on the wire by a proxy in
 * front of moto: the dry run reads only, a deploy goes through a change set, an update keeps the
 * parameters it is not given.
 */
class StackDeployerTest {
  private static final Map<String, String> CODE =
      Map.of("CodeBucket", "ecsguard-code", "CodeKey", "guardrail/1.jar");
  private static final List<String> WRITES =
      List.of(
          "CreateChangeSet",
          "ExecuteChangeSet",
          "DeleteChangeSet",
          "CreateStack",
          "UpdateStack",
          "DeleteStack");

  @RegisterExtension static final MotoExtension moto = MotoExtension.started();
  private static RecordingProxy proxy;

  private AwsAccess aws;
  private CloudFormationClient cloudFormation;
  private final StringWriter out = new StringWriter();

  @BeforeAll
  static void start() throws IOException, InterruptedException {
    proxy = new RecordingProxy(moto.server().endpoint());
    System.setProperty("aws.endpointUrl", proxy.endpoint().toString());
  }

  @AfterAll
  static void stop() {
    System.clearProperty("aws.endpointUrl");
    if (proxy != null) {
      proxy.close();
    }
  }

  @BeforeEach
  void open() throws Exception {
    moto.server().reset();
    moto.server().seed("/dev/ecsguard/guardrail/deploy/seed-code.py");
    aws = AwsAccess.open(null, "us-east-1");
    cloudFormation = aws.client(CloudFormationClient.builder());
    proxy.clear();
  }

  @AfterEach
  void close() {
    cloudFormation.close();
    aws.close();
  }

  @Test
  void aDryRunOfANewStackOnlyDescribesAndListsWhatItWouldCreate() throws Exception {
    deployer().preview(request(StackTemplate.Packaged.ACCOUNT.load(), CODE));

    assertThat(proxy.operations()).containsExactly("DescribeStacks");
    assertThat(out.toString())
        .contains("Dry run: would create stack ecsguard-guardrail (template.yaml):")
        .contains("  + Hook AWS::CloudFormation::LambdaHook")
        .contains("  + ConfigRuleResource AWS::Config::ConfigRule (if CreateConfigRule)")
        .contains("  + FunctionVersion AWS::Lambda::Version")
        .contains("  parameter CodeKey = \"guardrail/1.jar\"")
        .contains("Nothing was changed.");
    assertThat(cloudFormation.listStacks().stackSummaries()).isEmpty();
  }

  @Test
  void aDeployCreatesThroughAChangeSetAndAnUpdateKeepsWhatItIsNotGiven() throws Exception {
    assertThat(deployer().deploy(request(motoTemplate(), CODE))).isTrue();

    assertThat(proxy.operations())
        .containsSubsequence(
            "DescribeStacks",
            "CreateChangeSet",
            "DescribeChangeSet",
            "ExecuteChangeSet",
            "DescribeStacks");
    assertThat(out.toString())
        .contains("Change set ecsguard-")
        .contains("  Add Function AWS::Lambda::Function")
        .contains("Stack ecsguard-guardrail: CREATE_COMPLETE");
    // What moto models of the template (not the hook, nor the Config rule).
    assertThat(
            resources().stream()
                .map(StackResourceSummary::logicalResourceId)
                .collect(Collectors.toSet()))
        .contains(
            "LogGroup",
            "FunctionRole",
            "Function",
            "FunctionVersion",
            "HookRole",
            "ConfigPermission",
            "ApiCallRule",
            "ApiCallPermission");

    // The dry run of an update compares the deployed template and parameters, reading only.
    proxy.clear();
    Map<String, String> update = Map.of("CodeKey", "guardrail/2.jar", "NotificationTopic", "true");
    deployer().preview(request(motoTemplate(), update));
    assertThat(proxy.operations()).containsExactly("DescribeStacks", "GetTemplate");
    assertThat(out.toString())
        .contains(
            "Dry run: would update stack ecsguard-guardrail (template.yaml), now CREATE_COMPLETE:")
        .contains("  no resource definition changes")
        .contains("  parameter CodeKey: \"guardrail/1.jar\" -> \"guardrail/2.jar\"")
        .contains("  parameter NotificationTopic: \"false\" -> \"true\"");

    proxy.clear();
    assertThat(deployer().deploy(request(motoTemplate(), update))).isTrue();
    assertThat(proxy.operations()).contains("CreateChangeSet", "ExecuteChangeSet");
    Stack stack =
        cloudFormation.describeStacks(r -> r.stackName("ecsguard-guardrail")).stacks().get(0);
    assertThat(stack.stackStatusAsString()).isEqualTo("UPDATE_COMPLETE");
    Map<String, String> parameters =
        stack.parameters().stream()
            .collect(Collectors.toMap(Parameter::parameterKey, Parameter::parameterValue));
    assertThat(parameters)
        .containsEntry("CodeBucket", "ecsguard-code")
        .containsEntry("CodeKey", "guardrail/2.jar")
        .containsEntry("NotificationTopic", "true");
    assertThat(resources()).anyMatch(r -> "Topic".equals(r.logicalResourceId()));
  }

  @Test
  void aNewStackWithoutTheCodeIsRefusedBeforeAnyWrite() throws Exception {
    assertThatThrownBy(
            () -> deployer().deploy(request(StackTemplate.Packaged.ACCOUNT.load(), Map.of())))
        .isInstanceOf(GuardrailException.class)
        .hasMessage(
            "template.yaml needs CodeBucket, CodeKey: give --code-bucket and --code-file guardrail/target/ecsguard-guardrail-lambda.jar (or --code-key of a package uploaded already)");
    assertThat(proxy.operations()).doesNotContainAnyElementsOf(WRITES);
  }

  @Test
  void anUnknownParameterIsRefusedNamingTheTemplatesOwn() throws Exception {
    Map<String, String> parameters = Map.of("CodeBucket", "b", "CodeKey", "k", "Nope", "x");
    assertThatThrownBy(
            () -> deployer().preview(request(StackTemplate.Packaged.ACCOUNT.load(), parameters)))
        .hasMessageStartingWith(
            "template.yaml has no parameter Nope (its parameters: CodeBucket, CodeKey, FailureMode");
  }

  @Test
  void anAwsErrorIsOneLineNamingTheCall() throws Exception {
    proxy.fail("CreateChangeSet", "AccessDenied");
    assertThatThrownBy(() -> deployer().deploy(request(motoTemplate(), CODE)))
        .isInstanceOf(GuardrailException.class)
        .hasMessage("cloudformation:CreateChangeSet failed: AccessDenied (injected by the test)");
    assertThat(proxy.operations()).doesNotContain("ExecuteChangeSet");
  }

  @Test
  void aWaitIsBoundedAndItsTimeoutIsOneLine() throws Exception {
    proxy.answer(
        "DescribeChangeSet", body -> body.replace("CREATE_COMPLETE", "CREATE_IN_PROGRESS"));
    StackDeployer impatient =
        new StackDeployer(
            cloudFormation,
            new PrintWriter(out, true),
            Duration.ofMillis(300),
            Duration.ofMillis(50),
            Clock.systemUTC());
    assertThatThrownBy(() -> impatient.deploy(request(motoTemplate(), CODE)))
        .isInstanceOf(GuardrailException.class)
        .hasMessageMatching(
            "timed out after 0\\.3 s waiting for change set ecsguard-\\d+ \\(CREATE_IN_PROGRESS\\)");
    assertThat(proxy.operations()).doesNotContain("ExecuteChangeSet");
  }

  @Test
  void theOrganizationTemplateIsPackagedAndDeclaresItsParameters() throws Exception {
    StackTemplate organization = StackTemplate.Packaged.ORGANIZATION.load();
    assertThat(organization.parameters())
        .containsKeys(
            "GuardrailTemplateUrl", "CodeBucket", "CodeKey", "OrganizationalUnitIds", "Regions");
    assertThat(organization.resources().get("Members").type())
        .isEqualTo("AWS::CloudFormation::StackSet");
    assertThat(organization.resources().get("OrganizationRule").type())
        .isEqualTo("AWS::Config::OrganizationConfigRule");
  }

  private StackDeployer deployer() {
    return new StackDeployer(
        cloudFormation,
        new PrintWriter(out, true),
        Duration.ofMinutes(2),
        Duration.ofMillis(50),
        Clock.systemUTC());
  }

  private static StackDeployer.Request request(
      StackTemplate template, Map<String, String> parameters) {
    return new StackDeployer.Request("ecsguard-guardrail", template, parameters);
  }

  private List<StackResourceSummary> resources() {
    return cloudFormation
        .listStackResources(r -> r.stackName("ecsguard-guardrail"))
        .stackResourceSummaries();
  }

  /**
   * The packaged template as moto can run it: moto resolves a Ref to an AWS::Lambda::Version to an
   * object, not its ARN, and fails every resource that uses it (a Lambda permission, an EventBridge
   * target); here they point at the function instead. AWS itself gets the packaged text.
   */
  static StackTemplate motoTemplate() throws GuardrailException {
    StackTemplate packaged = StackTemplate.Packaged.ACCOUNT.load();
    return StackTemplate.parse(
        packaged.name(), packaged.text().replace("!Ref FunctionVersion", "!GetAtt Function.Arn"));
  }
}
