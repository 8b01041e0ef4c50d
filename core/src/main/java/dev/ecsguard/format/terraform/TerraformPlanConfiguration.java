package dev.ecsguard.format.terraform;

import dev.ecsguard.tree.ArrayNode;
import dev.ecsguard.tree.Node;
import dev.ecsguard.tree.ObjectNode;
import dev.ecsguard.tree.ScalarNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A plan's {@code configuration} section, as Terraform's JSON output format writes it: each
 * resource block's expressions ({@code root_module.resources}, and {@code module_calls.NAME.module}
 * for a module's), and the provider configurations ({@code provider_config}, keyed {@code aws},
 * {@code aws.west} or {@code module.x:aws}) with their default_tags. An expression is {@code
 * constant_value} when it refers to nothing, else its {@code references}; a nested block is a list
 * of expression objects (an object when single); a {@code dynamic} block is left out.
 */
final class TerraformPlanConfiguration {
  private static final String DEFAULT_TAGS = "default_tags";
  // What a reference may start with that is not a managed resource's: these can be equal to
  // another under another name
  private static final Set<String> NOT_RESOURCES =
      Set.of("", "var.", "local.", "data.", "module.", "each.", "count.", "path.", "self.");
  private final ObjectNode rootModule;
  private final ObjectNode providers;

  private TerraformPlanConfiguration(ObjectNode rootModule, ObjectNode providers) {
    this.rootModule = rootModule;
    this.providers = providers;
  }

  /** The configuration of a plan's root; one that finds nothing where the plan has none. */
  static TerraformPlanConfiguration of(ObjectNode plan) {
    ObjectNode configuration = object(plan, "configuration");
    return new TerraformPlanConfiguration(
        object(configuration, "root_module"), object(configuration, "provider_config"));
  }

  /**
   * The resource block a change was planned from: found by the change's module address (instance
   * keys dropped, as the configuration has one block for every instance), type and name; null when
   * the configuration does not have it.
   */
  Block block(ObjectNode change) {
    Node moduleAddress = change.get("module_address");
    List<String> calls =
        moduleAddress == null
            ? List.of()
            : moduleCalls(moduleAddress instanceof ScalarNode s ? s.text() : null);
    if (calls == null) {
      return null;
    }
    ObjectNode module = rootModule;
    for (String call : calls) {
      module = object(object(object(module, "module_calls"), call), "module");
    }
    if (module != null && module.get("resources") instanceof ArrayNode resources) {
      for (Node node : resources.elements()) {
        if (node instanceof ObjectNode resource
            && text(resource, "mode").equals("managed")
            && text(resource, "type").equals(text(change, "type"))
            && text(resource, "name").equals(text(change, "name"))) {
          return new Block(resource);
        }
      }
    }
    return null;
  }

  /**
   * The module call names of a module address ({@code module.a["x"].module.b[0]} gives a, b); null
   * when it is not one.
   */
  static List<String> moduleCalls(String address) {
    if (address == null) {
      return null;
    }
    List<String> names = new ArrayList<>();
    int at = 0;
    while (at < address.length()) {
      if (!address.startsWith("module.", at)) {
        return null;
      }
      int start = at + "module.".length();
      at = start;
      while (at < address.length() && address.charAt(at) != '.' && address.charAt(at) != '[') {
        at++;
      }
      names.add(address.substring(start, at));
      if (at < address.length() && address.charAt(at) == '[') {
        at = afterKey(address, at);
        if (at < 0) {
          return null;
        }
      }
      if (at < address.length() && address.charAt(at++) != '.') {
        return null;
      }
    }
    return names;
  }

  /** Past an instance key ({@code [0]}, {@code ["a.b"]}) starting at {@code open}; -1 if none. */
  private static int afterKey(String address, int open) {
    int at = open + 1;
    if (at < address.length() && address.charAt(at) == '"') {
      at++;
      while (at < address.length() && address.charAt(at) != '"') {
        at += address.charAt(at) == '\\' ? 2 : 1;
      }
      at++;
    } else {
      while (at < address.length() && Character.isDigit(address.charAt(at))) {
        at++;
      }
    }
    return at < address.length() && address.charAt(at) == ']' ? at + 1 : -1;
  }

  /** One resource block of the configuration. */
  final class Block {
    private final ObjectNode resource;

    private Block(ObjectNode resource) {
      this.resource = resource;
    }

    /**
     * Whether the block leaves out the attribute at {@code path} (a path in planned values, whose
     * numeric steps index nested blocks) while writing every block that holds it: then the
     * provider's default applies. False where the attribute is written, and where a block on the
     * way is not in the expressions (a {@code dynamic} block may hold it).
     */
    boolean leavesOut(String... path) {
      Node current = object(resource, "expressions"); // absent when the block writes nothing
      for (int i = 0; i < path.length; i++) {
        if (path[i].chars().allMatch(Character::isDigit)) {
          int index = Integer.parseInt(path[i]);
          if (current instanceof ArrayNode blocks) {
            current = index < blocks.size() ? blocks.elements().get(index) : null;
          } else if (!(current instanceof ObjectNode && index == 0)) { // else a single nested block
            return false;
          }
        } else {
          current = current instanceof ObjectNode object ? object.get(path[i]) : null;
          if (current == null) {
            return i == path.length - 1;
          }
        }
        if (current == null) {
          return false;
        }
      }
      return false;
    }

