package dev.ecsguard.format.cloudformation;

import dev.ecsguard.tree.ArrayNode;
import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.Node;
import dev.ecsguard.tree.ObjectNode;
import dev.ecsguard.tree.ScalarNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A file of CloudFormation parameter values, in the shapes AWS's tools take one: {@code aws
 * cloudformation create-stack --parameters file://…} ({@code [{"ParameterKey": …, "ParameterValue":
 * …}]}), a CodePipeline template configuration ({@code {"Parameters": {NAME: VALUE}}}), and {@code
 * aws cloudformation deploy --parameter-overrides file://…}, which also takes {@code ["NAME=VALUE",
 * …]}. JSON or YAML.
 */
public final class CloudFormationParameterFile {
  private CloudFormationParameterFile() {}

  /**
   * The values {@code file} gives, by parameter name, in its order.
   *
   * @throws InputException naming the file, and the line, of what is not such a file
   */
  public static Map<String, String> read(Path file, DocumentReader documents)
      throws InputException {
    String name = file.toString();
    Node root = documents.read(file, name).root();
    Map<String, String> values = new LinkedHashMap<>();
    if (root instanceof ObjectNode template
        && template.get("Parameters") instanceof ObjectNode given) {
      for (String key : given.names()) {
        values.put(key, text(given.get(key), given, "the value of " + key));
      }
      return values;
    }
    if (!(root instanceof ArrayNode list)) {
      throw problem(
          root,
          "not a parameter file: expected [{\"ParameterKey\": …, \"ParameterValue\": …}],"
              + " {\"Parameters\": {…}} or [\"NAME=VALUE\"]");
    }
    for (Node element : list.elements()) {
      if (element instanceof ObjectNode parameter) {
        String key = text(parameter.get("ParameterKey"), parameter, "ParameterKey");
        if (parameter.get("UsePreviousValue") instanceof ScalarNode previous
            && previous.text().equalsIgnoreCase("true")) {
          // The stack's current value is not in any file: taking the Default instead could pass
          // what the stack really fails.
          throw problem(
              parameter,
              key + " uses UsePreviousValue, a value a scan cannot know: give its ParameterValue");
        }
        values.put(
            key, text(parameter.get("ParameterValue"), parameter, "the ParameterValue of " + key));
      } else {
        String pair = text(element, list, "an element");
        int equals = pair.indexOf('=');
        if (equals <= 0) {
          throw problem(element, "an element that is not NAME=VALUE");
        }
        values.put(pair.substring(0, equals), pair.substring(equals + 1));
      }
    }
    return values;
  }

  /**
   * A scalar's text (CloudFormation takes every parameter value as a string); {@code parent}: where
   * it is missing from.
   */
  private static String text(Node node, Node parent, String what) throws InputException {
    if (node instanceof ScalarNode scalar && scalar.type() != ScalarNode.Type.NULL) {
      return scalar.text();
    }
    throw problem(
        node == null ? parent : node, what + (node == null ? " is missing" : " is not a string"));
  }

  private static InputException problem(Node at, String problem) {
    return new InputException(at.file(), at.line(), at.column(), problem);
  }
}
