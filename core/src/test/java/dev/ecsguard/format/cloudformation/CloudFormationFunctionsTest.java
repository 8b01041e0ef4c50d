package dev.ecsguard.format.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import dev.ecsguard.tree.Node;
import dev.ecsguard.tree.ObjectNode;
import dev.ecsguard.tree.ScalarNode;
import dev.ecsguard.tree.UnresolvedNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The text an unresolved Fn::Sub or Fn::Join is known to end with. */
class CloudFormationFunctionsTest {

  /** {@code expression} resolved as the value of a resource's property. */
  private static Node resolved(String expression) throws InputException {
    String template =
        """
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          Repo: {Type: String}
          Tag: {Type: String}
          Registry: {Type: String}
        Resources:
          Task:
            Type: AWS::ECS::TaskDefinition
            Properties:
              Value: %s
        """
            .formatted(expression);
    ObjectNode root =
        (ObjectNode)
            new DocumentReader(InputLimits.DEFAULT)
                .read(
                    new ByteArrayInputStream(template.getBytes(StandardCharsets.UTF_8)),
                    "stack.yaml")
                .root();
    Node value =
        ((ObjectNode)
                ((ObjectNode) ((ObjectNode) root.get("Resources")).get("Task")).get("Properties"))
            .get("Value");
    ObjectNode out = Node.newDocument("out");
    new CloudFormationFunctions(root, Map.of()).copyResolved(value, out, "value");
    return out.get("value");
  }

  @ParameterizedTest(name = "{0} ends with {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      value = {
        "!Sub \"${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/repo:latest\"|.amazonaws.com/repo:latest",
        "!Sub \"${Repo}@sha256:abc\"|@sha256:abc",
        "!Sub \"${Repo}:${Tag}\"|none",
        "!Sub \"${Repo}\"|none",
        "!Sub \"${Repo}:${!Tag}\"|:${Tag}",
        "!Sub [\"${Repo}:${Version}\", {Version: \"1.2\"}]|:1.2",
        "!Sub [\"${Image}-x\", {Image: !Sub \"${Repo}:latest\"}]|:latest-x",
        "!Select [0, [!Sub \"${Repo}:latest\"]]|:latest",
        "!Join [\"\", [!Ref Repo, \":latest\"]]|:latest",
        "!Join [\"/\", [!Ref Registry, app, v1]]|/app/v1",
        "!Join [\"\", [!Ref Repo, !Ref AWS::NoValue, \":1\"]]|:1",
        "!Join [\"\", [!Sub \"${Repo}:\", !Ref Tag, \"-x\"]]|-x",
        "!Join [\"\", [!Sub \"${Registry}/app\", \":2\"]]|/app:2",
        "!Join [\"\", [\":x\", !Ref Repo]]|none",
        "!Join [\"\", !Split [\",\", !Ref Repo]]|none",
        "!Join [!Ref Tag, [a, b]]|none"
      })
  void anUnresolvedValueKeepsTheLiteralTextAfterItsLastUnknownPart(String expression, String ending)
      throws InputException {
    assertThat(resolved(expression))
        .isInstanceOfSatisfying(
            UnresolvedNode.class,
            unresolved -> assertThat(unresolved.knownEnding()).isEqualTo(ending));
  }

  @Test
  void theReasonIsTheFirstUnknownPartsAsBefore() throws InputException {
    UnresolvedNode sub = (UnresolvedNode) resolved("!Sub \"${Repo}:${Tag}:latest\"");
    assertThat(sub.reason()).startsWith("Fn::Sub ${Repo}: Ref Repo");
    UnresolvedNode join = (UnresolvedNode) resolved("!Join [\"\", [!Ref Repo, !Ref Tag, x]]");
    assertThat(join.reason()).startsWith("Fn::Join: Ref Repo");
  }

  @Test
  void aJoinOfKnownPartsStillGivesTheWholeText() throws InputException {
    assertThat(resolved("!Join [\":\", [a, !Ref AWS::NoValue, c]]"))
        .isInstanceOfSatisfying(
            ScalarNode.class, scalar -> assertThat(scalar.text()).isEqualTo("a:c"));
  }
}
