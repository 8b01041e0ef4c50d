package dev.ecsguard.guardrail.hook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsguard.config.Configuration;
import dev.ecsguard.engine.Engine;
import dev.ecsguard.engine.Finding;
import dev.ecsguard.engine.ScanResult;
import dev.ecsguard.guardrail.GuardrailContext;
import dev.ecsguard.tree.ArrayNode;
import dev.ecsguard.tree.Document;
import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.InputLimits;
import dev.ecsguard.tree.Node;
import dev.ecsguard.tree.ScalarNode;
import dev.ecsguard.tree.UnresolvedNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Parity: for every CloudFormation fixture of the controls, each ECS resource sent to the hook as
 * CloudFormation sends it (its properties resolved, every boolean and number a string) gets the
 * decision {@code scan} gives it in the whole template: FAILED or not, and by the same controls.
 *
 * <p>CloudFormation resolves intrinsics before it calls the hook; this test resolves those whose
 * value the template itself gives (a parameter's default, pseudo parameters, {@code Fn::Sub} and
 * {@code Fn::Join} of them). A resource with another intrinsic is skipped, with its reason: a
 * reference to another resource (the hook gets its physical id, where the scan links the two
 * resources: a service and the task definition it runs), a parameter without a default (the scan
 * cannot know its value, the hook gets it), a condition ({@code Fn::If}, a resource's {@code
 * Condition}), {@code Fn::GetAtt}, {@code Fn::ImportValue}, {@code Fn::FindInMap}, {@code
 * Fn::Select}. So is a resource with inline suppressions: a resource request carries no {@code
 * Metadata}.
 */
