package dev.ecsguard.guardrail.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.InputLimits;
import dev.ecsguard.tree.Node;
import dev.ecsguard.tree.ObjectNode;
import dev.ecsguard.tree.ScalarNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The deploy templates: cfn-lint clean (AWS's resource schemas, as cfn-lint ships them), shipped in
 * the jar as written, and holding what the guardrail's spec says they hold.
 */
class TemplateTest {
  private static final Path MODULE = Path.of("").toAbsolutePath();

  @ParameterizedTest
  @EnumSource(StackTemplate.Packaged.class)
  void isCfnLintClean(StackTemplate.Packaged template) throws Exception {
    Process version = start("cfn-lint", "--version");
    if (!version.waitFor(60, TimeUnit.SECONDS) || version.exitValue() != 0) {
      throw new IllegalStateException(
          "the template tests need cfn-lint on PATH (cfn-lint --version failed); install it (pip install cfn-lint)");
    }
    Process lint = start("cfn-lint", MODULE.resolve(template.file()).toString());
    String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(lint.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(output).isEmpty();
    assertThat(lint.exitValue()).isZero();
  }

  @ParameterizedTest
  @EnumSource(StackTemplate.Packaged.class)
  void isShippedAsWritten(StackTemplate.Packaged template) throws Exception {
    assertThat(template.load().text()).isEqualTo(Files.readString(MODULE.resolve(template.file())));
  }

  @Test
  void theEventBridgePatternIsTheSpecsExactly() throws Exception {
    JsonNode pattern =
        new ObjectMapper()
            .readTree(
                """
                {"source": ["aws.ecs"], "detail-type": ["AWS API Call via CloudTrail"],
                 "detail": {"eventSource": ["ecs.amazonaws.com"], "eventName": ["RegisterTaskDefinition",
                 "CreateService", "UpdateService", "CreateTaskSet", "CreateCluster", "UpdateCluster",
                 "UpdateClusterSettings", "PutClusterCapacityProviders", "CreateCapacityProvider",
                 "UpdateCapacityProvider"]}}
                """);
    assertThat(json(properties("ApiCallRule").get("EventPattern"))).isEqualTo(pattern);
  }

  @Test
  void theFunctionAnswersTheHookInTimeFromASnapStartVersion() throws Exception {
    ObjectNode function = properties("Function");
    assertThat(text(function, "Runtime")).isEqualTo("java21");
    assertThat(text(function, "Handler"))
        .isEqualTo("dev.ecsguard.guardrail.entry.LambdaHandler::handleRequest");
    assertThat(Integer.parseInt(text(function, "Timeout"))).isLessThanOrEqualTo(30);
    assertThat(text((ObjectNode) function.get("SnapStart"), "ApplyOn"))
        .isEqualTo("PublishedVersions");
    JsonNode version = new ObjectMapper().readTree("{\"Ref\": \"FunctionVersion\"}");
    assertThat(json(properties("Hook").get("LambdaFunction"))).isEqualTo(version);
    assertThat(
            json(
                ((ObjectNode) properties("ConfigRuleResource").get("Source"))
                    .get("SourceIdentifier")))
        .isEqualTo(version);
  }

  @Test
  void theHookWarnsByDefaultAndCanFail() throws Exception {
    ObjectNode failureMode =
        (ObjectNode) ((ObjectNode) template().get("Parameters")).get("FailureMode");
    assertThat(text(failureMode, "Default")).isEqualTo("WARN");
    assertThat(json(failureMode.get("AllowedValues")).toString()).isEqualTo("[\"WARN\",\"FAIL\"]");
    ObjectNode hook = properties("Hook");
    assertThat(text(hook, "HookStatus")).isEqualTo("ENABLED");
    assertThat(json(hook.get("TargetOperations")).toString())
        .isEqualTo("[\"RESOURCE\",\"STACK\",\"CHANGE_SET\",\"CLOUD_CONTROL\"]");
  }

  @Test
  void theConfigRuleHearsOversizedAndScheduledNotificationsToo() throws Exception {
    ObjectNode source = (ObjectNode) properties("ConfigRuleResource").get("Source");
    assertThat(json(source.get("SourceDetails")).findValuesAsText("MessageType"))
        .containsExactly(
            "ConfigurationItemChangeNotification",
            "OversizedConfigurationItemChangeNotification",
            "ScheduledNotification");
  }

  private static ObjectNode template() throws IOException, dev.ecsguard.tree.InputException {
    return (ObjectNode)
        new DocumentReader(InputLimits.DEFAULT)
            .read(MODULE.resolve("template.yaml"), "template.yaml")
            .root();
  }

  private static ObjectNode properties(String logicalId) throws Exception {
    return (ObjectNode)
        ((ObjectNode) ((ObjectNode) template().get("Resources")).get(logicalId)).get("Properties");
  }

  private static String text(ObjectNode object, String name) {
    return ((ScalarNode) object.get(name)).text();
  }

  /** The tree as Jackson's, scalars as strings (YAML's plain scalars would be typed otherwise). */
  private static JsonNode json(Node node) {
    ObjectMapper mapper = new ObjectMapper();
    return switch (node) {
      case ObjectNode object -> {
        com.fasterxml.jackson.databind.node.ObjectNode result = mapper.createObjectNode();
        object.names().forEach(name -> result.set(name, json(object.get(name))));
        yield result;
      }
      case dev.ecsguard.tree.ArrayNode array -> {
        com.fasterxml.jackson.databind.node.ArrayNode result = mapper.createArrayNode();
        array.elements().forEach(element -> result.add(json(element)));
        yield result;
      }
      case ScalarNode scalar -> mapper.getNodeFactory().textNode(scalar.text());
      default -> mapper.getNodeFactory().textNode(node.kind());
    };
  }

  private static Process start(String... command) throws IOException {
    try {
      return new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "the template tests need cfn-lint on PATH ("
              + e.getMessage()
              + "); install it (pip install cfn-lint)",
          e);
    }
  }
}
