package dev.ecsguard.guardrail.deploy;

import dev.ecsguard.guardrail.GuardrailException;
import dev.ecsguard.tree.ArrayNode;
import dev.ecsguard.tree.DocumentReader;
import dev.ecsguard.tree.InputException;
import dev.ecsguard.tree.InputLimits;
import dev.ecsguard.tree.Node;
import dev.ecsguard.tree.ObjectNode;
import dev.ecsguard.tree.ScalarNode;
import dev.ecsguard.tree.UnresolvedNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * A CloudFormation template as the deploy compares it: its text (what is sent), its parameters
 * (name → default, null when it has none) and its resources by logical id (type, condition, and the
 * resource's definition in a canonical form, keys sorted, so that two texts of one definition
 * compare equal).
 */
public record StackTemplate(
    String name, String text, Map<String, String> parameters, Map<String, Resource> resources) {

  /** One resource: {@code condition} is null when it has none. */
  public record Resource(String type, String condition, String definition) {}

  /** The templates shipped with the guardrail (the files guardrail/template*.yaml). */
  public enum Packaged {
    ACCOUNT("template.yaml"),
    ORGANIZATION("template-organization.yaml");

    private final String file;

    Packaged(String file) {
      this.file = file;
    }

    public String file() {
      return file;
    }

    public StackTemplate load() throws GuardrailException {
      try (InputStream in = StackTemplate.class.getResourceAsStream(file)) {
        if (in == null) {
          throw new GuardrailException("the packaged " + file + " is missing from the jar");
        }
        return parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new GuardrailException("cannot read the packaged " + file + ": " + e.getMessage());
      }
    }
  }

  /** Parses a template's YAML or JSON text; an error names {@code name} and the line. */
  public static StackTemplate parse(String name, String text) throws GuardrailException {
    Node root;
    try {
      root =
          new DocumentReader(InputLimits.DEFAULT)
              .read(text.getBytes(StandardCharsets.UTF_8), name)
              .root();
    } catch (InputException e) {
      throw new GuardrailException(e.getMessage());
    }
    if (!(root instanceof ObjectNode template)
        || !(template.get("Resources") instanceof ObjectNode)) {
      throw new GuardrailException(name + ": not a CloudFormation template (no Resources)");
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    if (template.get("Parameters") instanceof ObjectNode declared) {
      for (String parameter : declared.names()) {
        parameters.put(
            parameter,
            declared.get(parameter) instanceof ObjectNode definition
                    && definition.get("Default") instanceof ScalarNode value
                ? value.text()
                : null);
      }
    }
    Map<String, Resource> resources = new LinkedHashMap<>();
    ObjectNode declared = (ObjectNode) template.get("Resources");
    for (String logicalId : declared.names()) {
      Node resource = declared.get(logicalId);
      String type = null;
      String condition = null;
      if (resource instanceof ObjectNode definition) {
        type = definition.get("Type") instanceof ScalarNode value ? value.text() : null;
        condition = definition.get("Condition") instanceof ScalarNode value ? value.text() : null;
      }
      resources.put(logicalId, new Resource(type, condition, canonical(resource)));
    }
    return new StackTemplate(name, text, parameters, resources);
  }

  /** The node as compact JSON-like text with object keys sorted. */
  private static String canonical(Node node) {
    StringBuilder out = new StringBuilder();
    write(node, out);
    return out.toString();
  }

  private static void write(Node node, StringBuilder out) {
    switch (node) {
      case ObjectNode object -> {
        out.append('{');
        String separator = "";
        for (String name : new TreeSet<>(object.names())) {
          out.append(separator).append('"').append(name).append("\":");
          write(object.get(name), out);
          separator = ",";
        }
        out.append('}');
      }
      case ArrayNode array -> {
        out.append('[');
        String separator = "";
        for (Node element : array.elements()) {
          out.append(separator);
          write(element, out);
          separator = ",";
        }
        out.append(']');
      }
      case ScalarNode scalar -> out.append('"').append(scalar.text()).append('"');
      case UnresolvedNode unresolved -> out.append("?(").append(unresolved.reason()).append(')');
      default -> out.append(node.kind());
    }
  }
}