class HookParityTest {
  private static final Path FIXTURES = Path.of("../core/src/test/resources/dev/ecsguard/catalog");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
  private static final Map<String, String> PSEUDO =
      Map.of(
          "AWS::Region", "us-east-1",
          "AWS::AccountId", "123456789012",
          "AWS::Partition", "aws",
          "AWS::URLSuffix", "amazonaws.com",
          "AWS::StackName", "fixture",
          "AWS::StackId",
              "arn:aws:cloudformation:us-east-1:123456789012:stack/fixture/1a2345b6-0000-00a0-a123-00abc0abc000");
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{(!?)([^}]*)\\}");

  /** A value this test cannot resolve as CloudFormation would: the resource is skipped. */
  static final class Unresolvable extends Exception {
    Unresolvable(String reason) {
      super(reason, null, false, false);
    }
  }

  @Test
  void theHookDecidesEveryCloudFormationFixtureAsScanDoes() throws Exception {
    GuardrailContext context = new GuardrailContext(Configuration.NONE, null, TODAY, Map.of());
    List<Path> fixtures;
    try (Stream<Path> files = Files.walk(FIXTURES)) {
      fixtures =
          files
              .filter(
                  file ->
                      file.getFileName().toString().endsWith(".cfn.yaml")
                          || file.getFileName().toString().endsWith(".cfn.json"))
              .sorted()
              .toList();
    }
    assertThat(fixtures).hasSizeGreaterThan(150);
    List<String> mismatches = new ArrayList<>();
    Map<String, Integer> skipped = new TreeMap<>();
    int compared = 0;
    int failed = 0;
    for (Path fixture : fixtures) {
      ScanResult scan = Engine.scan(context.request(List.of()).path(fixture).build());
      assertThat(scan.errors()).as(fixture.toString()).isEmpty();
      Map<String, Set<String>> failingByResource =
          context.failing(scan).stream()
              .collect(
                  Collectors.groupingBy(
                      Finding::resourceId,
                      Collectors.mapping(
                          f -> f.control().id(), Collectors.toCollection(TreeSet::new))));
      Document document = new DocumentReader(InputLimits.DEFAULT).read(fixture, fixture.toString());
      dev.ecsguard.tree.ObjectNode template = (dev.ecsguard.tree.ObjectNode) document.root();
      dev.ecsguard.tree.ObjectNode resources =
          (dev.ecsguard.tree.ObjectNode) template.get("Resources");
      for (String logicalId : resources.names()) {
        if (!(resources.get(logicalId) instanceof dev.ecsguard.tree.ObjectNode resource)
            || !(resource.get("Type") instanceof ScalarNode type)
            || !type.text().startsWith("AWS::ECS::")) {
          continue;
        }
        ObjectNode properties;
        try {
          properties = hookProperties(template, resource);
        } catch (Unresolvable e) {
          skipped.merge(e.getMessage(), 1, Integer::sum);
          continue;
        }
        JsonNode body = hook(logicalId, type.text(), properties);
        Set<String> hookFailed = failedControls(body);
        Set<String> scanFailed = failingByResource.getOrDefault(logicalId, Set.of());
        compared++;
        failed += scanFailed.isEmpty() ? 0 : 1;
        if (!hookFailed.equals(scanFailed)
            || body.path("hookStatus").asText().equals("FAILED") != !scanFailed.isEmpty()
            || body.path("errorCode").asText().equals("InternalFailure")) {
          mismatches.add(
              FIXTURES.relativize(fixture)
                  + " "
                  + logicalId
                  + ": scan fails "
                  + scanFailed
                  + ", the hook "
                  + body.path("hookStatus").asText()
                  + " "
                  + hookFailed
                  + " ("
                  + body.path("message").asText()
                  + ")");
        }
      }
    }
    System.out.println(
        "HookParityTest: "
            + compared
            + " resources compared, "
            + failed
            + " of them failing; skipped, by reason: "
            + skipped);
    assertThat(mismatches).isEmpty();
    assertThat(compared).isGreaterThan(150);
    assertThat(failed).isGreaterThan(50);
  }

  private static JsonNode hook(String logicalId, String type, ObjectNode properties)
      throws Exception {
    ObjectNode event = HookHandlerTest.event("create-task-definition.json");
    ObjectNode target = (ObjectNode) event.path("requestData");
    target.put("targetName", type).put("targetType", type).put("targetLogicalId", logicalId);
    target.putObject("targetModel").set("resourceProperties", properties);
    return new HookHandler()
        .handle(event, new GuardrailContext(Configuration.NONE, null, TODAY, Map.of()))
        .body();
  }

  private static Set<String> failedControls(JsonNode body) {
    return StreamSupport.stream(body.path("annotations").spliterator(), false)
        .filter(annotation -> annotation.path("status").asText().equals("FAILED"))
        .map(annotation -> annotation.path("annotationName").asText())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The resource's properties as the hook receives them, or why they cannot be. */
  private static ObjectNode hookProperties(
      dev.ecsguard.tree.ObjectNode template, dev.ecsguard.tree.ObjectNode resource)
      throws Unresolvable {
    if (resource.has("Condition")) {
      throw new Unresolvable("a resource Condition");
    }
    if (resource.get("Metadata") instanceof dev.ecsguard.tree.ObjectNode metadata
        && metadata.has("ecsguard")) {
      throw new Unresolvable("inline suppressions (a resource request carries no Metadata)");
    }
    Node properties = resource.get("Properties");
    return properties == null
        ? JsonNodeFactory.instance.objectNode()
        : (ObjectNode) resolve(template, properties);
  }

  /** {@code node} resolved as CloudFormation resolves it, scalars as the strings it sends. */
  private static JsonNode resolve(dev.ecsguard.tree.ObjectNode template, Node node)
      throws Unresolvable {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    return switch (node) {
      case ScalarNode scalar ->
          scalar.type() == ScalarNode.Type.NULL ? nodes.nullNode() : nodes.textNode(scalar.text());
      case ArrayNode array -> {
        com.fasterxml.jackson.databind.node.ArrayNode resolved = nodes.arrayNode();
        for (Node element : array.elements()) {
          resolved.add(resolve(template, element));
        }
        yield resolved;
      }
      case dev.ecsguard.tree.ObjectNode object -> {
        if (object.names().size() == 1) {
          String name = object.names().iterator().next();
          if (name.equals("Ref") || name.startsWith("Fn::")) {
            yield nodes.textNode(intrinsic(template, name, object.get(name)));
          }
        }
        ObjectNode resolved = nodes.objectNode();
        for (String name : object.names()) {
          Node value = object.get(name);
          if (!(value instanceof dev.ecsguard.tree.ObjectNode ref
              && ref.get("Ref") instanceof ScalarNode noValue
              && noValue.text().equals("AWS::NoValue"))) {
            resolved.set(name, resolve(template, value));
          }
        }
        yield resolved;
      }
      case UnresolvedNode unresolved ->
          throw new Unresolvable("a value the reader left unresolved");
    };
  }

  private static String intrinsic(dev.ecsguard.tree.ObjectNode template, String name, Node argument)
      throws Unresolvable {
    switch (name) {
      case "Ref" -> {
        return reference(template, ((ScalarNode) argument).text());
      }
      case "Fn::Sub" -> {
        if (!(argument instanceof ScalarNode text)) {
          throw new Unresolvable("Fn::Sub with a variable map");
        }
        Matcher variables = SUB_VARIABLE.matcher(text.text());
        StringBuilder substituted = new StringBuilder();
        while (variables.find()) {
          String value =
              variables.group(1).isEmpty()
                  ? reference(template, variables.group(2))
                  : "${" + variables.group(2) + "}";
          variables.appendReplacement(substituted, Matcher.quoteReplacement(value));
        }
        return variables.appendTail(substituted).toString();
      }
      case "Fn::Join" -> {
        List<Node> join = ((ArrayNode) argument).elements();
        List<String> parts = new ArrayList<>();
        for (Node part : ((ArrayNode) join.get(1)).elements()) {
          parts.add(resolve(template, part).asText());
        }
        return String.join(((ScalarNode) join.get(0)).text(), parts);
      }
      default -> throw new Unresolvable(name);
    }
  }

  private static String reference(dev.ecsguard.tree.ObjectNode template, String name)
      throws Unresolvable {
    if (PSEUDO.containsKey(name)) {
      return PSEUDO.get(name);
    }
    if (name.contains(".")) {
      throw new Unresolvable("Fn::GetAtt (in Fn::Sub)");
    }
    if (template.get("Parameters") instanceof dev.ecsguard.tree.ObjectNode parameters
        && parameters.get(name) instanceof dev.ecsguard.tree.ObjectNode parameter) {
      if (parameter.get("Type") instanceof ScalarNode type
          && (type.text().startsWith("List<") || type.text().equals("CommaDelimitedList"))) {
        throw new Unresolvable("a list parameter");
      }
      if (parameter.get("Default") instanceof ScalarNode value) {
        return value.text();
      }
      throw new Unresolvable("a parameter without a default (the hook gets its value)");
    }
    throw new Unresolvable("a reference to another resource (the scan links the two)");
  }
}