    /** What the expression of attribute {@code name} refers to, each once; empty for none. */
    List<String> references(String name) {
      ObjectNode expressions = object(resource, "expressions");
      return expressions != null
              && object(expressions, name) != null
              && object(expressions, name).get("references") instanceof ArrayNode names
          ? texts(names)
          : List.of();
    }

    /**
     * Whether the block writes the attribute or block {@code name} (not through {@code dynamic}).
     */
    boolean writes(String name) {
      ObjectNode expressions = object(resource, "expressions");
      return expressions != null && expressions.get(name) != null;
    }

    /**
     * The managed resource's attribute the attribute {@code name} is written as ({@code
     * aws_iam_role.task.arn}, which Terraform lists with the resource it belongs to), or null when
     * it refers to anything else or to more than that. A template around the reference looks the
     * same in the plan, so that is taken as the reference too.
     */
    String reference(String name) {
      ObjectNode expression = object(object(resource, "expressions"), name);
      if (expression == null || !(expression.get("references") instanceof ArrayNode references)) {
        return null;
      }
      String first = null;
      for (Node node : references.elements()) {
        if (!(node instanceof ScalarNode reference)) {
          return null;
        }
        first = first == null ? reference.text() : first;
        if (!first.equals(reference.text()) && !first.startsWith(reference.text() + ".")) {
          return null;
        }
      }
      return first == null || NOT_RESOURCES.contains(first.substring(0, first.indexOf('.') + 1))
          ? null
          : first;
    }

    /** The default tags the provider configuration of this block adds to its tags. */
    DefaultTags defaultTags() {
      String key = text(resource, "provider_config_key");
      ObjectNode provider = object(providers, key);
      if (provider != null) {
        return DefaultTags.of(key, provider);
      }
      // A key that names no configuration (older Terraform wrote module-local keys): none can
      // add tags when no provider configuration has default_tags.
      if (providers != null) {
        for (String name : providers.names()) {
          DefaultTags tags = DefaultTags.of(name, object(providers, name));
          if (tags.unknownReason() != null || !tags.tags().isEmpty()) {
            return DefaultTags.unknown(
                "the plan's configuration does not say which provider configuration it uses ("
                    + (key.isEmpty() ? "no provider_config_key" : key)
                    + "), and "
                    + name
                    + " has default_tags");
          }
        }
      }
      return new DefaultTags(Map.of(), null);
    }
  }

  /**
   * The tags a provider configuration adds to every resource's (tag key to the node of its value),
   * or why they cannot be told.
   */
  record DefaultTags(Map<String, Node> tags, String unknownReason) {
    static DefaultTags unknown(String reason) {
      return new DefaultTags(Map.of(), reason);
    }

    private static DefaultTags of(String key, ObjectNode provider) {
      ObjectNode expressions = object(provider, "expressions");
      Node blocks = expressions == null ? null : expressions.get(DEFAULT_TAGS);
      Map<String, Node> tags = new LinkedHashMap<>();
      for (Node block : blocks instanceof ArrayNode list ? list.elements() : nullable(blocks)) {
        Node expression = block instanceof ObjectNode object ? object.get("tags") : null;
        if (expression == null) {
          continue; // a default_tags block without tags adds none
        }
        Node constant = expression instanceof ObjectNode e ? e.get("constant_value") : null;
        Node references = expression instanceof ObjectNode e ? e.get("references") : null;
        if (constant instanceof ObjectNode map && references == null) {
          map.names().forEach(name -> tags.put(name, map.get(name)));
        } else if (!(constant instanceof ScalarNode scalar
            && scalar.type() == ScalarNode.Type.NULL
            && references == null)) {
          return unknown(
              "the default_tags of provider "
                  + key
                  + (references instanceof ArrayNode names && names.size() > 0
                      ? " come from " + String.join(", ", texts(names))
                      : " are not a constant map"));
        }
      }
      return new DefaultTags(tags, null);
    }
  }

  private static List<Node> nullable(Node node) {
    return node == null ? List.of() : List.of(node);
  }

  /** The references an expression names, each once. */
  private static List<String> texts(ArrayNode names) {
    Set<String> texts = new LinkedHashSet<>();
    for (Node name : names.elements()) {
      if (name instanceof ScalarNode scalar && scalar.text() != null) {
        texts.add(scalar.text());
      }
    }
    return List.copyOf(texts);
  }

  private static ObjectNode object(ObjectNode parent, String name) {
    return parent != null && name != null && parent.get(name) instanceof ObjectNode object
        ? object
        : null;
  }

  private static String text(ObjectNode object, String name) {
    return object.get(name) instanceof ScalarNode scalar && scalar.text() != null
        ? scalar.text()
        : "";
  }
}
